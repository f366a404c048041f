import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { t } from "../../src/domain/i18n";
import { serviceContext } from "../../src/services/context";
import { importHistory } from "../../src/services/history-import";
import { asBrowser, signIn } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// The history import: CSV fixtures as Finnish Excel saves them (BOM, ';', decimal comma, CRLF) and
// as plain UTF-8 (',', LF). Dry run first, line-numbered errors, idempotence, answered days kept.

const fixture = (name: string) => readFileSync(join(__dirname, "../fixtures/history", name), "utf8");
const EXCEL = fixture("excel-fi.csv");
const PLAIN = fixture("plain-utf8.csv");
const ERRORS = fixture("errors-fi.csv");

let db: Db;
let app: ReturnType<typeof createApp>;
let national: string;
let agent: string;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoDataIfEmpty(db);
  app = createApp({ db });
  national = await signIn(app, DEMO_USERS[0]!);
  agent = await signIn(app, DEMO_USERS.find((u) => u.role === "agent")!);
});

const eventCount = async () => (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM event`))[0]!.n;
const deps = () => serviceContext(db);
const cli = "cli" as const;

function upload(text: string, mode: "dry-run" | "import", cookie = national, lang = "fi") {
  const form = new FormData();
  form.set("programme", "1");
  form.set("mode", mode);
  form.set("file", new File([text], "historia.csv", { type: "text/csv" }));
  return app.request(`http://localhost/admin/import?lang=${lang}`, {
    method: "POST",
    headers: asBrowser(cookie, { accept: "text/html" }),
    body: form,
  });
}

