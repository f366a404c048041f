import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { recordAudit, type AuditAction } from "../../src/queries/audit";
import { asBrowser, createTestUser, signIn, type TestUser } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The audit log page in words (issue 16 item 8): a day by its title, date and region, people by
// name, ids as names, each detail under a label in the reader's language; the stored data stays
// one click away for the national team. One entry of every action the code records, with the
// details its service stores (src/services/*, src/routes/exports.ts).

const NOW = Date.parse("2019-09-04T12:00:00Z");
let db: Db;
let app: ReturnType<typeof createApp>;
let national: string;
let nationalUser: TestUser;
let agentUser: TestUser;
let eventId: number;
let programmeId: number;
let themeId: number;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  eventId = (await createTestSurvey(db, { regionCode: "16", date: "2019-11-06" })).eventId;
  await db.run(sql`UPDATE event SET title = 'Perhekeskuspäivä' WHERE id = ${eventId}`);
  programmeId = (await db.all<{ id: number }>(sql`SELECT id FROM programme`))[0]!.id;
  themeId = (await db.all<{ id: number }>(sql`SELECT id FROM theme`))[0]!.id;
  nationalUser = await createTestUser(db, "national");
  agentUser = await createTestUser(db, "agent", ["16"]);
  national = await signIn(app, nationalUser);
});

/** Every action the code knows, as its service records it. */
function entries(): { action: AuditAction; regionCode?: string; target?: string; details?: Record<string, unknown> }[] {
  const day = `event:${eventId}`;
  return [
    { action: "login" },
    { action: "login_failed" },
    { action: "login_rate_limited" },
    { action: "logout" },
    { action: "logout_everywhere", target: `user:${agentUser.id}` },
    { action: "user_created", target: `user:${agentUser.id}`, details: { email: "a@b.fi", role: "agent", regions: ["16", "15"] } },
    { action: "user_updated", target: `user:${agentUser.id}`, details: { role: "viewer", disabled: true } },
    { action: "user_password_set", target: `user:${agentUser.id}` },
    { action: "password_changed", target: `user:${nationalUser.id}` },
    { action: "account_link_created", target: `user:${agentUser.id}`, details: { link: "invitation" } },
    { action: "account_link_used", target: `user:${agentUser.id}`, details: { link: "reset" } },
    { action: "programme_created", target: `programme:${programmeId}`, details: { name: "Test programme" } },
    { action: "programme_updated", target: `programme:${programmeId}`, details: { startsOn: "2019-08-01" } },
    { action: "theme_created", target: `theme:${themeId}`, details: { nameFi: "Testiteema" } },
    { action: "theme_updated", target: `theme:${themeId}`, details: { nameEn: "Test theme" } },
    { action: "event_created", regionCode: "16", target: day, details: { title: "Perhekeskuspäivä", date: "2019-11-06" } },
    { action: "event_updated", regionCode: "16", target: day, details: { themeId, attendance: 40, regionCode: "16" } },
    { action: "survey_opened", regionCode: "16", target: day },
    { action: "survey_closed", regionCode: "16", target: day },
    { action: "survey_scheduled", regionCode: "16", target: day, details: { opensAt: "2019-11-06T09:00:00+02:00", closesAt: null } },
    { action: "survey_scheduled", regionCode: "16", target: day, details: { opensAt: "not a time", closesAt: 1_573_034_400_000 } },
    { action: "question_added", regionCode: "16", target: day, details: { questionId: 7, kind: "likert" } },
    { action: "question_removed", regionCode: "16", target: day, details: { questionId: 7 } },
    { action: "export", regionCode: "16", target: "comments", details: { query: { event: String(eventId), lang: "fi" } } },
    { action: "responses_deleted", target: day, details: { days: [eventId], responses: 12, figuresKept: true } },
    { action: "published_result_recorded", regionCode: "16", target: day, details: { mean: 8.5, n: 20, source: "Raportti 2019" } },
    { action: "history_imported", details: { created: 3, updated: 1, unchanged: 0 } },
    { action: "test_answers_deleted", regionCode: "16", target: day, details: { count: 2 } },
  ];
}

