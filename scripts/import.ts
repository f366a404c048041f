// npm run import -- file.csv [--dry-run] [--programme ID] [--lang fi|sv|en]
// Imports the published results of past days from a CSV (format: README "Importing history"),
// through the same service as the staff page /admin/import. A dry run shows row by row what would
// be created or changed; any row with an error means nothing at all is written.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { t, type MessageKey } from "../src/domain/i18n";
import { isLang, type Lang } from "../src/domain/lang";
import { AppError } from "../src/http/errors";
import { listProgrammes } from "../src/queries/programmes";
import { importErrorText } from "../src/domain/history-import";
import { serviceContext } from "../src/services/context";
import { importHistory } from "../src/services/history-import";
import { openConfiguredDatabase } from "./open-configured-database";

const usage = "Usage: npm run import -- FILE.csv [--dry-run] [--programme ID] [--lang fi|sv|en]";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "dry-run": { type: "boolean", default: false }, programme: { type: "string" }, lang: { type: "string", default: "fi" } },
});
const lang: Lang = isLang(values.lang ?? "") ? (values.lang as Lang) : "fi";
if (positionals.length !== 1 || (values.programme !== undefined && !/^[1-9]\d{0,8}$/.test(values.programme))) {
  console.error(usage);
  process.exit(2);
}
const text = readFileSync(positionals[0]!, "utf8");

const { db, url, close } = await openConfiguredDatabase();
try {
  const programmes = await listProgrammes(db);
  const programmeId = values.programme !== undefined ? Number(values.programme) : programmes.at(-1)?.id;
  if (programmeId === undefined) {
    console.error("No programme in the database: create one first (or pass --programme ID).");
    process.exit(2);
  }
  const result = await importHistory(serviceContext(db), "cli", { text, programmeId, dryRun: values["dry-run"] });
  console.log(`${url}, programme ${programmeId}${values["dry-run"] ? " (dry run)" : ""}:`);
  for (const row of result.rows)
    console.log(
      `  ${t(lang, "import.col.line")} ${row.line}: ${t(lang, `import.action.${row.action}` as MessageKey)} – ${row.regionCode ?? "—"} ${row.date} ${row.title}`,
    );
  for (const error of result.errors) console.error(`  ${importErrorText(lang, error)}`);
  console.log(
    result.applied ? t(lang, "import.applied") : result.errors.length > 0 ? t(lang, "import.notApplied") : t(lang, "import.dryRunDone"),
  );
  process.exitCode = result.errors.length > 0 ? 1 : 0;
} catch (error) {
  console.error(error instanceof AppError ? `${error.code}: ${error.fields?.map((f) => f.message).join(", ") ?? ""}` : error);
  process.exitCode = 1;
} finally {
  await close();
}
