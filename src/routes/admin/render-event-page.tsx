import type { AppContext, SessionPrincipal } from "../../app-env";
import type { Lang } from "../../domain/lang";
import { doneMessage, renderPage, type Ctx } from "../../http/admin-http";
import { publicOrigin, surveyUrl } from "../../http/presenters/event-json";
import { requestLang } from "../../http/validate";
import type { EventRow } from "../../queries/events";
import { eventPageData, requireEventFormOptions, type EventFormOptions } from "../../services/event-page-data";
import type { EventChoices } from "../../views/admin/event-fields";
import { EventPage, type EventPageProps } from "../../views/admin/event-page";
import { localisedName } from "../../domain/localised-name";

// Route plumbing shared by the day's staff sub-apps (events, event-survey, event-questions): every
// handler that answers with the day's page (the page itself, and each of its forms coming back
// with errors) renders it here from src/services/event-page-data.ts.

/** The form's options named in the page's language. */
function eventChoices(lang: Lang, options: EventFormOptions): EventChoices {
  return {
    regions: options.regions.map((r) => ({ value: r.code, label: localisedName(r, lang) })),
    allowNational: options.allowNational,
    programmes: options.programmes.map((p) => ({ id: p.id, name: p.name })),
    themes: options.themes.map((th) => ({ id: th.id, programmeId: th.programmeId, name: localisedName(th, lang) })),
  };
}

/** The day form's choices, or 403 for someone who may not create days (a viewer). */
export async function requireEventChoices(deps: AppContext, principal: SessionPrincipal, lang: Lang): Promise<EventChoices> {
  return eventChoices(lang, await requireEventFormOptions(deps, principal));
}

export async function renderEventPage(
  deps: AppContext,
  c: Ctx,
  principal: SessionPrincipal,
  event: EventRow,
  form?: EventPageProps["form"],
  status: 200 | 409 | 422 = 200,
) {
  const lang = requestLang(c);
  const data = await eventPageData(deps, principal, event);
  const page = (
    <EventPage
      lang={lang}
      principal={principal}
      event={event}
      programmeName={data.programmeName}
      regions={data.regions}
      choices={data.formOptions && eventChoices(lang, data.formOptions)}
      surveyUrl={surveyUrl(publicOrigin(deps, c), event.slug)}
      origin={publicOrigin(deps, c)}
      readableSlug={data.readableSlug}
      displayCreatedAt={data.displayCreatedAt}
      core={data.core}
      own={data.own}
      now={deps.now()}
      testAnswers={data.testAnswers}
      done={form ? null : doneMessage(c)}
      {...(form && { form })}
    />
  );
  return renderPage(c, page, status);
}
