// The crash soak shared by `npm run soak` (full size) and test/robustness/soak.test.ts (short):
// many concurrent clients submit and retry with the same submission_id, the server process is
// SIGKILLed once in the middle and restarted on the same port, and afterwards the database file is
// checked against what the clients were told: nothing acknowledged is lost, nothing is doubled,
// nothing is half-stored, and the answer_tally rollup still equals the raw answers.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../../../src/db/client";
import { runMigrations } from "../../../src/db/migrate";
import { openNodeDatabase } from "../../../src/db/open-node-database";
import { getEvent, insertEventWithSurvey } from "../../../src/queries/events";
import { insertProgramme } from "../../../src/queries/programmes";
import { makeSubmissions, newClientTally, runClients, type ClientTally } from "./soak-clients";
import { freeLoopbackPort, SoakServer } from "./soak-server-process";
import { verifySoak, type SoakVerification } from "./soak-verify";

export interface SoakOptions {
  readonly submissions: number;
  readonly clients: number;
  /** SIGKILL the server once, right after this many acknowledgements. */
  readonly killAfter: number;
  /** Per-request timeout; a timed-out request is retried with the same id. */
  readonly timeoutMs: number;
  /** Nobody retries after this long; the soak then reports what is unacknowledged. */
  readonly deadlineMs?: number;
  /** Progress lines (the script prints them; the test stays quiet). */
  readonly log?: (line: string) => void;
}

export interface SoakReport {
  readonly ok: boolean;
  readonly failures: readonly string[];
  readonly options: Required<Omit<SoakOptions, "log">>;
  readonly acknowledged: number;
  /** 201: stored by that request. */
  readonly acknowledgedCreated: number;
  /** 200: a retry of a submission an earlier, unanswered request had stored. */
  readonly acknowledgedRepeat: number;
  readonly unacknowledged: number;
  readonly rejected: number;
  readonly attempts: number;
  readonly connectionErrors: number;
  readonly timeouts: number;
  readonly serverErrors: number;
  readonly badAcknowledgements: number;
  readonly kills: number;
  readonly inFlightAtKill: number;
  /** From SIGKILL to the restarted server answering. */
  readonly restartMs: number;
  readonly serverErrorLogLines: number;
  readonly durationMs: number;
  readonly acknowledgementsPerSecond: number;
  readonly slowestAckMs: number;
  readonly verification: SoakVerification;
  /** Kept for inspection when the soak fails, removed when it passes. */
  readonly databaseFile: string | null;
}

const DEFAULT_DEADLINE_MS = 10 * 60_000;

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const settings = { deadlineMs: DEFAULT_DEADLINE_MS, ...options };
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), "palaute-soak-"));
  const databaseFile = join(dir, "soak.db");
  const { surveyId, slug } = await prepareDatabase(databaseFile);
  const server = new SoakServer(await freeLoopbackPort(), databaseFile);
  await server.start();
  log(`server ${server.url} (database ${databaseFile}); ${settings.submissions} submissions from ${settings.clients} clients`);

  const submissions = makeSubmissions(settings.submissions);
  const tally = newClientTally();
  const started = Date.now();
  const deadline = started + settings.deadlineMs;
  let gaveUp = false;
  let crash: Promise<void> | null = null;
  let inFlightAtKill = 0;
  let restartMs = 0;
  let restartError: string | null = null;

  const crashAndRestart = async () => {
    inFlightAtKill = tally.inFlight;
    const killedAt = Date.now();
    log(`SIGKILL after ${tally.acknowledged.size} acknowledgements, ${inFlightAtKill} requests in flight`);
    await server.kill();
    try {
      await server.start();
      restartMs = Date.now() - killedAt;
      log(`restarted in ${restartMs} ms`);
    } catch (error) {
      restartError = (error as Error).message;
      gaveUp = true; // nothing can be acknowledged any more; stop instead of retrying until the deadline
    }
  };
  const progressEvery = Math.max(1, Math.round(settings.submissions / 10));

  let durationMs = 0;
  try {
    await runClients(
      {
        url: server.url,
        slug,
        submissions,
        clients: settings.clients,
        timeoutMs: settings.timeoutMs,
        stopped: () => gaveUp || Date.now() >= deadline,
        onAcknowledged: (live: ClientTally) => {
          const count = live.acknowledged.size;
          if (count % progressEvery === 0) log(`${count} acknowledged`);
          if (!crash && count >= settings.killAfter) crash = crashAndRestart();
        },
      },
      tally,
    );
    await crash;
    durationMs = Date.now() - started;
  } finally {
    // Whatever went wrong, the server process must not outlive the soak.
    await server.stop();
  }

  const verification = await verifySoak(databaseFile, surveyId, submissions, tally.acknowledged);
  const acknowledged = tally.acknowledged.size;
  const created = [...tally.acknowledged.values()].filter((status) => status === 201).length;
  const failures = judge({ settings, tally, verification, kills: crash ? 1 : 0, restartError, starts: server.starts });
  const ok = failures.length === 0;
  if (ok) rmSync(dir, { recursive: true, force: true });
  else if (server.stderrTail.length > 0) failures.push(`server stderr (tail):\n${server.stderrTail.join("\n")}`);

  return {
    ok,
    failures,
    options: {
      submissions: settings.submissions,
      clients: settings.clients,
      killAfter: settings.killAfter,
      timeoutMs: settings.timeoutMs,
      deadlineMs: settings.deadlineMs,
    },
    acknowledged,
    acknowledgedCreated: created,
    acknowledgedRepeat: acknowledged - created,
    unacknowledged: settings.submissions - acknowledged,
    rejected: tally.rejected.size,
    attempts: tally.attempts,
    connectionErrors: tally.connectionErrors,
    timeouts: tally.timeouts,
    serverErrors: tally.serverErrors,
    badAcknowledgements: tally.badAcknowledgements,
    kills: crash ? 1 : 0,
    inFlightAtKill,
    restartMs,
    serverErrorLogLines: server.errorLines,
    durationMs,
    acknowledgementsPerSecond: Math.round((acknowledged / Math.max(1, durationMs)) * 1000),
    slowestAckMs: tally.slowestAckMs,
    verification,
    databaseFile: ok ? null : databaseFile,
  };
}

