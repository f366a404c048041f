// npm run bench:data -- --responses 1000000 [--db file:bench/data/responses-1000000.db] [--seed 2019]
// Migrates the database and adds N realistic responses over the 18 regions (bench/lib/generate-data.ts).
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createDb } from "../src/db/client";
import { runMigrations } from "../src/db/migrate";
import { openNodeDatabase } from "../src/db/open-node-database";
import { generateResponses } from "./lib/generate-data";

const { values } = parseArgs({
  options: {
    responses: { type: "string", default: "10000" },
    db: { type: "string" },
    seed: { type: "string", default: "2019" },
  },
});
const responses = Number(values.responses);
if (!Number.isInteger(responses) || responses < 1 || responses > 20_000_000) {
  console.error("--responses must be a whole number from 1 to 20000000");
  process.exit(2);
}
const url = values.db ?? `file:bench/data/responses-${responses}.db`;
if (!url.startsWith("file:")) {
  console.error("--db must be a file: URL (the generator writes the embedded database directly)");
  process.exit(2);
}
if (existsSync(url.slice("file:".length))) console.log(`${url} exists: adding another programme of responses to it.`);

const client = await openNodeDatabase({ url });
const db = createDb(client);
await runMigrations(db);
let lastReport = performance.now();
const result = await generateResponses(db, {
  responses,
  seed: Number(values.seed),
  onBatch: (written) => {
    if (performance.now() - lastReport < 5000) return;
    lastReport = performance.now();
    console.log(`  ${written.toLocaleString("en")} responses…`);
  },
});
client.close();
const seconds = result.milliseconds / 1000;
console.log(
  `${url}: ${result.responses.toLocaleString("en")} responses, ${result.answers.toLocaleString("en")} answers, ` +
    `${result.days.length.toLocaleString("en")} days in 18 regions, in ${seconds.toFixed(1)} s ` +
    `(${Math.round(result.responses / seconds).toLocaleString("en")} responses/s).`,
);
