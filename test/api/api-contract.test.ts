import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../src/api-contract";
import { createApp } from "../../src/app";
import { createTestDb } from "../helpers/test-db";

// Each contract entry once; tsc refuses a missing or an unknown one, so this list is the contract's.
const CONTRACT: Record<Endpoint, true> = {
  "POST /api/auth/login": true,
  "GET /api/me": true,
  "GET /api/regions": true,
  "GET /api/programmes": true,
  "POST /api/programmes": true,
  "PATCH /api/programmes/:id": true,
  "GET /api/themes": true,
  "POST /api/themes": true,
  "PATCH /api/themes/:id": true,
  "GET /api/users": true,
  "POST /api/users": true,
  "PATCH /api/users/:id": true,
  "POST /api/users/:id/sessions/revoke": true,
  "GET /api/audit": true,
  "GET /api/events": true,
  "GET /api/stats/regions": true,
  "GET /api/stats/trend": true,
  "GET /api/stats/themes": true,
  "GET /api/stats/questions": true,
  "GET /api/events/:id/comments": true,
  "GET /api/comments/explorer": true,
  "PUT /api/comments/tags": true,
  "GET /api/comment-categories": true,
  "POST /api/comment-categories": true,
  "POST /api/events": true,
  "GET /api/events/:id": true,
  "PATCH /api/events/:id": true,
  "PUT /api/events/:id/published-result": true,
  "POST /api/events/:id/survey/open": true,
  "POST /api/events/:id/survey/close": true,
  "PATCH /api/events/:id/survey": true,
  "GET /api/events/:id/questions": true,
  "POST /api/events/:id/questions": true,
  "PATCH /api/events/:id/questions/:questionId": true,
  "POST /api/events/:id/duplicate": true,
  "POST /api/events/:id/cancel": true,
  "POST /api/events/:id/uncancel": true,
  "DELETE /api/events/:id": true,
  "GET /api/events/:id/live": true,
  "GET /api/live/:token": true,
  "GET /api/areas": true,
  "POST /api/areas": true,
  "PATCH /api/areas/:id": true,
  "DELETE /api/areas/:id": true,
  "GET /api/stats/areas": true,
  "GET /api/stats/programmes": true,
};

/** /api routes that answer without JSON: 204s, QR images and the table downloads. */
const NOT_JSON =
  /^(POST \/api\/auth\/logout|PUT \/api\/users\/:id\/password|POST \/api\/me\/password|DELETE \/api\/events\/:id\/questions\/:questionId|GET \/api\/events\/:id\/qr\.(svg|png)|GET \/api\/export\/.+)$/;

describe("the API contract (src/api-contract.ts)", () => {
  it("names exactly the /api routes that answer JSON", async () => {
    const app = createApp({ db: await createTestDb() });
    const routes = new Set(app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/")).map((r) => `${r.method} ${r.path}`));
    const json = [...routes].filter((route) => !NOT_JSON.test(route)).sort();
    expect(json).toEqual(Object.keys(CONTRACT).sort());
    // The left-out ones are real routes too, so a renamed one does not slip through the pattern.
    expect([...routes].filter((route) => NOT_JSON.test(route)).length).toBeGreaterThanOrEqual(5);
  });

  it("refuses to answer from a handler wired to another endpoint than it names", async () => {
    const { Hono } = await import("hono");
    const { sendJson } = await import("../../src/http/contract");
    const app = new Hono().get("/api/regions", (c) =>
      sendJson(c as never, "GET /api/me", {
        user: {
          id: 1,
          email: "",
          name: "",
          role: "viewer",
          regions: [],
          allRegions: false,
          readsEveryRegion: false,
          readableRegions: [],
          writableRegions: [],
          isNational: false,
          readsArea: null,
          areaId: null,
        },
      }),
    );
    app.onError((err, c) => c.text(err.message, 500));
    const res = await app.request("/api/regions");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("contract: GET /api/regions answered as GET /api/me");
  });
});
