import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { readableEvent, writableEvent } from "../http/access";
import { sendJson } from "../http/contract";
import { qrPng } from "../http/qr-png";
import { qrSvg } from "../http/qr-svg";
import { requirePrincipal } from "../http/session";
import { check, idParam, readJson, requestLang } from "../http/validate";
import {
  addQuestion,
  changeEvent,
  changeQuestion,
  closeSurvey,
  createEvent,
  eventById,
  eventQuestions,
  openSurvey,
  removeQuestion,
  scheduleSurvey,
} from "../services/event-actions";
import { eventJson, publicOrigin, surveyUrl } from "../http/presenters/event-json";
import { recordPublishedResult } from "../services/published-results";
import { cancelEvent, deleteEvent, duplicateEvent, uncancelEvent } from "../services/event-management";
import { DeleteEventQuery, EventQuestionInput, EventChanges, NewEventInput, PublishedResultBody, SurveyWindow } from "../http/schemas";

/** Academy days, their surveys, QR codes and the day's own questions. */
export function eventRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();
  const { now } = deps;

  app.post("/", async (c) => {
    const principal = requirePrincipal(c);
    const input = await readJson(c, NewEventInput);
    const id = await createEvent(deps, principal, input);
    const row = await eventById(deps, id);
    return sendJson(c, "POST /api/events", { event: eventJson(row, requestLang(c), publicOrigin(deps, c), now()) }, 201);
  });

  app.get("/:id", async (c) => {
    const { event } = await readableEvent(deps, c, idParam(c));
    return sendJson(c, "GET /api/events/:id", { event: eventJson(event, requestLang(c), publicOrigin(deps, c), now()) });
  });

  app.patch("/:id", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await changeEvent(deps, principal, event, await readJson(c, EventChanges));
    const row = await eventById(deps, event.id);
    return sendJson(c, "PATCH /api/events/:id", { event: eventJson(row, requestLang(c), publicOrigin(deps, c), now()) });
  });

  // A report's figures for the day; recording them closes the day's survey (published is final).
  app.put("/:id/published-result", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await recordPublishedResult(deps, principal, event, await readJson(c, PublishedResultBody));
    return sendJson(c, "PUT /api/events/:id/published-result", {
      event: eventJson(await eventById(deps, event.id), requestLang(c), publicOrigin(deps, c), now()),
    });
  });

  app.post("/:id/survey/open", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await openSurvey(deps, principal, event);
    return sendJson(c, "POST /api/events/:id/survey/open", {
      event: eventJson(await eventById(deps, event.id), requestLang(c), publicOrigin(deps, c), now()),
    });
  });

  app.post("/:id/survey/close", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await closeSurvey(deps, principal, event);
    return sendJson(c, "POST /api/events/:id/survey/close", {
      event: eventJson(await eventById(deps, event.id), requestLang(c), publicOrigin(deps, c), now()),
    });
  });

  app.patch("/:id/survey", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await scheduleSurvey(deps, principal, event, await readJson(c, SurveyWindow));
    return sendJson(c, "PATCH /api/events/:id/survey", {
      event: eventJson(await eventById(deps, event.id), requestLang(c), publicOrigin(deps, c), now()),
    });
  });

  app.get("/:id/qr.svg", async (c) => {
    const { event } = await readableEvent(deps, c, idParam(c));
    c.header("Content-Type", "image/svg+xml; charset=utf-8");
    c.header("Content-Disposition", `inline; filename="palaute-${event.id}-qr.svg"`);
    return c.body(qrSvg(surveyUrl(publicOrigin(deps, c), event.slug)));
  });

  app.get("/:id/qr.png", async (c) => {
    const { event } = await readableEvent(deps, c, idParam(c));
    c.header("Content-Type", "image/png");
    c.header("Content-Disposition", `inline; filename="palaute-${event.id}-qr.png"`);
    return c.body(qrPng(surveyUrl(publicOrigin(deps, c), event.slug)));
  });

  app.get("/:id/questions", async (c) => {
    const { event } = await readableEvent(deps, c, idParam(c));
    return sendJson(c, "GET /api/events/:id/questions", await eventQuestions(deps, event));
  });

  app.post("/:id/questions", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const id = await addQuestion(deps, principal, event, await readJson(c, EventQuestionInput));
    return sendJson(c, "POST /api/events/:id/questions", { id }, 201);
  });

  app.delete("/:id/questions/:questionId", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await removeQuestion(deps, principal, event, idParam(c, "questionId"));
    return c.body(null, 204);
  });

  app.patch("/:id/questions/:questionId", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const questionId = idParam(c, "questionId");
    await changeQuestion(deps, principal, event, questionId, await readJson(c, EventQuestionInput));
    return sendJson(c, "PATCH /api/events/:id/questions/:questionId", { id: questionId });
  });

  // Day management (issue 16 item 4): src/services/event-management.ts.
  app.post("/:id/duplicate", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const id = await duplicateEvent(deps, principal, event, await readJson(c, EventChanges));
    const row = await eventById(deps, id);
    return sendJson(c, "POST /api/events/:id/duplicate", { event: eventJson(row, requestLang(c), publicOrigin(deps, c), now()) }, 201);
  });

  app.post("/:id/cancel", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await cancelEvent(deps, principal, event);
    return sendJson(c, "POST /api/events/:id/cancel", {
      event: eventJson(await eventById(deps, event.id), requestLang(c), publicOrigin(deps, c), now()),
    });
  });

  app.post("/:id/uncancel", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await uncancelEvent(deps, principal, event);
    return sendJson(c, "POST /api/events/:id/uncancel", {
      event: eventJson(await eventById(deps, event.id), requestLang(c), publicOrigin(deps, c), now()),
    });
  });

  app.delete("/:id", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const { confirmResponses } = check(c, DeleteEventQuery, c.req.query());
    const lost = await deleteEvent(deps, principal, event, confirmResponses);
    return sendJson(c, "DELETE /api/events/:id", {
      deleted: { id: event.id, responses: lost.responses, comments: lost.comments, testAnswers: lost.testAnswers },
    });
  });

  return app;
}
