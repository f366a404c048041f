import { formatDateTime, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { READABLE_SLUG_MAX, READABLE_SLUG_MIN } from "../../domain/readable-slug";
import { errorFor, TextField, valueOf, type FieldError, type FormValues } from "./fields";

export const SLUG_FIELD = "readable-slug";

export function slugFieldLabels(lang: Lang): Record<string, string> {
  return { [SLUG_FIELD]: t(lang, "admin.slug.label") };
}

export interface EventPresenterSectionProps {
  readonly lang: Lang;
  readonly eventId: number;
  readonly canWrite: boolean;
  /** When the day's display link was made; null when it has none. */
  readonly displayCreatedAt: number | null;
}

/** The live presenter view: open it (anyone who reads the day), and the display link (those who change it). */
export function EventPresenterSection({ lang, eventId, canWrite, displayCreatedAt }: EventPresenterSectionProps) {
  const base = `/admin/events/${eventId}`;
  return (
    <section aria-labelledby="live-heading">
      <h2 id="live-heading">{t(lang, "admin.live.title")}</h2>
      <p class="hint">{t(lang, "admin.live.hint")}</p>
      <p>
        <a href={`${base}/live?lang=${lang}`}>{t(lang, "admin.live.open")}</a>
      </p>
      {canWrite && (
        <>
          <p class="hint" id="display-hint">
            {t(lang, "admin.live.displayHint")}
          </p>
          <p id="display-state">
            {displayCreatedAt === null
              ? t(lang, "admin.live.displayNone")
              : t(lang, "admin.live.displayActive", { at: formatDateTime(lang, displayCreatedAt) })}
          </p>
          <div class="actions">
            <form method="post" action={`${base}/display?lang=${lang}`}>
              <button type="submit" aria-describedby="display-hint display-state">
                {t(lang, displayCreatedAt === null ? "admin.live.create" : "admin.live.replace")}
              </button>
            </form>
            {displayCreatedAt !== null && (
              <form method="post" action={`${base}/display/revoke?lang=${lang}`}>
                <button type="submit" class="secondary" aria-describedby="display-state">
                  {t(lang, "admin.live.revoke")}
                </button>
              </form>
            )}
          </div>
        </>
      )}
    </section>
  );
}

export interface EventSlugSectionProps {
  readonly lang: Lang;
  readonly eventId: number;
  readonly origin: string;
  readonly slug: string | null;
  readonly form?: { readonly values: FormValues; readonly errors: readonly FieldError[] } | undefined;
}

/** The survey's readable address (/s/<slug>), chosen by those who may change the day. */
export function EventSlugSection({ lang, eventId, origin, slug, form }: EventSlugSectionProps) {
  return (
    <section aria-labelledby="slug-heading">
      <h2 id="slug-heading">{t(lang, "admin.slug.title")}</h2>
      <p id="slug-current">
        {slug === null ? (
          t(lang, "admin.slug.none")
        ) : (
          <>
            {t(lang, "admin.slug.current")} <a href={`${origin}/s/${slug}`}>{`${origin}/s/${slug}`}</a>
          </>
        )}
      </p>
      <form method="post" action={`/admin/events/${eventId}/slug?lang=${lang}`} novalidate>
        <TextField
          lang={lang}
          id={SLUG_FIELD}
          name="slug"
          label={t(lang, "admin.slug.label")}
          hint={t(lang, "admin.slug.hint", { min: READABLE_SLUG_MIN, max: READABLE_SLUG_MAX })}
          autocomplete="off"
          spellcheck={false}
          maxlength={READABLE_SLUG_MAX + 20}
          value={form ? valueOf(form.values, "slug") : (slug ?? "")}
          error={errorFor(form?.errors, SLUG_FIELD)}
        />
        <button type="submit">{t(lang, "admin.slug.submit")}</button>
      </form>
    </section>
  );
}
