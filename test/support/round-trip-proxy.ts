/**
 * TEST-ONLY: a thin HTTP proxy in front of the test libSQL endpoint (hrana-server.ts) that counts
 * the database requests the Worker makes and how many of them had to wait for one another, and
 * can add a one-way delay each way (a participant far from the database region: the Worker runs
 * near them, the database does not).
 *
 * "Sequential" is the longest chain of requests in which each starts only after the previous one
 * ended: requests sent together (Promise.all, one pipeline) add 1 to the chain, a query that waits
 * for another's answer adds 1 more. With a delay d, an action costs at least 2·d per link.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundTrips {
  /** Every HTTP request to the database (pipeline POSTs and the client's version probes). */
  readonly requests: number;
  /** The longest chain of requests that each started after the one before had ended. */
  readonly sequential: number;
}

export interface RoundTripProxy {
  readonly url: string;
  /** Sets the added delay (ms) on the way to the database and again on the way back. */
  setDelay(oneWayMs: number): void;
  /** Forgets what was counted: call before an action. */
  reset(): void;
  /** What was counted since the last reset. */
  counted(): RoundTrips;
  close(): Promise<void>;
}

interface Span {
  readonly start: number;
  end: number | null;
  depth: number;
}

export async function startRoundTripProxy(targetUrl: string, options: { oneWayDelayMs?: number } = {}): Promise<RoundTripProxy> {
  let delay = options.oneWayDelayMs ?? 0;
  let spans: Span[] = [];
  const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const start = performance.now();
    // Depth: one more than the deepest request that had already ended when this one started.
    const before = spans.filter((s) => s.end !== null && s.end <= start);
    const span: Span = { start, end: null, depth: 1 + Math.max(0, ...before.map((s) => s.depth)) };
    spans.push(span);
    const mine = spans;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await sleep(delay);
    const headers = new Headers();
    for (const name of ["content-type", "authorization"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    const answer = await fetch(new URL(req.url ?? "/", targetUrl), {
      method: req.method ?? "GET",
      headers,
      ...(req.method === "POST" && { body: Buffer.concat(chunks) }),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    await sleep(delay);
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain", "content-length": body.length });
    res.end(body);
    // The client sees the answer now; a request it sends after this depends on this one.
    if (mine === spans) span.end = performance.now();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setDelay: (oneWayMs) => {
      delay = oneWayMs;
    },
    reset: () => {
      spans = [];
    },
    counted: () => ({ requests: spans.length, sequential: Math.max(0, ...spans.map((s) => s.depth)) }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
