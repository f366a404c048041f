import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  answer,
  answerTally,
  event,
  presenterDisplay,
  question,
  questionSet,
  response,
  survey,
  surveyAlias,
  testResponse,
} from "../db/schema";

/** Cancels a day (epoch ms) or takes the cancellation back (null). */
export async function setEventCancelled(db: Db, eventId: number, cancelledAt: number | null): Promise<void> {
  await db.update(event).set({ cancelledAt }).where(eq(event.id, eventId));
}

/** What deleting a day loses: its responses and the open comments (non-empty free-text answers) in them. */
export async function eventLosses(db: Db, surveyId: number): Promise<{ responses: number; comments: number }> {
  const [counts] = await db
    .select({
      responses: sql<number>`(SELECT count(*) FROM ${response} WHERE ${response.surveyId} = ${surveyId})`,
      comments: sql<number>`count(*)`,
    })
    .from(answer)
    .innerJoin(response, eq(response.id, answer.responseId))
    .innerJoin(question, eq(question.id, answer.questionId))
    .where(and(eq(response.surveyId, surveyId), eq(question.kind, "text"), isNotNull(answer.textValue), ne(answer.textValue, "")));
  return { responses: Number(counts?.responses ?? 0), comments: Number(counts?.comments ?? 0) };
}

/**
 * Deletes a day with everything that hangs on it, in one transaction: answers, responses, test
 * answers, tallies, readable addresses, the display link, the survey, the day, and its own question set. Explicit rather than through
 * ON DELETE CASCADE, which only works where the connection enabled foreign keys.
 */
export async function deleteEventWithSurvey(db: Db, target: { eventId: number; surveyId: number; extraQuestionSetId: number | null }) {
  const responses = db.select({ id: response.id }).from(response).where(eq(response.surveyId, target.surveyId));
  const extra = target.extraQuestionSetId;
  await db.batch([
    db.delete(answer).where(inArray(answer.responseId, responses)),
    db.delete(response).where(eq(response.surveyId, target.surveyId)),
    db.delete(testResponse).where(eq(testResponse.surveyId, target.surveyId)),
    db.delete(answerTally).where(eq(answerTally.surveyId, target.surveyId)),
    db.delete(surveyAlias).where(eq(surveyAlias.surveyId, target.surveyId)),
    db.delete(presenterDisplay).where(eq(presenterDisplay.eventId, target.eventId)),
    db.delete(survey).where(eq(survey.id, target.surveyId)),
    db.delete(event).where(eq(event.id, target.eventId)),
    ...(extra === null
      ? []
      : [db.delete(question).where(eq(question.setId, extra)), db.delete(questionSet).where(eq(questionSet.id, extra))]),
  ]);
}
