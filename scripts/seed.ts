// npm run seed — adds the LAPE-Akatemia 2019 demo data to an empty database (migrating it first).
// The demo data includes sign-ins with published passwords: a remote database (LIBSQL_URL not
// file:) gets it only when asked for explicitly with DEMO_DATA=on.
import { parseNodeEnv } from "../src/config/node-env";
import { runMigrations } from "../src/db/migrate";
import { seedDemoDataIfEmpty } from "../src/demo/seed-demo";
import { openConfiguredDatabase } from "./open-configured-database";

const env = parseNodeEnv(process.env);
if (!env.LIBSQL_URL.startsWith("file:") && env.DEMO_DATA !== "on") {
  console.error(
    "LIBSQL_URL is a remote database: demo data (with sign-ins whose passwords are public) is added there only with DEMO_DATA=on.",
  );
  process.exit(2);
}
const { db, url, close } = await openConfiguredDatabase();
await runMigrations(db);
const result = await seedDemoDataIfEmpty(db);
console.log(
  result.seeded
    ? `Demo data added to ${url}: ${result.days} academy days.`
    : `${url} already has programmes; demo data was not added (it is only ever added to an empty database).`,
);
close();
