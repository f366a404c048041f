import { formatNumber, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { scaleValues, GRADE_SCALE } from "../../domain/questions";
import type { EventRow } from "../../queries/events";
import { ErrorLine, errorFor, TextField, valueOf, type FieldError, type FormValues } from "./fields";

/** Control ids of the published-result form (the route maps problems onto them). */
export const PUBLISHED_FIELDS = {
  mean: "published-mean",
  n: "published-n",
  distribution: "published-dist",
  attendance: "published-attendance",
  source: "published-source",
} as const;

/** Grade values the distribution inputs offer, named dist-4 … dist-10. */
export const PUBLISHED_GRADES = scaleValues(GRADE_SCALE);

export function publishedFieldLabels(lang: Lang): Record<string, string> {
  return {
    [PUBLISHED_FIELDS.mean]: t(lang, "admin.published.mean"),
    [PUBLISHED_FIELDS.n]: t(lang, "admin.published.n"),
    [PUBLISHED_FIELDS.distribution]: t(lang, "admin.published.distribution"),
    [PUBLISHED_FIELDS.attendance]: t(lang, "admin.published.attendance"),
    [PUBLISHED_FIELDS.source]: t(lang, "admin.published.source"),
  };
}

function savedValues(lang: Lang, event: EventRow): FormValues {
  const distribution = event.reportedGradeDistributionJson
    ? (JSON.parse(event.reportedGradeDistributionJson) as Record<string, number>)
    : {};
  return {
    mean: event.reportedGradeMean === null ? "" : formatNumber(lang, event.reportedGradeMean),
    n: event.reportedGradeN === null ? "" : String(event.reportedGradeN),
    attendance: event.attendance === null ? "" : String(event.attendance),
    source: event.reportedSource ?? "",
    ...Object.fromEntries(
      PUBLISHED_GRADES.map((g) => [`dist-${g}`, distribution[String(g)] === undefined ? "" : String(distribution[String(g)])]),
    ),
  };
}

export interface PublishedResultSectionProps {
  readonly lang: Lang;
  readonly event: EventRow;
  /** Only the national team records published results. */
  readonly canRecord: boolean;
  readonly form?: { readonly values: FormValues; readonly errors: readonly FieldError[] } | undefined;
}

/** The day's published result: what is recorded (with its source), a conflict note when answers were
 *  also collected, and for the national team the form to record or correct it. */
export function PublishedResultSection({ lang, event, canRecord, form }: PublishedResultSectionProps) {
  const published = event.reportedGradeMean !== null;
  if (!published && !canRecord) return null;
  const values = form?.values ?? savedValues(lang, event);
  const errors = form?.errors;
  const distributionError = errorFor(errors, PUBLISHED_FIELDS.distribution);
  const base = `/admin/events/${event.id}`;
  return (
    <section aria-labelledby="published-heading">
      <h2 id="published-heading">{t(lang, "admin.published.title")}</h2>
      {published && (
        <dl class="facts">
          <dt>{t(lang, "admin.published.mean")}</dt>
          <dd>{formatNumber(lang, event.reportedGradeMean!)}</dd>
          <dt>{t(lang, "admin.published.n")}</dt>
          <dd>{event.reportedGradeN === null ? t(lang, "admin.published.nUnknown") : formatNumber(lang, event.reportedGradeN)}</dd>
          <dt>{t(lang, "admin.published.source")}</dt>
          <dd>{event.reportedSource ?? "–"}</dd>
        </dl>
      )}
      {published && event.responseCount > 0 && (
        <p class="warning" role="note">
          {t(lang, "admin.published.conflict")}
        </p>
      )}
      {canRecord && (
        <form method="post" action={`${base}/published-result?lang=${lang}`} novalidate>
          <p class="hint">{t(lang, "admin.published.intro")}</p>
          <TextField
            lang={lang}
            id={PUBLISHED_FIELDS.mean}
            name="mean"
            label={t(lang, "admin.published.mean")}
            hint={t(lang, "admin.published.meanHint")}
            inputmode="numeric"
            autocomplete="off"
            value={valueOf(values, "mean")}
            error={errorFor(errors, PUBLISHED_FIELDS.mean)}
          />
          <TextField
            lang={lang}
            id={PUBLISHED_FIELDS.n}
            name="n"
            optional
            label={t(lang, "admin.published.n")}
            hint={t(lang, "admin.published.nHint")}
            inputmode="numeric"
            autocomplete="off"
            value={valueOf(values, "n")}
            error={errorFor(errors, PUBLISHED_FIELDS.n)}
          />
          <fieldset
            class={`group${distributionError ? " invalid" : ""}`}
            aria-describedby={[`${PUBLISHED_FIELDS.distribution}-hint`, distributionError ? `${PUBLISHED_FIELDS.distribution}-error` : ""]
              .filter(Boolean)
              .join(" ")}
          >
            <legend>
              {t(lang, "admin.published.distribution")}
              <span class="optional"> ({t(lang, "admin.optional")})</span>
            </legend>
            <p class="hint" id={`${PUBLISHED_FIELDS.distribution}-hint`}>
              {t(lang, "admin.published.distributionHint")}
            </p>
            {distributionError && <ErrorLine lang={lang} id={`${PUBLISHED_FIELDS.distribution}-error`} message={distributionError} />}
            <div class="grade-counts" id={PUBLISHED_FIELDS.distribution} tabindex={-1}>
              {PUBLISHED_GRADES.map((grade) => (
                <div class="field">
                  <label class="label" for={`published-dist-${grade}`}>
                    {t(lang, "admin.published.grade", { grade: String(grade) })}
                  </label>
                  <input
                    id={`published-dist-${grade}`}
                    name={`dist-${grade}`}
                    inputmode="numeric"
                    autocomplete="off"
                    size={5}
                    value={valueOf(values, `dist-${grade}`)}
                    aria-invalid={distributionError ? "true" : undefined}
                  />
                </div>
              ))}
            </div>
          </fieldset>
          <TextField
            lang={lang}
            id={PUBLISHED_FIELDS.attendance}
            name="attendance"
            optional
            label={t(lang, "admin.published.attendance")}
            inputmode="numeric"
            autocomplete="off"
            value={valueOf(values, "attendance")}
            error={errorFor(errors, PUBLISHED_FIELDS.attendance)}
          />
          <TextField
            lang={lang}
            id={PUBLISHED_FIELDS.source}
            name="source"
            label={t(lang, "admin.published.source")}
            hint={t(lang, "admin.published.sourceHint")}
            autocomplete="off"
            maxlength={500}
            value={valueOf(values, "source")}
            error={errorFor(errors, PUBLISHED_FIELDS.source)}
          />
          <button type="submit">{t(lang, "admin.published.submit")}</button>
        </form>
      )}
    </section>
  );
}
