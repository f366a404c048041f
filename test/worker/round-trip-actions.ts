// The actions whose database round trips the Worker test (round-trips.test.ts) bounds and
// `npm run bench` reports (bench/lib/round-trips.ts): the same requests in both, so the figure in
// bench/RESULTS.md and the asserted bound describe one thing. No vitest import: the bench runs
// this outside the test runner.
import { DEMO_USERS } from "../../src/demo/demo-users";
import type { RoundTripProxy, RoundTrips } from "../support/round-trip-proxy";

/** The bounds on sequential round trips (issue 18, item 4), and "sequential of requests" as
 *  this bench measured them on 0e7e413, before the change (the bench's baseline column). */
export const ROUND_TRIP_ACTIONS = {
  surveyGetWarm: { label: "Survey GET, warm", target: 1, before: "1 of 1" },
  surveyGetCold: { label: "Survey GET, cold (new isolate)", target: 1, before: "3 of 3 (after 5 s idle)" },
  submitAfterGet: { label: "Submission right after the GET", target: 1, before: "2 of 2" },
  submitAfterIdle: { label: "Submission 6 s after the GET", target: 1, before: "4 of 4" },
  submitCold: { label: "Submission on a new isolate (never saw the survey)", target: 1, before: "4 of 4 (as after 6 s)" },
  signIn: { label: "Sign-in (POST /api/auth/login)", target: 3, before: "7 of 9" },
  apiCall: { label: "API call (GET /api/stats/regions)", target: 2, before: "3 of 6" },
  dashboardFirstLoad: { label: "Dashboard first load (page + its script's first API calls)", target: 3, before: "6 of 28" },
} as const;

export type RoundTripAction = keyof typeof ROUND_TRIP_ACTIONS;

export interface Measured extends RoundTrips {
  readonly wallMs: number;
}

/** What the actions need: a running Worker and the proxy between it and the database. */
export interface ActionDriver {
  readonly proxy: RoundTripProxy;
  readonly origin: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** Runs one action and returns what it cost; `expect` throws on an answer the action should not get. */
export async function measure(driver: ActionDriver, action: () => Promise<void>): Promise<Measured> {
  driver.proxy.reset();
  const started = performance.now();
  await action();
  const wallMs = performance.now() - started;
  return { ...driver.proxy.counted(), wallMs };
}

async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

export function surveyGet(driver: ActionDriver, slug: string): () => Promise<void> {
  return async () => {
    const res = await driver.fetch(`/s/${slug}`, { headers: { accept: "text/html" } });
    await expectStatus(res, 200, `GET /s/${slug}`);
    await res.text();
  };
}

/** A valid JSON submission of the core set's first (required) scale question. */
export function submit(driver: ActionDriver, slug: string, answers: Record<string, unknown>): () => Promise<void> {
  return async () => {
    const res = await driver.fetch(`/s/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ submission_id: crypto.randomUUID(), answers }),
    });
    await expectStatus(res, 201, `POST /s/${slug}`);
    await res.text();
  };
}

export const NATIONAL = DEMO_USERS[0];

/** Signs the national demo user in; returns the cookie. */
export async function signIn(driver: ActionDriver, user: { email: string; password: string } = NATIONAL): Promise<string> {
  const res = await driver.fetch("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", origin: driver.origin },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  await expectStatus(res, 200, "POST /api/auth/login");
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

async function getJson(driver: ActionDriver, path: string, cookie: string): Promise<void> {
  const res = await driver.fetch(path, { headers: { cookie, accept: "application/json" } });
  await expectStatus(res, 200, `GET ${path}`);
  await res.json();
}

export function apiCall(driver: ActionDriver, cookie: string): () => Promise<void> {
  return () => getJson(driver, "/api/stats/regions", cookie);
}

/**
 * What a national user's browser asks for on the dashboard's first load, in its order
 * (web/src/dashboard/main.ts boot(): the page, then who is signed in and the reference lists
 * together, then the first view, "national" for the national team: web/src/dashboard/views/
 * national-view.ts, its region and theme figures together).
 */
export function dashboardFirstLoad(driver: ActionDriver, cookie: string): () => Promise<void> {
  return async () => {
    const page = await expectStatus(await driver.fetch("/", { headers: { cookie, accept: "text/html" } }), 200, "GET /");
    await page.text();
    await Promise.all(["/api/me", "/api/regions", "/api/programmes", "/api/themes", "/api/areas"].map((p) => getJson(driver, p, cookie)));
    await Promise.all(["/api/stats/regions", "/api/stats/themes"].map((p) => getJson(driver, p, cookie)));
  };
}
