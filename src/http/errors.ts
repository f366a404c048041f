import type { MessageKey } from "../domain/i18n";

/** The closed set of error codes the API speaks, with their HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  invalid_encoding: 400,
  invalid_submission_id: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_site: 403,
  not_open: 403,
  not_found: 404,
  conflict: 409,
  submission_conflict: 409,
  gone: 410,
  /** The day has a published result: its survey takes no answers (a published figure is final). */
  published: 410,
  /** Staff cancelled the day: its survey takes no answers. */
  cancelled: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export interface FieldProblem {
  readonly key: string;
  readonly code: string;
  readonly message: string;
}

/** Thrown anywhere below a route; the app's one onError turns it into {error:{code,message,requestId,fields?}}. */
export class AppError extends Error {
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    readonly params?: Readonly<Record<string, string | number>>,
    readonly fields?: readonly FieldProblem[],
  ) {
    super(code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }

  get messageKey(): MessageKey {
    return `http.${this.code}`;
  }
}
