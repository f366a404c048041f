import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { EventRow } from "../../queries/events";

/** Duplicate, cancel (and take back) and delete the day, for those who may change it. */
export function EventManageSection({ lang, event }: { readonly lang: Lang; readonly event: EventRow }) {
  const base = `/admin/events/${event.id}`;
  const cancelled = event.cancelledAt !== null;
  return (
    <section aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t(lang, "admin.manage.title")}</h2>
      <ul>
        <li>
          <a href={`${base}/duplicate?lang=${lang}`}>{t(lang, "admin.manage.duplicate")}</a>
        </li>
        <li>
          <a href={`${base}/delete?lang=${lang}`}>{t(lang, "admin.manage.delete")}</a>
        </li>
      </ul>
      {cancelled ? (
        <form method="post" action={`${base}/uncancel?lang=${lang}`} class="actions">
          <button type="submit" class="secondary">
            {t(lang, "admin.manage.uncancel")}
          </button>
        </form>
      ) : (
        <form method="post" action={`${base}/cancel?lang=${lang}`} class="actions">
          <p class="hint" id="cancel-hint">
            {t(lang, "admin.manage.cancelHint")}
          </p>
          <button type="submit" class="secondary" aria-describedby="cancel-hint">
            {t(lang, "admin.manage.cancel")}
          </button>
        </form>
      )}
    </section>
  );
}

/** The "cancelled" label wherever a day is shown to staff. */
export function CancelledBadge({ lang, event }: { readonly lang: Lang; readonly event: Pick<EventRow, "cancelledAt"> }) {
  if (event.cancelledAt === null) return null;
  return <span class="badge">{t(lang, "admin.cancelled.badge")}</span>;
}