describe("importing history", () => {
  it("reads Finnish Excel's BOM, ';', CRLF, decimal comma, quoted ';' and quotes: a dry run lists 3 days to create and writes nothing", async () => {
    expect(EXCEL.charCodeAt(0)).toBe(0xfeff);
    expect(EXCEL).toContain("\r\n");
    const before = await eventCount();
    const result = await importHistory(deps(), cli, { text: EXCEL, programmeId: 1, dryRun: true });
    expect(result.errors).toEqual([]);
    expect(result.applied).toBe(false);
    expect(result.rows).toEqual([
      { line: 2, action: "create", regionCode: "17", date: "2018-10-02", title: "Esiseminaari", mean: 8.2 },
      { line: 3, action: "create", regionCode: "19", date: "2018-10-03", title: "Esiseminaari", mean: 7.9 },
      { line: 4, action: "create", regionCode: null, date: "2018-11-20", title: "Valtakunnallinen esiseminaari", mean: 8.4 },
    ]);
    expect(await eventCount()).toBe(before);
  });

  it("imports them as published results with their source and closed surveys; again, or as plain UTF-8, changes nothing", async () => {
    const before = await eventCount();
    const result = await importHistory(deps(), cli, { text: EXCEL, programmeId: 1, dryRun: false });
    expect(result.applied).toBe(true);
    expect(await eventCount()).toBe(before + 3);
    const rows =
      await db.all(sql`SELECT e.region_code AS region, e.theme_id AS theme, e.location, e.attendance, e.reported_grade_mean AS mean, e.reported_grade_n AS n, e.reported_source AS source, e.is_demo AS demo, s.closes_at IS NOT NULL AS closed
      FROM event e JOIN survey s ON s.event_id = e.id WHERE e.date IN ('2018-10-02', '2018-10-03', '2018-11-20') ORDER BY e.date`);
    expect(rows).toEqual([
      { region: "17", theme: 1, location: "Oulu", attendance: 40, mean: 8.2, n: 31, source: "Raportti A", demo: 0, closed: 1 },
      {
        region: "19",
        theme: null,
        location: "Rovaniemi; kampus",
        attendance: 25,
        mean: 7.9,
        n: null,
        source: 'Raportti "B"',
        demo: 0,
        closed: 1,
      },
      { region: null, theme: null, location: "Helsinki", attendance: 150, mean: 8.4, n: 90, source: "Raportti C", demo: 0, closed: 1 },
    ]);
    const audit = await db.all<{ details_json: string }>(sql`SELECT details_json FROM audit_log WHERE action = 'history_imported'`);
    expect(JSON.parse(audit.at(-1)!.details_json)).toEqual({ created: 3, updated: 0, unchanged: 0 });

    for (const text of [EXCEL, PLAIN]) {
      const again = await importHistory(deps(), cli, { text, programmeId: 1, dryRun: false });
      expect(again.errors).toEqual([]);
      expect(again.rows.map((r) => r.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    }
    expect(await eventCount()).toBe(before + 3);
  });

  it("changes a day whose published figures were corrected, and says so in the dry run", async () => {
    const corrected = EXCEL.replace("Oulu;40;8,2;31", "Oulu;40;8,3;31");
    const dry = await importHistory(deps(), cli, { text: corrected, programmeId: 1, dryRun: true });
    expect(dry.rows.map((r) => r.action)).toEqual(["update", "unchanged", "unchanged"]);
    await importHistory(deps(), cli, { text: corrected, programmeId: 1, dryRun: false });
    const [row] = await db.all<{ mean: number }>(sql`SELECT reported_grade_mean AS mean FROM event WHERE date = '2018-10-02'`);
    expect(row!.mean).toBe(8.3);
  });

  it("gives line-numbered errors, refuses to overwrite a day with answers, and writes nothing while any row is wrong", async () => {
    const before = await eventCount();
    const result = await importHistory(deps(), cli, { text: ERRORS, programmeId: 1, dryRun: false });
    expect(result.applied).toBe(false);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "region"],
      [3, "date"],
      [4, "theme"],
      [5, "mean_off_scale"],
      [6, "n_above_attendance"],
      [7, "source"],
      [8, "n_below_one"],
      [9, "has_answers"],
      [10, "duplicate"],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([11]);
    expect(await eventCount()).toBe(before);
    const [pohjanmaa] = await db.all<{ mean: number | null }>(
      sql`SELECT reported_grade_mean AS mean FROM event WHERE region_code = '15' AND date = '2019-05-09'`,
    );
    expect(pohjanmaa!.mean).toBeNull();
  });

  it("refuses a file without the needed columns", async () => {
    const result = await importHistory(deps(), cli, { text: "a;b;c\r\n1;2;3\r\n", programmeId: 1, dryRun: true });
    expect(result.errors).toEqual([{ line: 1, code: "columns" }]);
  });
});

describe("the import page", () => {
  it("shows the dry run row by row, and the errors with their line numbers in the user's language", async () => {
    const dry = await upload(PLAIN.replace("17,2018-10-02", "17,2018-10-04"), "dry-run", national, "en");
    const html = await dry.text();
    expect(dry.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain(t("en", "import.dryRunDone"));
    expect(html).toContain(t("en", "import.action.create"));
    expect(html).toContain(t("en", "import.action.unchanged"));

    const wrong = await upload(ERRORS, "import", national, "sv");
    const page = await wrong.text();
    expect(wrong.status).toBe(422);
    expect(page).toContain(t("sv", "import.error.line", { line: "9", message: t("sv", "import.error.has_answers") }));
    expect(page).toContain(t("sv", "import.notApplied"));
  });

  it("asks for a file when none was chosen, and offers the template as Finnish Excel opens it", async () => {
    const form = new FormData();
    form.set("programme", "1");
    form.set("mode", "dry-run");
    const res = await app.request("http://localhost/admin/import?lang=fi", {
      method: "POST",
      headers: asBrowser(national, { accept: "text/html" }),
      body: form,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(t("fi", "import.noFile"));
    const template = await app.request("http://localhost/admin/import/template.csv", { headers: asBrowser(national) });
    const bytes = new Uint8Array(await template.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const dry = await importHistory(deps(), cli, { text: new TextDecoder().decode(bytes), programmeId: 1, dryRun: true });
    expect(dry.errors, "the template's example row is itself valid").toEqual([]);
  });

  it("is the national team's", async () => {
    expect((await upload(EXCEL, "dry-run", agent)).status).toBe(403);
    expect((await app.request("http://localhost/admin/import", { headers: asBrowser(agent, { accept: "text/html" }) })).status).toBe(403);
  });
});
