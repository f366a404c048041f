export type SurveyState = "open" | "not_open" | "closed";

/** opens_at is inclusive and closes_at exclusive, both epoch milliseconds; null is no limit. */
export function surveyState(window: { opensAt: number | null; closesAt: number | null }, now: number): SurveyState {
  if (window.opensAt !== null && now < window.opensAt) return "not_open";
  if (window.closesAt !== null && now >= window.closesAt) return "closed";
  return "open";
}
