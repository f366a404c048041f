import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { AdminPage } from "./admin-page";
import { EventFields, eventFieldLabel, type EventChoices, type EventField } from "./event-fields";
import { ErrorSummary, type FieldError, type FormValues } from "./fields";

export interface NewEventPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly choices: EventChoices;
  readonly values: FormValues;
  readonly errors?: readonly FieldError[];
}

export function NewEventPage({ lang, principal, choices, values, errors = [] }: NewEventPageProps) {
  const title = t(lang, "admin.newDay.title");
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      hasErrors={errors.length > 0}
      langHref={(code) => `/admin/events/new?lang=${code}`}
    >
      <a class="back" href={`/admin?lang=${lang}`}>
        {t(lang, "admin.backToDays")}
      </a>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => eventFieldLabel(lang, field as EventField)} />
      <p>{t(lang, "admin.newDay.intro")}</p>
      {/* novalidate: the server checks everything and answers with the same summary in every browser. */}
      <form method="post" action={`/admin/events/new?lang=${lang}`} novalidate>
        <EventFields lang={lang} prefix="" values={values} errors={errors} choices={choices} />
        <button type="submit">{t(lang, "admin.newDay.submit")}</button>
      </form>
    </AdminPage>
  );
}
