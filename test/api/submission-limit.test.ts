import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { SUBMISSION_BURST, SUBMISSIONS_PER_SECOND, tokenBucketLimiter } from "../../src/http/submission-limit";
import { createTestDb } from "../helpers/test-db";
import { createTestSurvey } from "../helpers/factories";

describe("token bucket", () => {
  it("lets a whole venue through: 150 people, each sending twice, within one minute", () => {
    let now = 0;
    const allow = tokenBucketLimiter({ burst: SUBMISSION_BURST, perSecond: SUBMISSIONS_PER_SECOND, now: () => now });
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      now = i * 200; // 300 requests spread over 60 s
      if (!allow("venue")) refused++;
    }
    expect(refused).toBe(0);
  });

  it("stops a flood after the burst and then holds it to the steady rate", () => {
    let now = 0;
    const allow = tokenBucketLimiter({ burst: SUBMISSION_BURST, perSecond: SUBMISSIONS_PER_SECOND, now: () => now });
    let allowed = 0;
    for (let i = 0; i < 5000; i++) if (allow("flood")) allowed++; // all at once
    expect(allowed).toBe(SUBMISSION_BURST);
    now = 10_000;
    let later = 0;
    for (let i = 0; i < 1000; i++) if (allow("flood")) later++;
    expect(later).toBe(10 * SUBMISSIONS_PER_SECOND);
    expect(allow("someone else")).toBe(true);
  });

  it("keeps at most maxKeys addresses in memory", () => {
    const allow = tokenBucketLimiter({ burst: 1, perSecond: 0, maxKeys: 3, now: () => 0 });
    for (const key of ["a", "b", "c", "d"]) expect(allow(key)).toBe(true);
    expect(allow("a")).toBe(true); // forgotten, so a fresh bucket: bounded memory wins over precision
  });
});

describe("POST /s/:slug behind the limit", () => {
  it("answers 429 with Retry-After and a localized message once an address has used its burst", async () => {
    const db = await createTestDb();
    const app = createApp({
      db,
      submissionLimiter: tokenBucketLimiter({ burst: 3, perSecond: 0 }),
      clientAddress: (request) => request.headers.get("x-test-client"),
    });
    const { slug } = await createTestSurvey(db);
    const post = (client: string, accept = "application/json") =>
      app.request(`/s/${slug}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept, "x-test-client": client, "accept-language": "sv" },
        body: JSON.stringify({ answers: { grade: 9 } }),
      });
    for (let i = 0; i < 3; i++) expect((await post("198.51.100.7")).status).toBe(201);
    const limited = await post("198.51.100.7");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("10");
    expect((await limited.json()).error).toMatchObject({
      code: "rate_limited",
      message: "För många förfrågningar. Vänta en stund och försök igen.",
    });
    expect((await post("203.0.113.9")).status).toBe(201);
    const form = await app.request(`/s/${slug}`, { method: "GET", headers: { "x-test-client": "198.51.100.7" } });
    expect(form.status).toBe(200); // reading the form is never limited
  });
});
