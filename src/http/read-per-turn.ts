// Requests that are waiting at the same time for the same fresh read share one read, made after
// the last of them arrived. The Node entry uses it for the survey version (the window, published
// and cancelled state and question sets that every form view and submission must see as they are
// now): under load many participants' requests arrive in one event-loop turn, and one read then
// answers them all.
//
// Why this never shows anything stale: a read is made only after every request it answers has
// arrived, so each of them sees the database as it was at some instant between its own arrival and
// its answer, as if it had read for itself. A request that arrives after a read has been made waits
// for the next one; no read is ever kept for later requests.

/** Runs a callback after the I/O of the current event-loop turn (setImmediate on Node). */
export type Schedule = (callback: () => void) => void;

export function readPerTurn<T>(read: (key: string) => T, schedule: Schedule): (key: string) => Promise<T> {
  /** The reads asked for since the last ones ran, by key; null when none are waiting. */
  let waiting: Map<string, Pending<T>> | null = null;
  const runAll = () => {
    const turn = waiting!;
    // Closed before any read runs: a request arriving from here on waits for a read of its own.
    waiting = null;
    for (const [key, pending] of turn) {
      try {
        pending.resolve(read(key));
      } catch (error) {
        pending.reject(error);
      }
    }
  };
  return (key) => {
    if (waiting === null) {
      waiting = new Map();
      schedule(runAll);
    }
    let pending = waiting.get(key);
    if (!pending) {
      let resolve!: (value: T) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      pending = { promise, resolve, reject };
      waiting.set(key, pending);
    }
    return pending.promise;
  };
}

interface Pending<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
