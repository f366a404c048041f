import type { Principal } from "../../auth/authorize";
import { formatDateTime } from "../../domain/i18n";
import { dictionaries, t, type MessageKey } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { AdminPage } from "./admin-page";
import { AuditTarget, detailLines, type AuditNames } from "./audit-text";
import { regionName } from "./names";

export interface AuditRow {
  readonly id: number;
  readonly at: number;
  readonly userId: number | null;
  readonly actor: string | null;
  readonly action: string;
  readonly regionCode: string | null;
  readonly target: string | null;
  readonly details: unknown;
  /** Refused sign-ins are one row per window with a count. */
  readonly count?: number;
}

export interface AuditPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly entries: readonly AuditRow[];
  /** The names the entries speak in (people, days, regions, programmes, themes). */
  readonly names: AuditNames;
  /** The id to page back from, when there may be older entries. */
  readonly olderThan: number | null;
  readonly isFirstPage: boolean;
}

/** Every action named in the reader's language; one added later without a name shows as its code. */
function actionLabel(lang: Lang, action: string): string {
  const key = `admin.audit.action.${action}`;
  return key in dictionaries.fi ? t(lang, key as MessageKey) : action;
}

/** Who did what, when, in which region: newest first, a page at a time. */
export function AuditPage({ lang, principal, entries, names, olderThan, isFirstPage }: AuditPageProps) {
  const { people, regions } = names;
  const title = t(lang, "admin.audit.title");
  return (
    <AdminPage lang={lang} principal={principal} title={title} menuPage="audit" langHref={(code) => `/admin/audit?lang=${code}`}>
      <h1>{title}</h1>
      <p class="hint">{t(lang, "admin.audit.intro")}</p>
      {entries.length === 0 ? (
        <p>{t(lang, "admin.audit.none")}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex={0}>
          <table>
            <caption id="audit-caption">{t(lang, "admin.audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, "admin.audit.when")}</th>
                <th scope="col">{t(lang, "admin.audit.who")}</th>
                <th scope="col">{t(lang, "admin.audit.action")}</th>
                <th scope="col">{t(lang, "admin.event.region")}</th>
                <th scope="col">{t(lang, "admin.audit.target")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>
                    <time datetime={new Date(e.at).toISOString()}>{formatDateTime(lang, e.at)}</time>
                  </td>
                  <td>{(e.userId !== null ? people.get(e.userId) : null) ?? e.actor ?? "–"}</td>
                  <td>
                    {actionLabel(lang, e.action)}
                    {(e.count ?? 1) > 1 && ` × ${e.count}`}
                  </td>
                  <td>{e.regionCode === null ? "–" : regionName(lang, regions, e.regionCode)}</td>
                  <td>
                    <AuditTarget lang={lang} target={e.target} names={names} />
                    {e.details !== null && e.details !== undefined && (
                      <>
                        <ul class="hint audit-details">
                          {detailLines(lang, names, e.details).map((line) => (
                            <li>{line}</li>
                          ))}
                        </ul>
                        {/* The stored data as it is, for the national team (this page is theirs only). */}
                        <details>
                          <summary>{t(lang, "admin.audit.raw")}</summary>
                          <pre class="audit-raw">{JSON.stringify(e.details, null, 1)}</pre>
                        </details>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="pager">
        {!isFirstPage && <a href={`/admin/audit?lang=${lang}`}>{t(lang, "admin.audit.newest")}</a>}
        {!isFirstPage && olderThan !== null && " · "}
        {olderThan !== null && <a href={`/admin/audit?lang=${lang}&before=${olderThan}`}>{t(lang, "admin.audit.older")}</a>}
      </p>
    </AdminPage>
  );
}
