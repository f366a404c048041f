import type { AppDeps, SessionPrincipal } from "../../app-env";
import { canWrite } from "../../auth/authorize";
import type { Lang } from "../../domain/lang";
import { AppError } from "../../http/errors";
import { requestLang } from "../../http/validate";
import type { EventRow } from "../../queries/events";
import { listProgrammes, listThemes } from "../../queries/programmes";
import { listRegions } from "../../queries/regions";
import { listQuestions } from "../../queries/survey-by-slug";
import { countTestAnswers } from "../../services/test-answers";
import type { EventChoices } from "../../views/admin/event-fields";
import { EventPage, type EventPageProps } from "../../views/admin/event-page";
import { localisedName } from "../../domain/localised-name";
import { publicOrigin, surveyUrl } from "../event-json";
import { doneMessage, renderPage, type Ctx } from "./admin-http";

// Loads what the day's page shows. Every handler that answers with that page (the page itself,
// and each of its forms coming back with errors) goes through here.

/** What the day form may offer this person; null when they may create or change no day at all. */
export async function eventChoices(deps: AppDeps, principal: SessionPrincipal, lang: Lang): Promise<EventChoices | null> {
  const [regions, programmes, themes] = await Promise.all([listRegions(deps.db), listProgrammes(deps.db), listThemes(deps.db)]);
  const writable = regions.filter((r) => canWrite(principal, r.code));
  const allowNational = canWrite(principal, null);
  if (writable.length === 0 && !allowNational) return null;
  return {
    regions: writable.map((r) => ({ value: r.code, label: localisedName(r, lang) })),
    allowNational,
    programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
    themes: themes.map((th) => ({ id: th.id, programmeId: th.programmeId, name: localisedName(th, lang) })),
  };
}

/** The choices, or 403 for someone who may not create days (a viewer). */
export async function requireEventChoices(deps: AppDeps, principal: SessionPrincipal, lang: Lang): Promise<EventChoices> {
  const choices = await eventChoices(deps, principal, lang);
  if (!choices) throw new AppError("forbidden");
  return choices;
}

export async function renderEventPage(deps: AppDeps, c: Ctx, principal: SessionPrincipal, event: EventRow, form?: EventPageProps["form"], status: 200 | 409 | 422 = 200) {
  const lang = requestLang(c);
  const [regions, programmes, core, own, choices, testAnswers] = await Promise.all([
    listRegions(deps.db),
    listProgrammes(deps.db),
    listQuestions(deps.db, event.questionSetId),
    event.extraQuestionSetId === null ? [] : listQuestions(deps.db, event.extraQuestionSetId),
    canWrite(principal, event.regionCode) ? eventChoices(deps, principal, lang) : null,
    canWrite(principal, event.regionCode) ? countTestAnswers(deps, event) : 0,
  ]);
  const page = (
    <EventPage
      lang={lang}
      principal={principal}
      event={event}
      programmeName={programmes.find((p) => p.id === event.programmeId)?.name ?? ""}
      regions={regions}
      choices={choices}
      surveyUrl={surveyUrl(publicOrigin(deps, c), event.slug)}
      core={core}
      own={own}
      now={(deps.now ?? Date.now)()}
      testAnswers={testAnswers}
      done={form ? null : doneMessage(c)}
      {...(form && { form })}
    />
  );
  return renderPage(c, page, status);
}
