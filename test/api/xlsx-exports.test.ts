import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse, RegionsStatsResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";
import { quotePrefixedCells, readXlsx, type ReadCell } from "../helpers/xlsx-reader";

// Every table export as XLSX, read back with exceljs (not the writer's code) and held against the
// JSON API and against the same export as CSV, cell by cell.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent: string;
let national: string;
let commentsEvent: number;
const FORMULA = '=HYPERLINK("http://x","click")';

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoDataIfEmpty(db);
  app = createApp({ db, now: () => Date.parse("2026-12-02T08:00:00Z") });
  agent = await signIn(app, DEMO_USERS[1]);
  national = await signIn(app, DEMO_USERS[0]);
  const event = await createTestSurvey(db, { regionCode: "16" });
  commentsEvent = event.eventId;
  for (const good of [FORMULA, "@everyone", "Hyvä päivä", "-2 huonompi", "Bra dag"])
    await app.request(`/s/${event.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 9, good } }),
    });
}, 120_000);

async function download(path: string, cookie: string): Promise<Response> {
  return app.request(`http://localhost${path}`, { headers: { cookie } });
}

async function xlsx(path: string, cookie: string) {
  const res = await download(path, cookie);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(res.status, new TextDecoder().decode(bytes).slice(0, 300)).toBe(200);
  return { res, bytes, sheets: await readXlsx(bytes) };
}

/** What the CSV writer shows for a cell read from the XLSX. */
function asCsvText(cell: ReadCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(Math.round(cell * 10_000) / 10_000).replace(".", ",");
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "string") return cell;
  throw new Error(`A formula in an export: ${cell.formula}`);
}

const EXPORTS = [
  ["events", "region=16&from=2019-01-01&to=2019-12-31"],
  ["regions", ""],
  ["trend", "interval=term&regions=16"],
  ["themes", ""],
  ["questions", "region=16"],
  ["comments", "event=COMMENTS"],
] as const;

describe("XLSX exports", () => {
  for (const [name, query] of EXPORTS) {
    it(`${name}: every cell matches the CSV of the same request; numbers are numbers; formula-like text is quote-prefixed`, async () => {
      const q = query.replace("COMMENTS", String(commentsEvent));
      const { bytes, sheets } = await xlsx(`/api/export/${name}.xlsx?${q}&lang=fi`, national);
      const csvText = await (await download(`/api/export/${name}.csv?${q}&lang=fi`, national)).text();
      const csvRows = csvText
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n")
        .map(parseCsvLine);
      const data = sheets[0]!;
      expect(data.rows.length, name).toBe(csvRows.length);
      expect(data.rows.length, `${name} has data rows`).toBeGreaterThan(1);
      const quoted = quotePrefixedCells(bytes, 1);
      let numbers = 0;
      data.rows.forEach((row, r) => {
        csvRows[r]!.forEach((csvCell, c) => {
          const cell = row[c] ?? null;
          const ref = `${String.fromCharCode(65 + (c % 26)).padStart(c >= 26 ? 2 : 1, "A")}${r + 1}`;
          if (typeof cell === "number") numbers++;
          // A number in the CSV is a number cell, never text.
          if (/^-?\d+(,\d+)?$/.test(csvCell) && r > 0 && !(typeof cell === "string")) expect(typeof cell, `${name} ${ref}`).toBe("number");
          if (csvCell.startsWith("'") && typeof cell === "string") {
            expect(cell, `${name} ${ref}`).toBe(csvCell.slice(1));
            expect(quoted.has(ref), `${name} ${ref} quote prefix`).toBe(true);
          } else {
            expect(asCsvText(cell), `${name} ${ref}`).toBe(csvCell);
          }
        });
      });
      if (name !== "comments") expect(numbers, name).toBeGreaterThan(0);
      const notes = sheets[1]!;
      expect(notes.name).toBe("Huomiot");
      const noteText = notes.rows.map((row) => row[0]).join("\n");
      expect(noteText).toContain("Tiedot haettu 2.12.2026.");
      expect(noteText).toMatch(/Alle 5 vastauksen taustaryhmät/);
      expect(noteText).toMatch(/julkaistu tulos/);
      expect(noteText).toMatch(/Esimerkkiaineistoksi/);
      expect(noteText).toMatch(/eivät ole mukana yhdistetyissä keskiarvoissa/);
    });
  }

  it("events: each row holds the API's figures as number cells, the date as a date", async () => {
    const { events } = (await (await download("/api/events?region=16&lang=sv", agent)).json()) as EventsResponse;
    const { res, sheets } = await xlsx("/api/export/events.xlsx?region=16&lang=sv", agent);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="palaute-dagarnas-uppgifter-mellersta-osterbotten.xlsx"');
    const [header, ...rows] = sheets[0]!.rows;
    const col = (title: string) => header!.indexOf(title);
    expect(rows.length).toBe(events.length);
    events.forEach((e, i) => {
      const row = rows[i]!;
      expect(row[col("Datum")], `${e.id}`).toEqual(new Date(`${e.date}T00:00:00Z`));
      expect(row[col("Deltagare")] ?? null).toBe(e.attendance);
      expect(row[col("Svar")] ?? null).toBe(e.responses);
      expect(row[col("n")] ?? null).toBe(e.grade.n);
      expect(row[col("Medelvärde")] ?? null).toBe(e.grade.mean);
      expect(row[col("Standardavvikelse")] ?? null).toBe(e.grade.sd);
    });
    expect(sheets[1]!.name).toBe("Anmärkningar");
  });

  it("regions: the national yardstick and every region's mean and k, in English", async () => {
    const figures = (await (await download("/api/stats/regions?from=2019-01-01&to=2019-12-31", national)).json()) as RegionsStatsResponse;
    const { res, sheets } = await xlsx("/api/export/regions.xlsx?from=2019-01-01&to=2019-12-31&lang=en", national);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="palaute-the-regions-compared-2019-01-01_2019-12-31.xlsx"');
    const [header, ...rows] = sheets[0]!.rows;
    const byName = new Map(rows.map((row) => [row[0], row]));
    for (const r of figures.regions) {
      const row = byName.get(r.name.en)!;
      expect(row[header!.indexOf("Mean")] ?? null, r.code).toBe(r.grade.mean);
      expect(row[header!.indexOf("Days with answers (k)")] ?? null, r.code).toBe(r.grade.days);
    }
    const noteText = sheets[1]!.rows.map((row) => row[0]).join("\n");
    expect(noteText).toContain("Filters: period 2019-01-01–2019-12-31.");
  });

  it("is refused for another region (403), without a session (401), and is audited", async () => {
    expect((await download("/api/export/events.xlsx?region=15", agent)).status).toBe(403);
    expect((await app.request("http://localhost/api/export/events.xlsx")).status).toBe(401);
    const before = await db.all(sql`SELECT 1 FROM audit_log WHERE action = 'export' AND target = 'themes'`);
    await xlsx("/api/export/themes.xlsx", agent);
    const after = await db.all(sql`SELECT 1 FROM audit_log WHERE action = 'export' AND target = 'themes'`);
    expect(after.length).toBe(before.length + 1);
  });
});

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      cells.push(value);
      i++; // the ';'
    } else {
      const end = line.indexOf(";", i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length : end + 1;
    }
  }
  if (line.endsWith(";")) cells.push("");
  return cells;
}
