import { isNational, type Principal } from "../../auth/authorize";
import { formatNumber, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { joinedNames } from "../../domain/localised-name";
import { surveyState } from "../../domain/survey-state";
import { CancelledBadge } from "./event-manage-section";
import type { EventRow } from "../../queries/events";
import { AdminPage } from "./admin-page";
import { regionName, shortDate, SurveyStateLabel, type RegionNames } from "./names";

export interface EventListPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly events: readonly EventRow[];
  readonly regions: readonly RegionNames[];
  readonly canCreate: boolean;
  readonly now: number;
  readonly done: string | null;
}

/** The days a person may read, newest first: the agent's starting point. */
export function EventListPage({ lang, principal, events, regions, canCreate, now, done }: EventListPageProps) {
  const title = t(lang, "admin.days.title");
  return (
    <AdminPage lang={lang} principal={principal} title={title} menuPage="days" langHref={(code) => `/admin?lang=${code}`} done={done}>
      <h1>{title}</h1>
      {canCreate && (
        <p>
          <a href={`/admin/events/new?lang=${lang}`}>{t(lang, "admin.days.new")}</a>
        </p>
      )}
      {isNational(principal) && (
        <p>
          <a href={`/admin/import?lang=${lang}`}>{t(lang, "admin.nav.import")}</a>
        </p>
      )}
      {events.length === 0 ? (
        <p>{t(lang, "admin.days.none")}</p>
      ) : (
        // Seven columns do not fit a phone: the table scrolls sideways inside its own box, which
        // keyboard users can reach and scroll too. The day's name comes first, so a phone shows it.
        <div class="table-scroll" role="region" aria-labelledby="days-caption" tabindex={0}>
          <table>
            <caption id="days-caption">{t(lang, "admin.days.caption", { count: events.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, "admin.event.title")}</th>
                <th scope="col">{t(lang, "admin.event.date")}</th>
                <th scope="col">{t(lang, "admin.event.region")}</th>
                <th scope="col">{t(lang, "admin.event.theme")}</th>
                <th scope="col" class="num">
                  {t(lang, "admin.days.attendance")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "admin.event.responses")}
                </th>
                <th scope="col">{t(lang, "admin.days.survey")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td>
                    <a href={`/admin/events/${e.id}?lang=${lang}`}>{e.title}</a>
                    <br />
                    <a class="small" href={`/admin/events/${e.id}/results?lang=${lang}`}>
                      {t(lang, "results.link")}
                      <span class="vh">: {e.title}</span>
                    </a>
                    {e.isDemo && (
                      <>
                        {" "}
                        <span class="badge">{t(lang, "demo.badge")}</span>
                      </>
                    )}
                  </td>
                  <td class="nowrap">
                    <time datetime={e.date}>{shortDate(lang, e.date)}</time>
                  </td>
                  <td>{regionName(lang, regions, e.regionCode)}</td>
                  <td>{themeOf(lang, e) ?? "–"}</td>
                  <td class="num">{e.attendance === null ? "–" : formatNumber(lang, e.attendance)}</td>
                  <td class="num">{formatNumber(lang, e.responseCount)}</td>
                  <td>
                    {e.cancelledAt !== null ? (
                      <CancelledBadge lang={lang} event={e} />
                    ) : (
                      <SurveyStateLabel lang={lang} state={surveyState(e, now)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminPage>
  );
}

export function themeOf(lang: Lang, e: EventRow): string | null {
  if (e.themeId === null) return null;
  return joinedNames(e, "theme")?.[lang] ?? null;
}
