// npm run deploy — builds the web files, applies migrations/ to the remote database, then runs
// `wrangler deploy` (extra arguments are passed on to it). Migrations go first so that a new Worker
// never meets an old schema; write them so the running Worker keeps working meanwhile (add tables
// and columns now, remove them in a later release).
//
//   LIBSQL_URL=libsql://… LIBSQL_AUTH_TOKEN=… npm run deploy
import { spawnSync } from "node:child_process";
import { parseNodeEnv } from "../src/config/node-env";
import { runMigrations } from "../src/db/migrate";
import { buildWeb } from "./build-web";
import { openConfiguredDatabase } from "./open-configured-database";

const env = parseNodeEnv(process.env);
if (env.LIBSQL_URL.startsWith("file:")) {
  // The default is the embedded file: migrating that and deploying would leave Turso behind.
  console.error(
    "npm run deploy migrates the database the Worker uses: set LIBSQL_URL (libsql://…) and LIBSQL_AUTH_TOKEN,\n" +
      "the same values as the Worker's secrets. See README, Deploy to Cloudflare.",
  );
  process.exit(2);
}

await buildWeb();
const { db, close } = await openConfiguredDatabase();
try {
  await runMigrations(db);
} finally {
  close();
}
console.log(`Migrations applied to ${env.LIBSQL_URL.replace(/\?.*$/, "")}.`);

const deploy = spawnSync("npx", ["wrangler", "deploy", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(deploy.status ?? 1);
