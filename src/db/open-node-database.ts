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
 * foreign keys on, and a busy timeout for other processes (a backup, the CLI) touching the file.
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
    return client;
  }
  return createClient({ url: location.url, authToken: location.authToken });
}
