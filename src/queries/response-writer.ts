import type { Db } from "../db/client";
import { multiRowResponseStatements } from "./bulk-load";
import { storeResponse, type NewResponse, type StoreResult } from "./store-response";

/** Enough to carry a whole day's rush in one commit, small enough to keep each commit short. */
const MAX_RESPONSES_PER_COMMIT = 200;

/**
 * Group commit for the embedded file. The file runs synchronous=FULL, so every transaction waits
 * for the disk (0.3 ms on a quiet disk, several ms on a busy one) and the driver is synchronous,
 * so nothing else runs meanwhile: one transaction per response caps a server at a few hundred to
 * a few thousand responses per second and queues fifty simultaneous participants behind fifty
 * disk flushes. Instead, responses that arrive together (in the same turn of the event loop,
 * which includes everything that came in during the previous flush) are written in one
 * transaction and every participant is answered after it is on disk: the same durability.
 * If that transaction fails — a retried submission id, an id used for another survey — each
 * response is stored on its own, so each gets exactly the answer it would have got alone.
 *
 * Remote libSQL (the Worker) stores each response directly: there a batch is one round trip
 * already, and a request must not wait on I/O that another request started.
 */
export function createResponseWriter(db: Db): (input: NewResponse) => Promise<StoreResult> {
  if (db.$client.protocol !== "file") return (input) => storeResponse(db, input);

  let queue: Pending[] = [];
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const group = queue.slice(0, MAX_RESPONSES_PER_COMMIT);
    queue = queue.slice(group.length);
    if (queue.length > 0) schedule();
    if (group.length === 1) return settle(group[0]!, storeResponse(db, group[0]!.input));
    try {
      // Two multi-row INSERTs for the whole group: preparing statements was a tenth of the cost.
      await db.$client.batch(multiRowResponseStatements(group.map((p) => p.input)), "write");
    } catch {
      for (const pending of group) await settle(pending, storeResponse(db, pending.input));
      return;
    }
    for (const pending of group) pending.resolve({ status: "created", id: pending.input.id });
  };
  const schedule = () => {
    scheduled = true;
    nextTurn(() => void flush());
  };

  return (input) =>
    new Promise<StoreResult>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!scheduled) schedule();
    });
}

interface Pending {
  readonly input: NewResponse;
  resolve(result: StoreResult): void;
  reject(error: unknown): void;
}

function settle(pending: Pending, result: Promise<StoreResult>): Promise<void> {
  return result.then(pending.resolve, pending.reject);
}

/** After the I/O callbacks of this loop turn (Node's setImmediate), so requests that arrived together are written together. */
const nextTurn: (callback: () => void) => void =
  (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate ?? ((callback) => setTimeout(callback, 0));
