// Node-only: opens the embedded libSQL file (default) or a remote libSQL URL.
import { createClient, type Client } from "@libsql/client";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface DatabaseLocation {
  /** file:path, :memory:, http(s)://, libsql:// */
  readonly url: string;
  readonly authToken?: string | undefined;
}

/**
 * For the embedded file: one connection (the engine is synchronous and SQLite has one writer, so a
 * pool adds nothing but per-connection pragmas that silently miss some connections), WAL so readers
 * never wait for the writer, synchronous=FULL so a response is on disk before it is acknowledged —
 * WAL with NORMAL would survive a process crash but can lose the last transactions on power loss —
 * foreign keys on, a busy timeout for other processes (a backup, the CLI) touching the file, and a
 * 32 MiB page cache (a ceiling, filled only as pages are read). SQLite's default 2 MB is smaller than
 * what one statistics read touches at 1M responses (event + survey ≈ 3 MB over 20k days), so every
 * grouped read re-read most pages from the OS, and the GROUP BY sorter, whose in-memory limit is the
 * same setting, spilled its ~2 MB of rows to a temporary file: the (month, theme) read of the trend
 * took ~1.7× the month-only one, and both ~40 % longer than with the cache big enough.
 */
export async function openNodeDatabase(location: DatabaseLocation): Promise<Client> {
  if (location.url.startsWith("file:") || location.url === ":memory:") {
    const url = location.url === ":memory:" ? "file::memory:" : location.url;
    const path = url.slice("file:".length);
    if (path !== ":memory:" && !path.startsWith(":")) mkdirSync(dirname(resolve(path)), { recursive: true });
    const client = createClient({ url, concurrency: 1 });
    if (path !== ":memory:") await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = FULL");
    await client.execute("PRAGMA foreign_keys = ON");
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute("PRAGMA cache_size = -32768");
    return client;
  }
  return createClient({ url: location.url, authToken: location.authToken });
}
