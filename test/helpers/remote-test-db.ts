import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client/web";
import { createDb, type Db } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { startHranaServer } from "../support/hrana-server";

/** A database as the Worker reaches it: the real migrations on a temporary file, served over Hrana
 *  (test/support/hrana-server.ts, the wire protocol of Turso) and opened with @libsql/client/web,
 *  so a service takes its remote-database paths (versionCheckedInWrite is true). */
export async function createRemoteTestDb(): Promise<{ readonly db: Db; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "palaute-remote-"));
  const dbPath = join(dir, "palaute.db");
  const local = await openNodeDatabase({ url: `file:${dbPath}` });
  await runMigrations(createDb(local));
  local.close();
  const hrana = await startHranaServer({ dbPath });
  const client = createClient({ url: hrana.url });
  return {
    db: createDb(client),
    async close() {
      client.close();
      await hrana.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
