import { isNational, type Principal } from "../../auth/authorize";
import { dayTitle } from "../../domain/day-texts";
import { DayPlace, DayTitle } from "../event-heading";
import { formatDate, formatNumber, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { Question } from "../../domain/questions";
import { responseRate } from "../../domain/stats";
import type { EventRow } from "../../queries/events";
import { AdminPage } from "./admin-page";
import { EventFields, eventFieldLabel, eventValues, type EventChoices, type EventField } from "./event-fields";
import { EventQuestionsSection, questionFieldLabels } from "./event-questions-section";
import { EventSurveySection, scheduleFieldLabels } from "./event-survey-section";
import { PublishedResultSection, publishedFieldLabels } from "./published-result-section";
import { EventTestSection } from "./event-test-section";
import { EventPresenterSection, EventSlugSection, slugFieldLabels } from "./event-presenter-section";
import { CancelledBadge, EventManageSection } from "./event-manage-section";
import { themeOf } from "./event-list-page";
import { ErrorSummary, errorFor, TextField, valueOf, type FieldError, type FormValues } from "./fields";
import { regionName, type RegionNames } from "./names";

/** Which of the page's forms came back with errors. */
export type EventPageForm = "edit" | "attendance" | "schedule" | "question" | "published" | "slug";

export interface EventPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly event: EventRow;
  readonly programmeName: string;
  readonly regions: readonly RegionNames[];
  /** What the edit form may offer; null for people who may only read this day. */
  readonly choices: EventChoices | null;
  readonly surveyUrl: string;
  readonly core: readonly Question[];
  readonly own: readonly Question[];
  readonly now: number;
  /** Answers given in test mode, kept apart from the real ones. */
  readonly testAnswers: number;
  /** Where the public pages are (the readable address is shown in full). */
  readonly origin: string;
  readonly readableSlug: string | null;
  readonly displayCreatedAt: number | null;
  readonly done?: string | null;
  readonly form?: { readonly name: EventPageForm; readonly values: FormValues; readonly errors: readonly FieldError[] };
}

export const EDIT_PREFIX = "edit-";
export const ATTENDANCE_FIELD = "attendance-count";

