// A local libSQL endpoint for `npm run dev:worker`: migrates a database file, adds the demo data
// when it is empty, and serves it over HTTP with the test Hrana server (the protocol Turso speaks).
// Local development only: plain HTTP, JSON encoding, no durability promises.
//
//   node --import tsx test/support/serve-hrana.ts [--db data/worker-dev.db] [--port 8080]
import { parseArgs } from "node:util";
import { createDb } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { startHranaServer } from "./hrana-server";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/worker-dev.db" },
    port: { type: "string", default: "8080" },
  },
});
const dbPath = values.db;
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

const client = await openNodeDatabase({ url: `file:${dbPath}` });
const db = createDb(client);
await runMigrations(db);
const seeded = await seedDemoDataIfEmpty(db);
client.close();

const server = await startHranaServer({ dbPath, port });
console.log(`libSQL over HTTP at ${server.url} (database ${dbPath}${seeded.seeded ? ", demo data added" : ""}).`);
console.log(`For npm run dev:worker, put this line in .dev.vars:  LIBSQL_URL=${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