/** A fresh database file with the real migrations and one open survey, made before the server starts. */
async function prepareDatabase(file: string): Promise<{ surveyId: number; slug: string }> {
  const client = await openNodeDatabase({ url: `file:${file}` });
  try {
    const db = createDb(client);
    await runMigrations(db);
    const slug = `soak-${randomBytes(9).toString("base64url")}`;
    // One open day (no opening or closing time) asking the core questions, written by the app's own queries.
    const programmeId = await insertProgramme(db, { name: "Soak", startsOn: null, endsOn: null });
    const eventId = await insertEventWithSurvey(
      db,
      { programmeId, regionCode: "16", date: "2019-09-04", themeId: null, title: "Soak", location: "Kokkola", attendance: null },
      slug,
      null,
    );
    return { surveyId: (await getEvent(db, eventId))!.surveyId, slug };
  } finally {
    client.close();
  }
}

function judge(input: {
  settings: Required<Omit<SoakOptions, "log">>;
  tally: ClientTally;
  verification: SoakVerification;
  kills: number;
  restartError: string | null;
  starts: number;
}): string[] {
  const { settings, tally, verification: v } = input;
  const failures: string[] = [];
  const expect = (condition: boolean, message: string) => {
    if (!condition) failures.push(message);
  };
  expect(
    input.kills === 1 && input.starts === 2,
    `the server was not killed and restarted once (kills ${input.kills}, starts ${input.starts})`,
  );
  expect(input.restartError === null, `restart failed: ${input.restartError}`);
  expect(v.lostAcknowledged === 0, `${v.lostAcknowledged} acknowledged submissions are missing`);
  expect(v.duplicates === 0, `${v.duplicates} responses are stored more than once`);
  expect(v.wrongAnswers === 0, `${v.wrongAnswers} stored responses lack answers or have other answers than were sent`);
  expect(v.orphanAnswers === 0, `${v.orphanAnswers} answers have no response`);
  expect(v.unknownStored === 0, `${v.unknownStored} stored responses were never sent`);
  expect(v.tallyMismatches === 0, `${v.tallyMismatches} answer_tally cells differ from a recount`);
  expect(v.integrityCheck === "ok", `integrity_check: ${v.integrityCheck}`);
  expect(v.foreignKeyViolations === 0, `${v.foreignKeyViolations} foreign key violations`);
  expect(tally.rejected.size === 0, `${tally.rejected.size} submissions refused, e.g. ${[...tally.rejected.values()][0] ?? ""}`);
  // Clients retry until acknowledged, so anything left over means the server stopped answering.
  expect(
    tally.acknowledged.size === settings.submissions,
    `${settings.submissions - tally.acknowledged.size} submissions never acknowledged within ${settings.deadlineMs} ms`,
  );
  if (v.examples.length > 0) failures.push(`examples:\n  ${v.examples.join("\n  ")}`);
  return failures;
}

export function formatSoakReport(r: SoakReport): string {
  const v = r.verification;
  const lines = [
    `Soak: ${r.options.submissions} submissions, ${r.options.clients} clients, SIGKILL after ${r.options.killAfter} acknowledgements, request timeout ${r.options.timeoutMs} ms`,
    `  duration               ${(r.durationMs / 1000).toFixed(1)} s (${r.acknowledgementsPerSecond} acknowledgements/s, slowest ${r.slowestAckMs} ms incl. retries)`,
    `  kill and restart       ${r.kills} SIGKILL with ${r.inFlightAtKill} requests in flight; back on the same port in ${r.restartMs} ms`,
    `  attempts               ${r.attempts} (connection errors ${r.connectionErrors}, timeouts ${r.timeouts}, 5xx ${r.serverErrors}, bad acks ${r.badAcknowledgements})`,
    `  acknowledged           ${r.acknowledged} (201 created ${r.acknowledgedCreated}, 200 repeat ${r.acknowledgedRepeat}); unacknowledged ${r.unacknowledged}; refused ${r.rejected}`,
    `  stored                 ${v.stored}`,
    `  acknowledged, missing  ${v.lostAcknowledged}`,
    `  duplicates             ${v.duplicates}`,
    `  half-stored or altered ${v.wrongAnswers}`,
    `  answers w/o response   ${v.orphanAnswers}`,
    `  stored, never sent     ${v.unknownStored}`,
    `  stored, unacknowledged ${v.unacknowledgedStored} (allowed: killed after COMMIT, before the reply)`,
    `  answer_tally mismatches ${v.tallyMismatches}`,
    `  integrity_check        ${v.integrityCheck}; foreign key violations ${v.foreignKeyViolations}`,
    `  server error log lines ${r.serverErrorLogLines}`,
    r.ok
      ? "RESULT: PASS — every acknowledged submission is stored exactly once, nothing is half-stored"
      : `RESULT: FAIL\n  ${r.failures.join("\n  ")}${r.databaseFile ? `\n  database kept at ${r.databaseFile}` : ""}`,
  ];
  return lines.join("\n");
}
