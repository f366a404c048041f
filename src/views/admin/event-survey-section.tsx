import { t } from "../../domain/i18n";
import { helsinkiLocal } from "../../domain/helsinki-time";
import { formatDateTime } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { surveyState } from "../../domain/survey-state";
import { CancelledBadge } from "./event-manage-section";
import type { EventRow } from "../../queries/events";
import { errorFor, TextField, valueOf, type FieldError, type FormValues } from "./fields";
import { SurveyStateLabel } from "./names";

export const SCHEDULE_FIELDS = { opens: "opens-at", closes: "closes-at" } as const;

export function scheduleFieldLabels(lang: Lang): Record<string, string> {
  return { [SCHEDULE_FIELDS.opens]: t(lang, "admin.survey.opensAt"), [SCHEDULE_FIELDS.closes]: t(lang, "admin.survey.closesAt") };
}

/** What the schedule form shows for a saved survey: Helsinki wall-clock times. */
export function scheduleValues(event: EventRow): FormValues {
  return {
    opens: event.opensAt === null ? "" : helsinkiLocal(event.opensAt),
    closes: event.closesAt === null ? "" : helsinkiLocal(event.closesAt),
  };
}

export interface EventSurveySectionProps {
  readonly lang: Lang;
  readonly event: EventRow;
  readonly surveyUrl: string;
  readonly canWrite: boolean;
  readonly now: number;
  /** The schedule form as sent, when it had errors. */
  readonly schedule?: { readonly values: FormValues; readonly errors: readonly FieldError[] } | undefined;
}

/** The survey of a day: is it open, where is it, the QR code, and (for writers) open, close and schedule. */
export function EventSurveySection({ lang, event, surveyUrl, canWrite, now, schedule }: EventSurveySectionProps) {
  const state = surveyState(event, now);
  // A published result is final: the survey stays closed, so there is nothing to open or schedule.
  const published = event.reportedGradeMean !== null;
  const base = `/admin/events/${event.id}`;
  const values = schedule?.values ?? scheduleValues(event);
  return (
    <section aria-labelledby="survey-heading">
      <h2 id="survey-heading">{t(lang, "admin.survey.title")}</h2>
      <dl class="facts">
        <dt>{t(lang, "admin.survey.state")}</dt>
        <dd>
          {/* A cancelled day's survey takes no answers whatever its window says. */}
          {event.cancelledAt !== null ? <CancelledBadge lang={lang} event={event} /> : <SurveyStateLabel lang={lang} state={state} />}
        </dd>
        <dt>{t(lang, "admin.survey.opensAt")}</dt>
        <dd>{event.opensAt === null ? t(lang, "admin.survey.noLimit") : formatDateTime(lang, event.opensAt)}</dd>
        <dt>{t(lang, "admin.survey.closesAt")}</dt>
        <dd>{event.closesAt === null ? t(lang, "admin.survey.noLimit") : formatDateTime(lang, event.closesAt)}</dd>
      </dl>

      {/* Readonly text, so the link can be selected and copied on any device without a script. */}
      <div class="field">
        <label class="label" for="survey-link">
          {t(lang, "admin.survey.link")}
        </label>
        <p class="hint" id="survey-link-hint">
          {t(lang, "admin.survey.linkHint")}
        </p>
        <input
          id="survey-link"
          class="copy"
          type="text"
          readonly
          value={surveyUrl}
          aria-describedby="survey-link-hint"
          spellcheck={false}
        />
      </div>
      {/* The whole address, wrapped: a phone shows only the start of the text box above. */}
      <p>
        <a class="copy url" href={surveyUrl}>
          <span class="vh">{t(lang, "admin.survey.openLink")}: </span>
          {surveyUrl}
        </a>
      </p>
      {event.shortCode !== null && (
        <dl class="facts">
          <dt>{t(lang, "admin.survey.shortCode")}</dt>
          <dd>
            <strong class="short-code">{event.shortCode}</strong>
            <p class="hint">{t(lang, "admin.survey.shortCodeHint", { url: `${new URL(surveyUrl).origin}/code` })}</p>
          </dd>
        </dl>
      )}
      <img
        class="qr"
        src={`/api/events/${event.id}/qr.svg`}
        alt={t(lang, "admin.survey.qrAlt", { url: surveyUrl })}
        width="192"
        height="192"
      />
      <ul>
        <li>
          <a href={`/api/events/${event.id}/qr.svg`} download={`palaute-${event.id}-qr.svg`}>
            {t(lang, "admin.survey.qrDownload")}
          </a>
        </li>
        <li>
          <a href={`/api/events/${event.id}/qr.png`} download={`palaute-${event.id}-qr.png`}>
            {t(lang, "admin.survey.qrDownloadPng")}
          </a>
        </li>
        <li>
          <a href={`${base}/poster?lang=fi`} hreflang="fi">
            {t(lang, "admin.poster.linkFiSv")}
          </a>
        </li>
        <li>
          <a href={`${base}/poster?lang=sv`} hreflang="sv">
            {t(lang, "admin.poster.linkSvFi")}
          </a>
        </li>
        <li>
          <a href={`${base}/poster?lang=en`} hreflang="en">
            {t(lang, "admin.poster.linkEnFi")}
          </a>
        </li>
      </ul>

      {published && <p class="hint">{t(lang, "admin.survey.publishedClosed")}</p>}
      {canWrite && !published && (
        <>
          <form method="post" action={`${base}/survey/${state === "open" ? "close" : "open"}?lang=${lang}`} class="actions">
            <button type="submit" class={state === "open" ? "secondary" : undefined}>
              {t(lang, state === "open" ? "admin.survey.close" : "admin.survey.open")}
            </button>
          </form>
          <h3>{t(lang, "admin.survey.scheduleTitle")}</h3>
          <p class="hint">{t(lang, "admin.survey.scheduleHint")}</p>
          <form method="post" action={`${base}/survey/schedule?lang=${lang}`} novalidate>
            <TextField
              lang={lang}
              type="datetime-local"
              id={SCHEDULE_FIELDS.opens}
              name="opens"
              label={t(lang, "admin.survey.opensAt")}
              optional
              value={valueOf(values, "opens")}
              error={errorFor(schedule?.errors, SCHEDULE_FIELDS.opens)}
            />
            <TextField
              lang={lang}
              type="datetime-local"
              id={SCHEDULE_FIELDS.closes}
              name="closes"
              label={t(lang, "admin.survey.closesAt")}
              optional
              value={valueOf(values, "closes")}
              error={errorFor(schedule?.errors, SCHEDULE_FIELDS.closes)}
            />
            <button type="submit" class="secondary">
              {t(lang, "admin.survey.scheduleSubmit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
