// The soak's participants: concurrent clients that each take the next submission, post it as JSON
// and retry it with the same submission_id — on a timeout, a dropped connection or a 5xx — until
// the server acknowledges it or the global deadline passes. What they were told is the ground
// truth the verification checks the database against.
import { randomUUID } from "node:crypto";
import { LANGS } from "../../../src/domain/lang";

const SECTORS = ["social_health", "education", "municipal", "ngo", "parish", "other"] as const;
const FIRST_BACKOFF_MS = 25;
const MAX_BACKOFF_MS = 1_000;
/** A bound on attempts as well as time: no submission loops forever. */
const MAX_ATTEMPTS = 500;

export interface SoakSubmission {
  readonly id: string;
  readonly lang: (typeof LANGS)[number];
  readonly answers: { readonly grade: number; readonly usefulness: number; readonly sector: string; readonly good: string };
}

/** Varied but reproducible answers (every grade, scale value, sector and language; non-ASCII text). */
export function makeSubmissions(count: number): SoakSubmission[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    lang: LANGS[i % LANGS.length]!,
    answers: {
      grade: 4 + (i % 7),
      usefulness: 1 + (i % 5),
      sector: SECTORS[i % SECTORS.length]!,
      good: `Soak ${i}: hyvä päivä – bra dag – “good day” ${"✓".repeat(i % 4)}`,
    },
  }));
}

export interface ClientTally {
  /** Submission id → the acknowledging status (201 first store, 200 a retry of a stored one). */
  readonly acknowledged: Map<string, 201 | 200>;
  /** Submissions the server refused outright (4xx): none are expected. */
  readonly rejected: Map<string, string>;
  attempts: number;
  connectionErrors: number;
  timeouts: number;
  serverErrors: number;
  /** 200/201 whose body was not {id} for this submission. */
  badAcknowledgements: number;
  inFlight: number;
  slowestAckMs: number;
}

export function newClientTally(): ClientTally {
  return {
    acknowledged: new Map(),
    rejected: new Map(),
    attempts: 0,
    connectionErrors: 0,
    timeouts: 0,
    serverErrors: 0,
    badAcknowledgements: 0,
    inFlight: 0,
    slowestAckMs: 0,
  };
}

export interface ClientRun {
  readonly url: string;
  readonly slug: string;
  readonly submissions: readonly SoakSubmission[];
  readonly clients: number;
  readonly timeoutMs: number;
  /** True once the global deadline has passed (or the run was given up): nobody retries any more. */
  readonly stopped: () => boolean;
  /** Called after every acknowledgement, with the live tally (the soak kills the server from here). */
  readonly onAcknowledged: (tally: ClientTally) => void;
}

/** Resolves when every submission is acknowledged, refused, or out of time; fills `tally` as it goes. */
export async function runClients(run: ClientRun, tally: ClientTally): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < run.submissions.length && !run.stopped()) {
      const submission = run.submissions[next++]!;
      await deliver(run, submission, tally);
    }
  };
  await Promise.all(Array.from({ length: run.clients }, client));
}

async function deliver(run: ClientRun, submission: SoakSubmission, tally: ClientTally): Promise<void> {
  const body = JSON.stringify({ submission_id: submission.id, lang: submission.lang, answers: submission.answers });
  const started = Date.now();
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !run.stopped(); attempt++) {
    if (attempt > 0) await sleep(backoff(attempt));
    tally.attempts += 1;
    tally.inFlight += 1;
    try {
      const res = await fetch(`${run.url}/s/${run.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body,
        signal: AbortSignal.timeout(run.timeoutMs),
      });
      const text = await res.text();
      if (res.status === 201 || res.status === 200) {
        if (parseId(text) !== submission.id) {
          tally.badAcknowledgements += 1;
          continue;
        }
        tally.acknowledged.set(submission.id, res.status);
        tally.slowestAckMs = Math.max(tally.slowestAckMs, Date.now() - started);
        run.onAcknowledged(tally);
        return;
      }
      if (res.status >= 500) {
        tally.serverErrors += 1;
        continue;
      }
      tally.rejected.set(submission.id, `${res.status} ${text.slice(0, 200)}`);
      return;
    } catch (error) {
      if ((error as Error).name === "TimeoutError") tally.timeouts += 1;
      else tally.connectionErrors += 1;
    } finally {
      tally.inFlight -= 1;
    }
  }
}

/** Exponential with full jitter, so 50 clients do not hammer a restarting server in step. */
function backoff(attempt: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(attempt, 10));
  return Math.round(Math.random() * ceiling);
}

function parseId(text: string): unknown {
  try {
    return (JSON.parse(text) as { id?: unknown }).id;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
