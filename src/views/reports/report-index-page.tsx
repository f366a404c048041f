import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { localisedName } from "../../domain/localised-name";
import { AdminPage } from "../admin/admin-page";

interface AreaChoice {
  readonly id: number;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

interface RegionChoice {
  readonly code: string;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

/** Where the printable reports start: a region or a cooperation area and a period, or a period for
 *  the whole country. */
export function ReportIndexPage({
  lang,
  principal,
  regions,
  areas,
}: {
  lang: Lang;
  principal: Principal;
  regions: readonly RegionChoice[];
  /** The areas whose every region the person reads (others would reveal a region in part). */
  areas: readonly AreaChoice[];
}) {
  const title = t(lang, "report.index.title");
  const period = (prefix: string) => (
    <>
      <p>
        <label for={`${prefix}-from`}>{t(lang, "report.field.from")}</label>
        <input id={`${prefix}-from`} name="from" type="date" />
      </p>
      <p>
        <label for={`${prefix}-to`}>{t(lang, "report.field.to")}</label>
        <input id={`${prefix}-to`} name="to" type="date" />
      </p>
    </>
  );
  return (
    <AdminPage lang={lang} principal={principal} title={title} menuPage="reports" langHref={(code) => `/admin/reports?lang=${code}`}>
      <h1>{title}</h1>
      <p>{t(lang, "report.index.intro")}</p>
      <section aria-labelledby="region-report-heading">
        <h2 id="region-report-heading">{t(lang, "report.index.region")}</h2>
        <form method="get" action="/admin/reports/region">
          <input type="hidden" name="lang" value={lang} />
          <p>
            <label for="region">{t(lang, "report.field.region")}</label>
            <select id="region" name="region">
              {regions.map((r) => (
                <option value={r.code}>{localisedName(r, lang)}</option>
              ))}
            </select>
          </p>
          {period("region")}
          <button type="submit">{t(lang, "report.index.show")}</button>
        </form>
      </section>
      <section aria-labelledby="area-report-heading">
        <h2 id="area-report-heading">{t(lang, "report.index.area")}</h2>
        {areas.length === 0 ? (
          <p>{t(lang, "report.index.noAreas")}</p>
        ) : (
          <form method="get" action="/admin/reports/area">
            <input type="hidden" name="lang" value={lang} />
            <p>
              <label for="area">{t(lang, "report.field.area")}</label>
              <select id="area" name="area">
                {areas.map((a) => (
                  <option value={String(a.id)}>{localisedName(a, lang)}</option>
                ))}
              </select>
            </p>
            {period("area")}
            <button type="submit">{t(lang, "report.index.show")}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="national-report-heading">
        <h2 id="national-report-heading">{t(lang, "report.index.national")}</h2>
        <form method="get" action="/admin/reports/national">
          <input type="hidden" name="lang" value={lang} />
          {period("national")}
          <button type="submit">{t(lang, "report.index.show")}</button>
        </form>
      </section>
      <p>{t(lang, "report.index.day")}</p>
    </AdminPage>
  );
}
