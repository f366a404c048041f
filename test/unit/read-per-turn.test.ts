import { describe, expect, it } from "vitest";
import { readPerTurn } from "../../src/http/read-per-turn";

// The schedule is the one thing the Node entry gives (setImmediate); here it is run by hand, so
// the test says exactly which calls arrive before and after a read. The last test uses the real one.
function manualTurns() {
  const queued: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => queued.push(callback),
    endTurn: () => {
      for (const callback of queued.splice(0)) callback();
    },
    get scheduled() {
      return queued.length;
    },
  };
}

describe("readPerTurn", () => {
  it("answers the calls of one turn with one read per key, made after the last of them arrived", async () => {
    const turns = manualTurns();
    let state = "open";
    const reads: string[] = [];
    const read = readPerTurn((key) => {
      reads.push(key);
      return `${key}:${state}`;
    }, turns.schedule);

    const first = read("a");
    const second = read("a");
    const other = read("b");
    state = "closed"; // committed after the calls arrived, before the read: they all see it
    expect(reads).toEqual([]);
    expect(turns.scheduled).toBe(1);
    turns.endTurn();
    expect(await Promise.all([first, second, other])).toEqual(["a:closed", "a:closed", "b:closed"]);
    expect(reads).toEqual(["a", "b"]);
  });

  it("never answers a later call with an earlier read", async () => {
    const turns = manualTurns();
    let state = "open";
    let reads = 0;
    const read = readPerTurn(() => {
      reads += 1;
      return state;
    }, turns.schedule);

    const before = read("a");
    turns.endTurn();
    expect(await before).toBe("open");
    state = "closed";
    const after = read("a");
    expect(turns.scheduled).toBe(1);
    turns.endTurn();
    expect(await after).toBe("closed");
    expect(reads).toBe(2);
  });

  it("gives a call made while the reads run a read of its own", async () => {
    const turns = manualTurns();
    let reentered: Promise<string> | undefined;
    let reads = 0;
    const read: (key: string) => Promise<string> = readPerTurn((key) => {
      reads += 1;
      if (key === "a") reentered = read("b");
      return `${key}${reads}`;
    }, turns.schedule);

    const first = read("a");
    turns.endTurn();
    expect(await first).toBe("a1");
    expect(turns.scheduled).toBe(1);
    turns.endTurn();
    expect(await reentered).toBe("b2");
  });

  it("rejects the calls waiting for a key whose read fails, and only those", async () => {
    const turns = manualTurns();
    const read = readPerTurn((key) => {
      if (key === "bad") throw new Error("database is locked");
      return key;
    }, turns.schedule);
    const bad = [read("bad"), read("bad")];
    const good = read("good");
    turns.endTurn();
    for (const call of bad) await expect(call).rejects.toThrow("database is locked");
    expect(await good).toBe("good");
  });

  it("shares a read among the calls of one event-loop turn with setImmediate, and reads again in the next", async () => {
    let reads = 0;
    const read = readPerTurn(() => ++reads, setImmediate);
    expect(await Promise.all([read("a"), read("a"), read("a")])).toEqual([1, 1, 1]);
    expect(await read("a")).toBe(2);
  });
});
