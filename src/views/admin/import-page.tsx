import type { Principal } from "../../auth/authorize";
import { formatDate, formatNumber, t } from "../../domain/i18n";
import { importErrorText } from "../../domain/history-import";
import type { Lang } from "../../domain/lang";
import type { ImportResult } from "../../services/history-import";
import { AdminPage } from "./admin-page";
import { ErrorLine } from "./fields";
import { regionName, type RegionNames } from "./names";

export interface ImportPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly programmes: readonly { id: number; name: string }[];
  readonly regions: readonly RegionNames[];
  readonly programmeId: number | null;
  readonly result?: ImportResult | null;
  readonly dryRun?: boolean;
  /** A problem with the form itself (no file chosen). */
  readonly formError?: string | null;
}

/** The national team's history import: upload, dry run row by row, then import. */
export function ImportPage({ lang, principal, programmes, regions, programmeId, result, dryRun, formError }: ImportPageProps) {
  const title = t(lang, "import.title");
  const selected = programmeId ?? programmes.at(-1)?.id ?? null;
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="import"
      hasErrors={Boolean(formError) || (result?.errors.length ?? 0) > 0}
      langHref={(code) => `/admin/import?lang=${code}`}
    >
      <h1>{title}</h1>
      <p>{t(lang, "import.intro")}</p>
      <p>
        <a href={`/admin/import/template.csv?lang=${lang}`} download="palaute-historia.csv">
          {t(lang, "import.template")}
        </a>
      </p>
      <form method="post" action={`/admin/import?lang=${lang}`} enctype="multipart/form-data">
        <div class="field">
          <label class="label" for="import-programme">
            {t(lang, "import.programme")}
          </label>
          <select id="import-programme" name="programme">
            {programmes.map((p) => (
              <option value={String(p.id)} selected={p.id === selected}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class={`field${formError ? " invalid" : ""}`}>
          <label class="label" for="import-file">
            {t(lang, "import.file")}
          </label>
          {formError && <ErrorLine lang={lang} id="import-file-error" message={formError} />}
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={formError ? "import-file-error" : undefined}
            aria-invalid={formError ? "true" : undefined}
          />
        </div>
        <p class="actions">
          <button type="submit" name="mode" value="dry-run">
            {t(lang, "import.dryRun")}
          </button>{" "}
          <button type="submit" name="mode" value="import" class="secondary">
            {t(lang, "import.apply")}
          </button>
        </p>
      </form>
      {result && (
        <section aria-labelledby="import-result-heading">
          <h2 id="import-result-heading" tabindex={-1}>
            {t(lang, "import.resultTitle")}
          </h2>
          <p role="status">
            {result.applied
              ? t(lang, "import.applied")
              : result.errors.length > 0
                ? t(lang, "import.notApplied")
                : dryRun
                  ? t(lang, "import.dryRunDone")
                  : ""}
          </p>
          {result.errors.length > 0 && (
            <div class="summary" role="alert">
              <h3>{t(lang, "import.errorsTitle")}</h3>
              <ul>
                {result.errors.map((e) => (
                  <li>{importErrorText(lang, e)}</li>
                ))}
              </ul>
            </div>
          )}
          {result.rows.length > 0 && (
            <div class="table-scroll" role="region" aria-labelledby="import-rows-caption" tabindex={0}>
              <table>
                <caption id="import-rows-caption">{t(lang, "import.rowsCaption", { count: result.rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      {t(lang, "import.col.line")}
                    </th>
                    <th scope="col">{t(lang, "import.col.action")}</th>
                    <th scope="col">{t(lang, "admin.event.region")}</th>
                    <th scope="col">{t(lang, "admin.event.date")}</th>
                    <th scope="col">{t(lang, "admin.event.title")}</th>
                    <th scope="col" class="num">
                      {t(lang, "dash.col.mean")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r) => (
                    <tr>
                      <td class="num">{r.line}</td>
                      <td>{t(lang, `import.action.${r.action}`)}</td>
                      <td>{regionName(lang, regions, r.regionCode)}</td>
                      <td class="nowrap">{formatDate(lang, r.date)}</td>
                      <td>{r.title}</td>
                      <td class="num">{formatNumber(lang, r.mean, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </AdminPage>
  );
}
