import type { Principal } from "../../auth/authorize";
import { formatDateTime } from "../../domain/i18n";
import { dictionaries, t, type MessageKey } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { AdminPage } from "./admin-page";
import { regionName, type RegionNames } from "./names";

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
  /** Who each user id is ("Name <email>"). */
  readonly people: ReadonlyMap<number, string>;
  readonly regions: readonly RegionNames[];
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
export function AuditPage({ lang, principal, entries, people, regions, olderThan, isFirstPage }: AuditPageProps) {
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
                    <Target lang={lang} target={e.target} />
                    {e.details !== null && <div class="hint">{describe(e.details)}</div>}
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

/** "event:12" links to the day, "user:3" to the account; other targets are shown as they are. */
function Target({ lang, target }: { lang: Lang; target: string | null }) {
  if (!target) return <>–</>;
  const [kind, id] = target.split(":");
  if (kind === "event" && id) return <a href={`/admin/events/${id}?lang=${lang}`}>{t(lang, "admin.audit.targetEvent", { id })}</a>;
  if (kind === "user" && id) return <a href={`/admin/users/${id}?lang=${lang}`}>{t(lang, "admin.audit.targetUser", { id })}</a>;
  if ((kind === "programme" || kind === "theme") && id) return <a href={`/admin/programmes?lang=${lang}`}>{target}</a>;
  return <>{target}</>;
}

/** Details as "key: value; …" (never secrets: the audit log does not store them). */
function describe(details: unknown): string {
  if (typeof details !== "object" || details === null) return String(details);
  return Object.entries(details)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null ? String(value) : JSON.stringify(value)}`,
    )
    .join("; ");
}
