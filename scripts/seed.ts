// npm run seed — adds the LAPE-Akatemia 2019 demo data to an empty database (migrating it first).
import { runMigrations } from "../src/db/migrate";
import { seedDemoDataIfEmpty } from "../src/demo/seed-demo";
import { openConfiguredDatabase } from "./open-configured-database";

const { db, url, close } = await openConfiguredDatabase();
await runMigrations(db);
const result = await seedDemoDataIfEmpty(db);
console.log(
  result.seeded
    ? `Demo data added to ${url}: ${result.days} academy days.`
    : `${url} already has programmes; demo data was not added (it is only ever added to an empty database).`,
);
close();
