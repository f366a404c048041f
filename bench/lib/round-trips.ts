// Database round trips per action at the edge: the built Worker under Miniflare, its database the
// test libSQL endpoint behind a proxy that adds a one-way delay each way (a participant far from
// the database region) and counts requests and how many had to wait for one another.
// The actions are the ones test/worker/round-trips.test.ts bounds.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestSurvey } from "../../test/helpers/factories";
import { startRoundTripProxy } from "../../test/support/round-trip-proxy";
import { buildWorker, startBuiltWorker, startWorkerDatabase, type RunningWorker } from "../../test/worker/built-worker";
import {
  apiCall,
  dashboardFirstLoad,
  measure,
  ROUND_TRIP_ACTIONS,
  signIn,
  submit,
  surveyGet,
  type ActionDriver,
  type Measured,
  type RoundTripAction,
} from "../../test/worker/round-trip-actions";
import { verdict, type Row } from "./table";

export const ONE_WAY_DELAY_MS = 20;
/** Longer than the survey cache's 5 s (src/services/survey-lookup.ts), as a participant takes. */
const IDLE_MS = 6_000;
const ANSWERS = { grade: 8, usefulness: 4, good: "Hyvä päivä" };

export async function measureRoundTrips(log: (line: string) => void): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "palaute-bench-edge-"));
  const build = await buildWorker(join(dir, "worker"));
  const database = await startWorkerDatabase({ demo: true });
  const proxy = await startRoundTripProxy(database.url, { oneWayDelayMs: ONE_WAY_DELAY_MS });
  const workers: RunningWorker[] = [];
  const start = async (): Promise<ActionDriver> => {
    const worker = await startBuiltWorker(build, { LIBSQL_URL: proxy.url });
    workers.push(worker);
    return { proxy, origin: worker.url.origin, fetch: (path, init) => worker.fetch(path, init) };
  };
  try {
    const measured = new Map<RoundTripAction, Measured>();
    const [first, second, third] = [
      await createTestSurvey(database.db),
      await createTestSurvey(database.db),
      await createTestSurvey(database.db),
    ];

    log("edge round trips: survey GET and submissions on new isolates and a warm one…");
    let driver = await start();
    measured.set("surveyGetCold", await measure(driver, surveyGet(driver, first.slug)));
    measured.set("surveyGetWarm", await measure(driver, surveyGet(driver, first.slug)));
    measured.set("submitAfterGet", await measure(driver, submit(driver, first.slug, ANSWERS)));
    await surveyGet(driver, second.slug)();
    log(`edge round trips: waiting ${IDLE_MS / 1000} s, as a participant answering does…`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    measured.set("submitAfterIdle", await measure(driver, submit(driver, second.slug, ANSWERS)));
    const fresh = await start();
    measured.set("submitCold", await measure(fresh, submit(fresh, third.slug, ANSWERS)));

    log("edge round trips: sign-in, an API call, the dashboard's first load…");
    driver = await start();
    await signIn(driver); // the first sign-in of an isolate also pays for its password hashing setup
    let cookie = "";
    measured.set(
      "signIn",
      await measure(driver, async () => {
        cookie = await signIn(driver);
      }),
    );
    measured.set("apiCall", await measure(driver, apiCall(driver, cookie)));
    measured.set("dashboardFirstLoad", await measure(driver, dashboardFirstLoad(driver, cookie)));

    return [...measured].map(([action, m]) => {
      const { label, target, before } = ROUND_TRIP_ACTIONS[action];
      return {
        measure: `Edge: ${label}, ${ONE_WAY_DELAY_MS} ms each way to the database`,
        result: `${m.sequential} sequential of ${m.requests} requests, ${Math.round(m.wallMs)} ms`,
        baseline: `before: ${before}`,
        target: `≤ ${target} sequential`,
        verdict: verdict(m.sequential <= target),
      };
    });
  } finally {
    for (const worker of workers) await worker.close();
    await proxy.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
