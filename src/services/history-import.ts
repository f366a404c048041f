import type { ServiceContext } from "./context";
import type { Principal } from "../auth/authorize";
import { isNational } from "../auth/authorize";
import { randomAlphanumeric } from "../auth/tokens";
import { parseImport, rowAction, type ImportError, type ImportRow, type RowAction } from "../domain/history-import";
import { AppError } from "../http/errors";
import { getEvent, insertEventWithSurvey, listEvents, updateEvent, type EventRow } from "../queries/events";
import { getProgramme, listProgrammes, listThemes } from "../queries/programmes";
import { savePublishedResult } from "../queries/published-results";
import { listRegions } from "../queries/regions";

// Imports the published results of past days from a CSV (docs: README "Importing history"). One
// use case, called alike by the staff page (/admin/import) and the CLI (npm run import).

export interface ImportPlanRow {
  readonly line: number;
  readonly action: RowAction;
  readonly regionCode: string | null;
  readonly date: string;
  readonly title: string;
  readonly mean: number;
}

export interface ImportResult {
  readonly rows: ImportPlanRow[];
  readonly errors: ImportError[];
  /** False for a dry run, and whenever any row has an error (then nothing is written at all). */
  readonly applied: boolean;
}

/** What the import page offers: the programmes to import into, and the regions for their names. */
export async function importChoices(deps: Pick<ServiceContext, "db">) {
  const [programmes, regions] = await Promise.all([listProgrammes(deps.db), listRegions(deps.db)]);
  return { programmes, regions };
}

/** The national team only. Days are matched by programme, region and date; a day that already has
 *  answers is never overwritten; importing the same file again changes nothing. */
export async function importHistory(
  deps: ServiceContext,
  principal: Principal | "cli",
  input: { text: string; programmeId: number; dryRun: boolean },
): Promise<ImportResult> {
  if (principal !== "cli" && !isNational(principal)) throw new AppError("forbidden");
  const programme = await getProgramme(deps.db, input.programmeId);
  if (!programme)
    throw new AppError("validation_failed", undefined, [{ key: "programmeId", code: "unknown", message: "programme not found" }]);
  const [regions, themes, events] = await Promise.all([
    listRegions(deps.db),
    listThemes(deps.db, programme.id),
    listEvents(deps.db, { regions: "all", programmeId: programme.id, includeCancelled: true }),
  ]);
  const regionKeys = new Map<string, string>();
  for (const r of regions) for (const key of [r.code, r.nameFi, r.nameSv, r.nameEn]) regionKeys.set(key.toLowerCase(), r.code);
  const themeKeys = new Map<string, number>();
  for (const th of themes) for (const key of [th.nameFi, th.nameSv, th.nameEn]) themeKeys.set(key.toLowerCase(), th.id);

  const parsed = parseImport(input.text, { regions: regionKeys, themes: themeKeys });
  const stored = new Map(events.map((d) => [`${d.regionCode ?? "-"}|${d.date}`, d]));
  const errors = [...parsed.errors];
  const plan: { row: ImportRow; action: RowAction; day: EventRow | undefined }[] = [];
  for (const row of parsed.rows) {
    const event = stored.get(`${row.regionCode ?? "-"}|${row.date}`);
    const action = rowAction(row, event);
    if (action === "has_answers") errors.push({ line: row.line, code: "has_answers" });
    else plan.push({ row, action, day: event });
  }
  errors.sort((a, b) => a.line - b.line);
  const rows = plan.map(({ row, action }) => ({
    line: row.line,
    action,
    regionCode: row.regionCode,
    date: row.date,
    title: row.title,
    mean: row.mean,
  }));
  if (input.dryRun || errors.length > 0) return { rows, errors, applied: false };

  const now = deps.now();
  for (const { row, action, day: event } of plan) {
    if (action === "unchanged") continue;
    const fields = {
      programmeId: programme.id,
      regionCode: row.regionCode,
      date: row.date,
      themeId: row.themeId,
      title: row.title,
      location: row.place,
      attendance: row.attendance,
    };
    const eventId = event ? event.id : await insertEventWithSurvey(deps.db, fields, randomAlphanumeric(16), now);
    if (event) await updateEvent(deps.db, event.id, fields);
    const surveyId = event ? event.surveyId : (await getEvent(deps.db, eventId))!.surveyId;
    await savePublishedResult(
      deps.db,
      { eventId, surveyId },
      { mean: row.mean, n: row.n, distribution: null, source: row.source, attendance: row.attendance },
      now,
    );
  }
  const count = (action: RowAction) => rows.filter((r) => r.action === action).length;
  await deps.audit({
    at: now,
    userId: principal === "cli" ? null : principal.userId,
    actor: principal === "cli" ? "cli" : null,
    action: "history_imported",
    target: `programme:${programme.id}`,
    details: { created: count("create"), updated: count("update"), unchanged: count("unchanged") },
  });
  return { rows, errors, applied: true };
}

/** The template a person downloads: the header and one example row, as Finnish Excel opens it. */
export const IMPORT_TEMPLATE =
  "\uFEFFalue;päivämäärä;teema;otsikko;paikka;osallistujat;keskiarvo;vastaajat;lähde\r\n" +
  "Keski-Pohjanmaa;4.9.2019;Uudenlainen johtaminen;LAPE-Akatemia: Uudenlainen johtaminen;Kokkola;47;8,5;;LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti akatemiapäivästä 4.9.2019\r\n";