/** One academy day: facts, head count, survey and QR code, questions, and its edit form. */
export function EventPage(props: EventPageProps) {
  const { lang, principal, event, regions, choices, now, form } = props;
  const canWrite = choices !== null;
  const errors = form?.errors ?? [];
  const formOf = (name: EventPageForm) => (form?.name === name ? form : undefined);
  const labels: Record<string, string> = {
    [ATTENDANCE_FIELD]: t(lang, "admin.event.attendance"),
    ...scheduleFieldLabels(lang),
    ...questionFieldLabels(lang),
    ...publishedFieldLabels(lang),
    ...slugFieldLabels(lang),
  };
  const labelOf = (field: string) =>
    labels[field] ?? (field.startsWith(EDIT_PREFIX) ? eventFieldLabel(lang, field.slice(EDIT_PREFIX.length) as EventField) : field);
  const rate = responseRate(event.responseCount, event.attendance);
  const base = `/admin/events/${event.id}`;
  const theme = themeOf(lang, event);
  const dashboard = event.regionCode === null ? `/?lang=${lang}` : `/?view=region&region=${event.regionCode}&lang=${lang}`;
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={dayTitle(event, lang).text}
      hasErrors={errors.length > 0}
      langHref={(code) => `${base}?lang=${code}`}
      done={props.done}
    >
      <a class="back" href={`/admin?lang=${lang}`}>
        {t(lang, "admin.backToDays")}
      </a>
      {event.isDemo && (
        <p>
          <span class="badge">{t(lang, "demo.badge")}</span>
        </p>
      )}
      {event.cancelledAt !== null && (
        <p id="cancelled-note">
          <CancelledBadge lang={lang} event={event} /> {t(lang, "admin.cancelled.note")}
        </p>
      )}
      <h1>
        <DayTitle day={event} lang={lang} />
      </h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={labelOf} />
      <dl class="facts">
        <dt>{t(lang, "admin.event.date")}</dt>
        <dd>
          <time datetime={event.date}>{formatDate(lang, event.date)}</time>
        </dd>
        <dt>{t(lang, "admin.event.region")}</dt>
        <dd>{regionName(lang, regions, event.regionCode)}</dd>
        <dt>{t(lang, "admin.event.programme")}</dt>
        <dd>{props.programmeName}</dd>
        <dt>{t(lang, "admin.event.theme")}</dt>
        <dd>{theme ?? t(lang, "admin.event.noTheme")}</dd>
        <dt>{t(lang, "admin.event.location")}</dt>
        <dd>
          <DayPlace day={event} lang={lang} />
        </dd>
        <dt>{t(lang, "admin.event.attendance")}</dt>
        <dd>{event.attendance === null ? t(lang, "admin.event.notRecorded") : formatNumber(lang, event.attendance)}</dd>
        <dt>{t(lang, "admin.event.responses")}</dt>
        <dd>
          {formatNumber(lang, event.responseCount)}
          {rate !== null && ` (${t(lang, "admin.event.rate", { percent: Math.round(rate * 100) })})`}
        </dd>
      </dl>
      <ul>
        <li>
          <a href={`${base}/results?lang=${lang}`}>{t(lang, "results.link")}</a>
        </li>
        <li>
          <a href={dashboard}>{t(lang, "admin.event.dashboard")}</a>
        </li>
      </ul>

      {canWrite && (
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">{t(lang, "admin.attendance.title")}</h2>
          <form method="post" action={`${base}/attendance?lang=${lang}`} novalidate>
            <TextField
              lang={lang}
              id={ATTENDANCE_FIELD}
              name="attendance"
              label={t(lang, "admin.event.attendance")}
              hint={t(lang, "admin.event.attendanceHint")}
              inputmode="numeric"
              autocomplete="off"
              value={formOf("attendance") ? valueOf(form!.values, "attendance") : event.attendance === null ? "" : String(event.attendance)}
              error={errorFor(formOf("attendance")?.errors, ATTENDANCE_FIELD)}
            />
            <button type="submit">{t(lang, "admin.attendance.submit")}</button>
          </form>
        </section>
      )}

      <PublishedResultSection lang={lang} event={event} canRecord={isNational(principal)} form={formOf("published")} />
      <EventSurveySection
        lang={lang}
        event={event}
        surveyUrl={props.surveyUrl}
        canWrite={canWrite}
        now={now}
        schedule={formOf("schedule")}
      />
      {canWrite && (
        <EventSlugSection lang={lang} eventId={event.id} origin={props.origin} slug={props.readableSlug} form={formOf("slug")} />
      )}
      {canWrite && <EventTestSection lang={lang} eventId={event.id} testAnswers={props.testAnswers} />}
      <EventPresenterSection lang={lang} eventId={event.id} canWrite={canWrite} displayCreatedAt={props.displayCreatedAt} />
      <EventQuestionsSection
        mainLang={event.mainLang}
        lang={lang}
        eventId={event.id}
        core={props.core}
        own={props.own}
        locked={event.responseCount > 0}
        canWrite={canWrite}
        form={formOf("question")}
      />

      {canWrite && <EventManageSection lang={lang} event={event} />}

      {choices && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t(lang, "admin.edit.title")}</h2>
          <form method="post" action={`${base}?lang=${lang}`} novalidate>
            <EventFields
              lang={lang}
              prefix={EDIT_PREFIX}
              values={formOf("edit")?.values ?? eventValues(event)}
              errors={formOf("edit")?.errors ?? []}
              choices={choices}
            />
            <button type="submit">{t(lang, "admin.edit.submit")}</button>
          </form>
        </section>
      )}
    </AdminPage>
  );
}