describe("the audit log page in words", () => {
  let fi: string;
  let en: string;

  beforeAll(async () => {
    // Oldest first, so the page (newest first) lists them in reverse.
    for (const [i, entry] of entries().entries())
      await recordAudit(db, { at: NOW - 60_000 * (100 - i), userId: nationalUser.id, ...entry });
    const get = async (lang: string) => {
      const res = await app.request(`http://localhost/admin/audit?lang=${lang}`, { headers: asBrowser(national, { accept: "text/html" }) });
      expect(res.status).toBe(200);
      return res.text();
    };
    fi = await get("fi");
    en = await get("en");
  });

  it("every action the code records has a name in all three languages", async () => {
    const { dictionaries } = await import("../../src/domain/i18n");
    for (const { action } of entries())
      for (const lang of ["fi", "sv", "en"] as const)
        expect(`admin.audit.action.${action}` in dictionaries[lang], `${lang} ${action}`).toBe(true);
  });

  it("names a day by its title, date and region, never 'Day 55'", () => {
    expect(en).toContain(`<a href="/admin/events/${eventId}?lang=en">Perhekeskuspäivä (6 Nov 2019, Central Ostrobothnia)</a>`);
    expect(fi).toContain("Perhekeskuspäivä (6.11.2019, Keski-Pohjanmaa)");
    expect(en).not.toContain(`Day ${eventId}<`);
  });

  it("names people, programmes and themes", () => {
    expect(en).toContain(`<a href="/admin/users/${agentUser.id}?lang=en">Test agent`);
    expect(en).toMatch(/<a href="\/admin\/programmes\?lang=en">Test programme<\/a>/);
    expect(en).toMatch(/<a href="\/admin\/programmes\?lang=en">Test theme<\/a>/);
  });

  it("an export says which table and which filters, in words", () => {
    expect(en).toContain("Comments table");
    expect(en).toContain("<li>Day: Perhekeskuspäivä (6 Nov 2019, Central Ostrobothnia)</li>");
    expect(en).toContain("<li>Language: FI</li>");
    expect(fi).toContain("Kommentit-taulukko");
    expect(en).not.toMatch(/query: \{/);
  });

  it("details are labelled lines in the reader's language, ids as names", () => {
    const lines = (html: string) => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!);
    const enLines = lines(en);
    for (const line of [
      "Theme: Test theme",
      "Attended: 40",
      "Region: Central Ostrobothnia",
      "Question type: Scale 1–5",
      "Regions: Central Ostrobothnia, Ostrobothnia",
      "Role: Viewer",
      "Disabled: yes",
      "Figures kept: yes",
      "Days: Perhekeskuspäivä (6 Nov 2019, Central Ostrobothnia)",
      "Closes: –",
      "Created: 3",
      "Mean: 8.5",
      "Link: Invitation",
      "Link: Password reset",
    ])
      expect(enLines, line).toContain(line);
    expect(enLines.some((l) => l.startsWith("Opens: ") && l.includes("2019"))).toBe(true);
    expect(enLines.some((l) => l.startsWith("Closes: ") && l.includes("2019"))).toBe(true);
    expect(enLines, "a value that is no time is shown as it is, never a 500").toContain("Opens: not a time");
    expect(lines(fi)).toContain(
      "Kysymystyyppi: Asteikko 1–5".replace(
        "Asteikko 1–5",
        lines(fi)
          .find((l) => l.startsWith("Kysymystyyppi: "))!
          .slice(15),
      ),
    );
    expect(lines(fi)).toContain("Päivämäärä: 6.11.2019");
    expect(lines(fi)).toContain("Poistettu käytöstä: kyllä");
  });

  it("keeps the stored data one click away (a details element) for the national team", () => {
    expect(en).toContain("<summary>Stored data</summary>");
    expect(en).toContain("&quot;figuresKept&quot;: true");
  });

  it("the page is the national team's only", async () => {
    const agent = await signIn(app, agentUser);
    const res = await app.request("http://localhost/admin/audit?lang=en", { headers: asBrowser(agent, { accept: "text/html" }) });
    expect(res.status).toBe(403);
  });
});
