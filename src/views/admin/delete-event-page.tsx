import { isNational, type Principal } from "../../auth/authorize";
import { dayTitle } from "../../domain/day-texts";
import { formatNumber, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { EventRow } from "../../queries/events";
import type { DeletionLosses } from "../../services/event-management";
import { AdminPage } from "./admin-page";

export interface DeleteEventPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly event: EventRow;
  readonly losses: DeletionLosses;
}

/** The confirmation before a day is deleted: names what is lost, and offers the button only to those who may. */
export function DeleteEventPage({ lang, principal, event, losses }: DeleteEventPageProps) {
  const title = t(lang, "admin.delete.title", { title: dayTitle(event, lang).text });
  const base = `/admin/events/${event.id}`;
  const allowed = !losses.needsConfirmation || isNational(principal);
  const n = (value: number) => formatNumber(lang, value);
  return (
    <AdminPage lang={lang} principal={principal} title={title} hasErrors={false} langHref={(code) => `${base}/delete?lang=${code}`}>
      <a class="back" href={`${base}?lang=${lang}`}>
        {t(lang, "admin.delete.back")}
      </a>
      <h1>{title}</h1>
      {losses.needsConfirmation ? (
        <div id="delete-losses">
          <p>{t(lang, "admin.delete.losses", { responses: n(losses.responses), comments: n(losses.comments) })}</p>
          {losses.published && <p>{t(lang, "admin.delete.published")}</p>}
        </div>
      ) : (
        <p id="delete-losses">{t(lang, "admin.delete.empty")}</p>
      )}
      {losses.testAnswers > 0 && <p>{t(lang, "admin.delete.testAnswers", { count: n(losses.testAnswers) })}</p>}
      {allowed ? (
        <form method="post" action={`${base}/delete?lang=${lang}`} class="actions">
          {losses.needsConfirmation && <input type="hidden" name="confirmResponses" value={String(losses.responses)} />}
          <button type="submit" aria-describedby="delete-losses">
            {losses.needsConfirmation
              ? t(lang, "admin.delete.submitWithAnswers", { responses: n(losses.responses) })
              : t(lang, "admin.delete.submit")}
          </button>
        </form>
      ) : (
        <p>{t(lang, "admin.delete.nationalOnly")}</p>
      )}
    </AdminPage>
  );
}
