import type { Principal } from "../../auth/authorize";
import { dayTitle } from "../../domain/day-texts";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { EventRow } from "../../queries/events";
import { AdminPage } from "./admin-page";
import { EventFields, eventFieldLabel, type EventChoices, type EventField } from "./event-fields";
import { ErrorSummary, type FieldError, type FormValues } from "./fields";

export interface DuplicateEventPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly source: EventRow;
  readonly choices: EventChoices;
  readonly values: FormValues;
  readonly errors?: readonly FieldError[];
}

/** The day form prefilled from the source day: change the date, theme or region and create the copy. */
export function DuplicateEventPage({ lang, principal, source, choices, values, errors = [] }: DuplicateEventPageProps) {
  const title = t(lang, "admin.duplicate.title", { title: dayTitle(source, lang).text });
  const base = `/admin/events/${source.id}`;
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      hasErrors={errors.length > 0}
      langHref={(code) => `${base}/duplicate?lang=${code}`}
    >
      <a class="back" href={`${base}?lang=${lang}`}>
        {t(lang, "admin.delete.back")}
      </a>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => eventFieldLabel(lang, field as EventField)} />
      <p>{t(lang, "admin.duplicate.intro")}</p>
      <form method="post" action={`${base}/duplicate?lang=${lang}`} novalidate>
        <EventFields lang={lang} prefix="" values={values} errors={errors} choices={choices} />
        <button type="submit">{t(lang, "admin.duplicate.submit")}</button>
      </form>
    </AdminPage>
  );
}
