/**
 * Responses per head counted at the day. Null when there is no head count (null or 0). Not clamped:
 * a rate above 1 means the head count was wrong or the link travelled, and the user should see that.
 * Negative or non-finite inputs are bugs upstream and throw.
 */
export function responseRate(responses: number, attendance: number | null): number | null {
  if (!Number.isFinite(responses) || responses < 0) throw new RangeError(`responses must be a finite number ≥ 0, got ${responses}`);
  if (attendance === null || attendance === 0) return null;
  if (!Number.isFinite(attendance) || attendance < 0) throw new RangeError(`attendance must be a finite number ≥ 0, got ${attendance}`);
  return responses / attendance;
}
