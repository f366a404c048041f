// npm run backup [-- --out backups/palaute.db]
// A consistent copy of the embedded database while the server runs (VACUUM INTO reads one
// snapshot; writers are not blocked). Restore: stop the server, replace data/palaute.db with the
// copy (and delete data/palaute.db-wal and -shm if they exist), start it again.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseNodeEnv } from "../src/config/node-env";
import { backupInto } from "../src/queries/backup";
import { openConfiguredDatabase } from "./open-configured-database";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const env = parseNodeEnv(process.env);
if (!env.LIBSQL_URL.startsWith("file:")) {
  console.error(
    "npm run backup copies the embedded file. A remote database (Turso) has its own backups and point-in-time restore: use those.",
  );
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const out = resolve(values.out ?? `backups/palaute-${stamp}.db`);
if (existsSync(out)) {
  console.error(`${out} exists already; choose another --out.`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
const { db, url, close } = await openConfiguredDatabase();
await backupInto(db, out);
close();
console.log(`Backed up ${url} to ${out}.`);
