// Drives a server with autocannon (the load generator runs in this process; the server is a child)
// and reduces the result to what the table needs.
import autocannon, { type Options } from "autocannon";

export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** The status every request must get; anything else counts as an error. */
  readonly expectStatus: number;
  readonly request?: Pick<Options, "method" | "headers" | "body" | "requests">;
}

export interface LoadResult {
  /** Requests that got the expected status, per second of the run. */
  readonly perSecond: number;
  readonly ok: number;
  /** Socket errors, timeouts and any unexpected status. */
  readonly errors: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** Milliseconds (autocannon records whole milliseconds). */
  readonly p50: number;
  readonly p99: number;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const result = await autocannon({ url: spec.url, connections: spec.connections, duration: spec.seconds, timeout: 10, ...spec.request });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const ok = statuses[String(spec.expectStatus)] ?? 0;
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    perSecond: ok / result.duration,
    ok,
    errors: result.errors + (answered - ok), // autocannon counts timeouts among errors
    statuses,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
