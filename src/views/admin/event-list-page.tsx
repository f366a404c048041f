import { isNational, type Principal } from "../../auth/authorize";
import { DayTitle } from "../event-heading";
import { formatNumber, t, tCount } from "../../domain/i18n";
import { listState } from "../../domain/event-list-query";
import type { Lang } from "../../domain/lang";
import { joinedNames } from "../../domain/localised-name";
import { CancelledBadge } from "./event-manage-section";
import type { EventRow } from "../../queries/events";
import type { EventListOptions } from "../../services/event-list";
import type { PageWindow } from "../../domain/event-list-query";
import type { FieldProblem } from "../../http/errors";
import { AdminPage } from "./admin-page";
import { EventListFilters, filterLabel, listHref, type FilterChoices } from "./event-list-filters";
import { regionName, shortDate, SurveyStateLabel, type RegionNames } from "./names";

export interface EventListPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly options: EventListOptions;
  /** Query values that were wrong and left out (the page still shows the rest). */
  readonly ignored: readonly FieldProblem[];
  readonly list: FilterChoices & {
    readonly events: readonly EventRow[];
    readonly window: PageWindow;
    readonly regions: readonly RegionNames[];
    readonly canCreate: boolean;
  };
  readonly now: number;
  readonly done: string | null;
}

/** The days a person may read, filtered, sorted and a page at a time: the agent's starting point. */
export function EventListPage({ lang, principal, options, ignored, list, now, done }: EventListPageProps) {
  const { events, regions, canCreate, window } = list;
  const title = t(lang, "admin.days.title");
  return (
    <AdminPage lang={lang} principal={principal} title={title} menuPage="days" langHref={(code) => listHref(code, options)} done={done}>
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
      <IgnoredFilters lang={lang} problems={ignored} />
      <EventListFilters lang={lang} options={options} choices={list} />
      {/* The page reloads on every search, so the count is a heading (not a live region, which
          would stay silent on a new page): the first thing after the form, and in the caption too. */}
      <h2 id="days-found">{tCount(lang, "admin.days.found", window.total)}</h2>
      {events.length > 0 && <p>{t(lang, "admin.days.showing", { first: window.first, last: window.last, total: window.total })}</p>}
      {events.length === 0 ? (
        <p>{t(lang, filtered(options) ? "admin.days.noneFound" : "admin.days.none")}</p>
      ) : (
        // Seven columns do not fit a phone: the table scrolls sideways inside its own box, which
        // keyboard users can reach and scroll too. The day's name comes first, so a phone shows it.
        <div class="table-scroll" role="region" aria-labelledby="days-caption" tabindex={0}>
          <table>
            <caption id="days-caption">
              {t(lang, "admin.days.caption", {
                order: t(lang, `admin.days.sort.${options.sort}`),
                first: window.first,
                last: window.last,
                total: window.total,
              })}
            </caption>
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
                    <a href={`/admin/events/${e.id}?lang=${lang}`}>
                      <DayTitle day={e} lang={lang} />
                    </a>
                    <br />
                    <a class="small" href={`/admin/events/${e.id}/results?lang=${lang}`}>
                      {t(lang, "results.link")}
                      <span class="vh">
                        : <DayTitle day={e} lang={lang} />
                      </span>
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
                      <SurveyStateLabel lang={lang} state={listState(e, now)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPages lang={lang} options={options} window={window} />
    </AdminPage>
  );
}

/** Which values of the address were not understood, each a link to its control. */
function IgnoredFilters({ lang, problems }: { lang: Lang; problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="summary" role="alert" id="error-summary">
      <h2>{t(lang, "admin.days.ignored")}</h2>
      <ul>
        {problems.map((p) => (
          <li>
            <a href={p.key === "page" ? "#days-found" : `#filter-${p.key}`}>
              {filterLabel(lang, p.key)}: {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function filtered(o: EventListOptions): boolean {
  return [o.q, o.programme, o.region, o.theme, o.state, o.from, o.to].some((value) => value !== undefined && value !== "");
}

/** Previous and next links with "page 2 of 3" between them; the links keep every filter. */
function ListPages({ lang, options, window }: { lang: Lang; options: EventListOptions; window: PageWindow }) {
  if (window.pages <= 1) return null;
  return (
    <nav class="actions" aria-label={t(lang, "admin.days.pages")}>
      {window.page > 1 && (
        <a rel="prev" href={listHref(lang, options, { page: window.page - 1 })}>
          {t(lang, "admin.days.previous")}
        </a>
      )}
      <span aria-current="page">{t(lang, "admin.days.pageOf", { page: window.page, pages: window.pages })}</span>
      {window.page < window.pages && (
        <a rel="next" href={listHref(lang, options, { page: window.page + 1 })}>
          {t(lang, "admin.days.next")}
        </a>
      )}
    </nav>
  );
}

export function themeOf(lang: Lang, e: EventRow): string | null {
  if (e.themeId === null) return null;
  return joinedNames(e, "theme")?.[lang] ?? null;
}
