// npm run db:migrate — applies migrations/ to LIBSQL_URL (default: the embedded file).
// The Node server runs the same migrations at start; deploys run this against Turso first.
import { runMigrations } from "../src/db/migrate";
import { openConfiguredDatabase } from "./open-configured-database";

const { db, url, close } = await openConfiguredDatabase();
await runMigrations(db);
console.log(`Migrations applied to ${url}.`);
close();
