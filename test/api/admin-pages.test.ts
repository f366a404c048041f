import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { staffMenuLinks } from "../../src/domain/staff-menu";
import type { Db } from "../../src/db/client";
import { t } from "../../src/domain/i18n";
import { asBrowser, createTestUser, signIn, type TestUser } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The server-rendered admin pages as a browser uses them: form posts, 303 redirects, pages with
// errors that keep every typed value, and 403 pages for other regions' days.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let viewer16: string;
let national: string;
let programmeId: number;
let themeId: number;
const NOW = Date.parse("2019-09-04T12:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  await createTestSurvey(db); // makes "Test programme" and its theme
  programmeId = (await db.all<{ id: number }>(sql`SELECT id FROM programme`))[0]!.id;
  themeId = (await db.all<{ id: number }>(sql`SELECT id FROM theme`))[0]!.id;
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  viewer16 = await signIn(app, await createTestUser(db, "viewer", ["16"]));
  national = await signIn(app, await createTestUser(db, "national"));
});

function get(path: string, cookie: string) {
  return app.request(`http://localhost${path}`, { headers: asBrowser(cookie, { accept: "text/html" }) });
}

function post(path: string, cookie: string, fields: Record<string, string | string[]> = {}) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return app.request(`http://localhost${path}`, {
    method: "POST",
    headers: asBrowser(cookie, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
    body: body.toString(),
  });
}

async function expectPage(res: Response, status: number): Promise<string> {
  const html = await res.text();
  expect(res.status, html.slice(0, 2000)).toBe(status);
  expect(res.headers.get("content-type")).toContain("text/html");
  return html;
}

function redirectedTo(res: Response): string {
  expect(res.status, `expected a 303, got ${res.status}`).toBe(303);
  return res.headers.get("location") ?? "";
}

const eventForm = (changes: Record<string, string> = {}) => ({
  region: "16",
  date: "2019-09-04",
  programme: String(programmeId),
  theme: String(themeId),
  title: "Uudenlainen johtaminen",
  location: "Kokkola",
  attendance: "",
  ...changes,
});

async function eventRow(id: number) {
  const [row] = await db.all<{ attendance: number | null; slug: string; opens_at: number | null; closes_at: number | null; title: string }>(
    sql`SELECT e.attendance, e.title, s.slug, s.opens_at, s.closes_at FROM event e JOIN survey s ON s.event_id = e.id WHERE e.id = ${id}`,
  );
  return row!;
}

async function createEvent(cookie = agent16, changes: Record<string, string> = {}): Promise<number> {
  const location = redirectedTo(await post("/admin/events/new?lang=fi", cookie, eventForm(changes)));
  const id = /^\/admin\/events\/(\d+)\?lang=fi&done=eventCreated$/.exec(location)?.[1];
  expect(id, location).toBeTruthy();
  return Number(id);
}

describe("an agent of Keski-Pohjanmaa", () => {
  it("creates a day for region 16 with the form, records attendance 47, opens its survey, and gets the QR code and the poster", async () => {
    const form = await expectPage(await get("/admin/events/new?lang=fi", agent16), 200);
    expect(form).toContain('<option value="16" selected="">Keski-Pohjanmaa</option>');
    expect(form, "only regions the agent may write are offered").not.toContain('value="15"');

    const id = await createEvent();
    const created = await expectPage(await get(`/admin/events/${id}?lang=fi&done=eventCreated`, agent16), 200);
    expect(created).toMatch(/<p class="ok" role="status">Päivä on luotu/);
    const { slug } = await eventRow(id);
    expect(created).toContain(`value="http://localhost/s/${slug}"`);
    expect(created).toContain(
      `<img class="qr" src="/api/events/${id}/qr.svg" alt="QR-koodi, joka avaa kyselyn osoitteessa http://localhost/s/${slug}"`,
    );

    expect(redirectedTo(await post(`/admin/events/${id}/attendance?lang=fi`, agent16, { attendance: "47" }))).toBe(
      `/admin/events/${id}?lang=fi&done=attendanceSaved`,
    );
    expect((await eventRow(id)).attendance).toBe(47);

    // The public form caches a survey for a few seconds (src/services/survey-lookup.ts) and this
    // clock stands still, so the window is checked where it is stored.
    expect(redirectedTo(await post(`/admin/events/${id}/survey/close?lang=fi`, agent16))).toBe(
      `/admin/events/${id}?lang=fi&done=surveyClosed`,
    );
    expect((await eventRow(id)).closes_at).toBe(NOW);
    expect(await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200)).toContain(
      '<span class="state state-closed">Suljettu</span>',
    );
    expect(redirectedTo(await post(`/admin/events/${id}/survey/open?lang=fi`, agent16))).toBe(
      `/admin/events/${id}?lang=fi&done=surveyOpened`,
    );
    expect((await eventRow(id)).closes_at).toBeNull();
    expect((await app.request(`/s/${slug}`)).status).toBe(200);
    const opened = await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200);
    expect(opened).toContain('<span class="state state-open">Auki</span>');
    expect(opened).toContain(`action="/admin/events/${id}/survey/close?lang=fi"`);

    const qr = await get(`/api/events/${id}/qr.svg`, agent16);
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");

    const poster = await expectPage(await get(`/admin/events/${id}/poster?lang=fi`, agent16), 200);
    expect(poster).toMatch(
      /<div class="poster-qr" role="img" aria-label="QR-koodi[^"]*"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox/,
    );
    // The short address people type (issue 16); the QR code keeps the unguessable link.
    const shortCode = (await db.all<{ short_code: string }>(sql`SELECT short_code FROM survey WHERE event_id = ${id}`))[0]?.short_code;
    expect(poster).toContain(`<p class="short">http://localhost/s/${shortCode}</p>`);
    expect(poster).toContain(`aria-label="QR-koodi, joka avaa kyselyn osoitteessa http://localhost/s/${slug}"`);
    expect(poster).toContain("<h1>Uudenlainen johtaminen</h1>");
    expect(poster).toContain("Keski-Pohjanmaa, Kokkola");
    expect(poster).toContain('<p class="call" lang="fi">Anna palautetta päivästä!');
    expect(poster).toContain('<p class="call-2" lang="sv">Ge respons på dagen!');
    expect(poster, "CSP: no style attributes").not.toMatch(/\sstyle=/);
    expect(poster, "CSP: no inline scripts").not.toContain("<script");

    const audit = await db.all<{ action: string }>(sql`SELECT action FROM audit_log WHERE target = ${`event:${id}`} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(["event_created", "event_updated", "survey_closed", "survey_opened"]);
  });

  it("lists the days it may read, newest first, with a link to a new one", async () => {
    const older = await createEvent(agent16, { date: "2019-05-09", title: "Vanhempi päivä" });
    const newer = await createEvent(agent16, { date: "2019-11-06", title: "Uusi vaikuttavuus" });
    const other = await createTestSurvey(db, { regionCode: "15" });
    const list = await expectPage(await get("/admin?lang=fi", agent16), 200);
    expect(list).toContain('href="/admin/events/new?lang=fi"');
    expect(list.indexOf(`/admin/events/${newer}?`)).toBeLessThan(list.indexOf(`/admin/events/${older}?`));
    expect(list).not.toContain(`/admin/events/${other.eventId}?`);
  });

  it("puts a poster in Swedish first, or English then Finnish", async () => {
    const id = await createEvent();
    const sv = await expectPage(await get(`/admin/events/${id}/poster?lang=sv`, agent16), 200);
    expect(sv).toContain('<p class="call" lang="sv">Ge respons');
    expect(sv).toContain('<p class="call-2" lang="fi">Anna palautetta');
    expect(sv).toContain("Mellersta Österbotten, Kokkola");
    const en = await expectPage(await get(`/admin/events/${id}/poster?lang=en`, agent16), 200);
    expect(en).toContain('<p class="call" lang="en">Tell us');
    expect(en).toContain('<p class="call-2" lang="fi">Anna palautetta');
  });

  it("gets 403 pages for region 15's day, and cannot create one there", async () => {
    const other = await createTestSurvey(db, { regionCode: "15" });
    for (const res of [
      await get(`/admin/events/${other.eventId}?lang=fi`, agent16),
      await get(`/admin/events/${other.eventId}/poster?lang=fi`, agent16),
      await post(`/admin/events/${other.eventId}?lang=fi`, agent16, eventForm({ region: "15" })),
      await post(`/admin/events/${other.eventId}/attendance?lang=fi`, agent16, { attendance: "1" }),
      await post(`/admin/events/${other.eventId}/survey/close?lang=fi`, agent16),
      await post("/admin/events/new?lang=fi", agent16, eventForm({ region: "15" })),
    ]) {
      const html = await expectPage(res, 403);
      expect(html).toContain("Sinulla ei ole oikeutta tähän.");
      expect(html, "the staff menu stays").toContain('class="staff"');
    }
    expect((await eventRow(other.eventId)).attendance).toBe(40);
  });
});

describe("the staff menu", () => {
  /** The addresses in the page's staff menu, and the one marked as the current page. */
  function menuOf(html: string): { hrefs: string[]; current: string[] } {
    const nav = /<nav class="staff"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
    return {
      hrefs: [...nav.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!),
      current: [...nav.matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((m) => m[1]!),
    };
  }

  it("lists the pages of src/domain/staff-menu.ts that each person may open, and marks the page shown", async () => {
    for (const [cookie, isNational] of [
      [agent16, false],
      [national, true],
    ] as const) {
      const expected = staffMenuLinks("sv", { national: isNational });
      const menu = menuOf(await expectPage(await get("/admin?lang=sv", cookie), 200));
      expect(menu.hrefs).toEqual([...expected.pages, ...expected.account].map((l) => l.href));
      expect(menu.current).toEqual(["/admin?lang=sv"]);
    }
    expect(menuOf(await expectPage(await get("/admin/users?lang=en", national), 200)).current).toEqual(["/admin/users?lang=en"]);
    expect(menuOf(await expectPage(await get("/admin/password?lang=fi", agent16), 200)).current).toEqual(["/admin/password?lang=fi"]);
  });
});

describe("validation", () => {
  it("answers attendance 10001 with 422, an error summary linking to the field, and every typed value kept", async () => {
    const before = await db.all(sql`SELECT id FROM event`);
    const html = await expectPage(
      await post("/admin/events/new?lang=fi", agent16, eventForm({ attendance: "10001", location: "Kokkola, Kaarlela-sali" })),
      422,
    );
    expect(html).toMatch(/<title>Virhe: /);
    expect(html).toMatch(/<div class="summary" role="alert"[^>]*>/);
    expect(html).toContain('<a href="#attendance">Osallistujamäärä: Anna osallistujamäärä kokonaislukuna väliltä 0–10\u00a0000.</a>');
    expect(html).toMatch(/<input id="attendance" name="attendance" type="text" value="10001"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Uudenlainen johtaminen"');
    expect(html).toContain('value="Kokkola, Kaarlela-sali"');
    expect(html).toContain('value="2019-09-04"');
    expect(html).toContain(`<option value="${themeId}" selected="">`);
    expect(await db.all(sql`SELECT id FROM event`)).toHaveLength(before.length);
  });

  it.each([
    [{ attendance: "47 henkeä" }, "attendance"],
    [{ attendance: "-1" }, "attendance"],
    [{ date: "2019-02-30" }, "date"],
    [{ title: "  " }, "title"],
    [{ theme: "999" }, "theme"],
    [{ programme: "x" }, "programme"],
  ])("refuses %j with 422 naming the field", async (changes, field) => {
    const html = await expectPage(await post("/admin/events/new?lang=en", agent16, eventForm(changes)), 422);
    expect(html).toContain(`<a href="#${field}">`);
  });

  it("keeps the typed head count on the day's page when it is out of range", async () => {
    const id = await createEvent();
    const html = await expectPage(await post(`/admin/events/${id}/attendance?lang=sv`, agent16, { attendance: "10001" }), 422);
    expect(html).toContain(
      '<a href="#attendance-count">Antal deltagare: Ange antalet deltagare som ett heltal mellan 0 och 10\u00a0000.</a>',
    );
    expect(html).toMatch(/id="attendance-count" name="attendance" type="text" value="10001"/);
    expect((await eventRow(id)).attendance).toBeNull();
  });

  it("edits a day with the same fields and refuses a theme of another programme", async () => {
    const id = await createEvent();
    expect(
      redirectedTo(await post(`/admin/events/${id}?lang=fi`, agent16, eventForm({ title: "Uusi vaikuttavuus", attendance: "59" }))),
    ).toBe(`/admin/events/${id}?lang=fi&done=eventSaved`);
    expect(await eventRow(id)).toMatchObject({ title: "Uusi vaikuttavuus", attendance: 59 });
    const otherProgramme = (await db.all<{ id: number }>(sql`INSERT INTO programme (name) VALUES ('Other') RETURNING id`))[0]!.id;
    const html = await expectPage(
      await post(`/admin/events/${id}?lang=fi`, agent16, eventForm({ programme: String(otherProgramme) })),
      422,
    );
    expect(html).toContain('<a href="#edit-theme">Teema: Teema ei kuulu valittuun ohjelmaan.</a>');
  });
});

describe("survey schedule", () => {
  it("reads datetime-local values as Helsinki time, summer and winter, and shows them back", async () => {
    const id = await createEvent();
    expect(
      redirectedTo(
        await post(`/admin/events/${id}/survey/schedule?lang=fi`, agent16, { opens: "2019-09-04T16:00", closes: "2019-10-27T03:30" }),
      ),
    ).toBe(`/admin/events/${id}?lang=fi&done=surveyScheduled`);
    const row = await eventRow(id);
    expect(row.opens_at).toBe(Date.parse("2019-09-04T13:00:00Z"));
    // 03:30 happens twice that night; the first (still summer time, UTC+3) is meant.
    expect(row.closes_at).toBe(Date.parse("2019-10-27T00:30:00Z"));
    const html = await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200);
    expect(html).toContain('id="opens-at" name="opens" type="datetime-local" value="2019-09-04T16:00"');
    expect(html).toContain("4.9.2019 klo 16.00");
    expect(html).toContain('<span class="state state-not_open">Ei vielä auki</span>');

    expect(
      redirectedTo(await post(`/admin/events/${id}/survey/schedule?lang=fi`, agent16, { opens: "", closes: "2020-01-15T09:00" })),
    ).toContain("done=surveyScheduled");
    expect(await eventRow(id)).toMatchObject({ opens_at: null, closes_at: Date.parse("2020-01-15T07:00:00Z") });
  });

  it("refuses a closing time before the opening time, keeping both", async () => {
    const id = await createEvent();
    const html = await expectPage(
      await post(`/admin/events/${id}/survey/schedule?lang=en`, agent16, { opens: "2019-09-04T16:00", closes: "2019-09-04T15:00" }),
      422,
    );
    expect(html).toContain('<a href="#closes-at">Closes: The closing time must be after the opening time.</a>');
    expect(html).toContain('value="2019-09-04T15:00"');
    const bad = await expectPage(
      await post(`/admin/events/${id}/survey/schedule?lang=en`, agent16, { opens: "tomorrow", closes: "" }),
      422,
    );
    expect(bad).toContain('<a href="#opens-at">Opens: Enter a date and a time.</a>');
  });
});

describe("the day's own questions", () => {
  it("are added after the core set, shown on the survey, and removed", async () => {
    const id = await createEvent();
    const added = await post(`/admin/events/${id}/questions?lang=fi`, agent16, {
      kind: "choice",
      required: "on",
      fi: "Mistä kuulit päivästä?",
      sv: "Var hörde du om dagen?",
      en: "Where did you hear about the day?",
      options: "Sähköposti | E-post | Email\r\nKollegalta | Av en kollega | From a colleague\r\n",
    });
    expect(redirectedTo(added)).toBe(`/admin/events/${id}?lang=fi&done=questionAdded`);
    const page = await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200);
    expect(page).toContain("Mistä kuulit päivästä?");
    const survey = await (await app.request(`/s/${(await eventRow(id)).slug}?lang=sv`)).text();
    expect(survey).toContain("Var hörde du om dagen?");
    expect(survey).toContain("Av en kollega");

    const questionId = /action="\/admin\/events\/\d+\/questions\/(\d+)\/remove/.exec(page)?.[1];
    expect(questionId).toBeTruthy();
    expect(redirectedTo(await post(`/admin/events/${id}/questions/${questionId}/remove?lang=fi`, agent16))).toContain(
      "done=questionRemoved",
    );
    expect(await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200)).not.toContain("Mistä kuulit päivästä?");
  });

  it("refuse options typed wrong, or typed for another kind, keeping the text", async () => {
    const id = await createEvent();
    const texts = { fi: "Kysymys", sv: "Fråga", en: "Question" };
    const bad = await expectPage(
      await post(`/admin/events/${id}/questions?lang=en`, agent16, { kind: "choice", ...texts, options: "Kyllä | Ja | Yes\n | | " }),
      422,
    );
    expect(bad).toContain('<a href="#question-options">Options: Write 2–12 options');
    expect(bad).toContain("Kyllä | Ja | Yes\n | | </textarea>");
    const wrongKind = await expectPage(
      await post(`/admin/events/${id}/questions?lang=en`, agent16, { kind: "text", ...texts, options: "A | B | C\nD | E | F" }),
      422,
    );
    expect(wrongKind).toContain('<a href="#question-options">Options: Options only fit the type');
  });

  it("are fixed once the survey has answers: buttons disabled with the reason, and a post refused", async () => {
    const id = await createEvent();
    await post(`/admin/events/${id}/questions?lang=fi`, agent16, { kind: "text", fi: "Terveiset", sv: "Hälsningar", en: "Greetings" });
    const page = await (await get(`/admin/events/${id}?lang=fi`, agent16)).text();
    const questionId = /questions\/(\d+)\/remove/.exec(page)![1];
    const answer = await app.request(`/s/${(await eventRow(id)).slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ submission_id: crypto.randomUUID(), answers: { grade: 9 } }),
    });
    expect(answer.status).toBe(201);

    const locked = await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200);
    expect(locked).toContain('<p id="questions-locked">Kyselyyn on jo vastattu');
    expect(locked).toMatch(/<button type="submit" class="secondary" disabled="" aria-describedby="questions-locked">Poista/);
    expect(locked).toMatch(/<fieldset disabled="" aria-describedby="questions-locked">/);
    const refused = await expectPage(await post(`/admin/events/${id}/questions/${questionId}/remove?lang=fi`, agent16), 409);
    expect(refused).toContain('<a href="#questions-locked">');
    expect(await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200)).toContain("Terveiset");
  });
});

describe("editing one of the day's own questions", () => {
  async function eventWithQuestion(): Promise<{ id: number; questionId: string }> {
    const id = await createEvent();
    await post(`/admin/events/${id}/questions?lang=fi`, agent16, {
      kind: "choice",
      fi: "Mistä kuulit päivästä?",
      sv: "Var hörde du om dagen?",
      en: "Where did you hear about the day?",
      options: "Sähköposti | E-post | Email\nKollegalta | Av en kollega | From a colleague",
    });
    const page = await expectPage(await get(`/admin/events/${id}?lang=en`, agent16), 200);
    const questionId = /href="\/admin\/events\/\d+\/questions\/(\d+)\/edit\?lang=en"/.exec(page)?.[1];
    expect(questionId, "the day page links to the edit page").toBeTruthy();
    return { id, questionId: questionId! };
  }

  it("opens prefilled, saves, goes back to the day with a done message, and leaves an audit line", async () => {
    const { id, questionId } = await eventWithQuestion();
    const form = await expectPage(await get(`/admin/events/${id}/questions/${questionId}/edit?lang=sv`, agent16), 200);
    expect(form).toContain(`action="/admin/events/${id}/questions/${questionId}/edit?lang=sv"`);
    expect(form).toContain('value="Var hörde du om dagen?"');
    expect(form).toContain("Sähköposti | E-post | Email\nKollegalta | Av en kollega | From a colleague</textarea>");

    const saved = await post(`/admin/events/${id}/questions/${questionId}/edit?lang=sv`, agent16, {
      kind: "choice",
      required: "on",
      fi: "Mistä kuulit tästä päivästä?",
      sv: "Var hörde du om den här dagen?",
      en: "Where did you hear about this day?",
      options: "Sähköposti | E-post | Email\nKollegalta | Av en kollega | From a colleague\nSomesta | Sociala medier | Social media",
    });
    expect(redirectedTo(saved)).toBe(`/admin/events/${id}?lang=sv&done=questionChanged`);
    const day = await expectPage(await get(`/admin/events/${id}?lang=sv&done=questionChanged`, agent16), 200);
    expect(day).toContain("Frågan har sparats.");
    expect(day).toContain("Var hörde du om den här dagen?");
    const survey = await (await app.request(`/s/${(await eventRow(id)).slug}?lang=sv`)).text();
    expect(survey).toContain("Sociala medier");
    const audit = await db.all<{ details_json: string }>(
      sql`SELECT details_json FROM audit_log WHERE action = 'question_changed' AND target = ${`event:${id}`}`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details_json)).toEqual({ questionId: Number(questionId), kind: "choice" });
  });

  it("re-renders a bad value with every typed text and an error summary, and changes nothing", async () => {
    const { id, questionId } = await eventWithQuestion();
    const bad = await expectPage(
      await post(`/admin/events/${id}/questions/${questionId}/edit?lang=en`, agent16, {
        kind: "choice",
        fi: "Uusi kysymys",
        sv: "",
        en: "A new question",
        options: "Vain yksi | Bara en | Only one",
      }),
      422,
    );
    expect(bad).toContain('id="error-summary"');
    // A blank Swedish text is no error: it falls back to the day's main language (issue 16 item 5).
    expect(bad).not.toContain('<a href="#question-sv">');
    expect(bad).toContain('<a href="#question-options">Options: Write 2–12 options');
    expect(bad).toContain('value="Uusi kysymys"');
    expect(bad).toContain('value="A new question"');
    expect(bad).toContain("Vain yksi | Bara en | Only one</textarea>");
    expect(await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200)).toContain("Mistä kuulit päivästä?");
  });

  it("stays open after test answers, and is locked after the first real answer", async () => {
    const { id, questionId } = await eventWithQuestion();
    const test = await post(`/admin/events/${id}/test?lang=fi`, agent16, { submission_id: crypto.randomUUID(), grade: "9" });
    expect(test.status).toBe(303);
    expect(await expectPage(await get(`/admin/events/${id}?lang=en`, agent16), 200)).toContain(`/questions/${questionId}/edit?lang=en`);

    const answer = await app.request(`/s/${(await eventRow(id)).slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ submission_id: crypto.randomUUID(), answers: { grade: 9 } }),
    });
    expect(answer.status).toBe(201);
    const day = await expectPage(await get(`/admin/events/${id}?lang=en`, agent16), 200);
    expect(day).toContain("Where did you hear about the day?");
    expect(day).not.toContain(`/questions/${questionId}/edit`);
    const page = await expectPage(await get(`/admin/events/${id}/questions/${questionId}/edit?lang=fi`, agent16), 200);
    expect(page).toMatch(/<fieldset disabled="" aria-describedby="questions-locked">/);

    const refused = await expectPage(
      await post(`/admin/events/${id}/questions/${questionId}/edit?lang=fi`, agent16, {
        kind: "text",
        fi: "Myöhään",
        sv: "Sent",
        en: "Late",
      }),
      409,
    );
    expect(refused).toContain('<a href="#questions-locked">');
    expect(refused).toContain("Kyselyyn on jo vastattu");
    expect(refused).toContain('value="Myöhään"');
    expect(await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200)).toContain("Mistä kuulit päivästä?");
  });

  it("is refused to another region's agent, and to a core question", async () => {
    const { id, questionId } = await eventWithQuestion();
    const agent15 = await signIn(app, await createTestUser(db, "agent", ["15"]));
    const edit = `/admin/events/${id}/questions/${questionId}/edit?lang=fi`;
    await expectPage(await get(edit, agent15), 403);
    await expectPage(await post(edit, agent15, { kind: "text", fi: "K", sv: "F", en: "Q" }), 403);
    await expectPage(await get(edit, viewer16), 403);
    expect(await expectPage(await get(`/admin/events/${id}?lang=fi`, agent16), 200)).toContain("Mistä kuulit päivästä?");
    await expectPage(await get(`/admin/events/${id}/questions/1/edit?lang=fi`, agent16), 404);
  });
});

describe("readers and anonymous visitors", () => {
  it("show a viewer the day without any form, and refuse the new-day page", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const html = await expectPage(await get(`/admin/events/${event.eventId}?lang=fi`, viewer16), 200);
    expect(html).toContain('src="/api/events/');
    expect(html).not.toMatch(/<form method="post" action="\/admin/);
    expect(await expectPage(await get("/admin?lang=fi", viewer16), 200)).not.toContain("/admin/events/new");
    await expectPage(await get("/admin/events/new?lang=fi", viewer16), 403);
    await expectPage(await post(`/admin/events/${event.eventId}/survey/close?lang=fi`, viewer16), 403);
  });

  it("send anonymous visitors to sign in and back: GET to the page itself, POST to the page of the form", async () => {
    const get303 = await app.request("http://localhost/admin/events/5?lang=sv", { headers: { accept: "text/html" } });
    expect(redirectedTo(get303)).toBe(`/login?lang=sv&next=${encodeURIComponent("/admin/events/5?lang=sv")}`);
    const post303 = await post("/admin/events/5/survey/open?lang=en", "");
    expect(redirectedTo(post303)).toBe(`/login?lang=en&next=${encodeURIComponent("/admin/events/5?lang=en")}`);
    expect(redirectedTo(await get("/admin", ""))).toBe(`/login?lang=fi&next=${encodeURIComponent("/admin")}`);
  });

  it("speak the language asked for and ignore unknown ?done values", async () => {
    const html = await expectPage(await get("/admin?lang=sv&done=<script>", agent16), 200);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("<h1>Akademidagar</h1>");
    expect(html).not.toContain('role="status"');
    expect(html).not.toContain("<script>");
  });

  it("refuse cross-site form posts", async () => {
    const id = await createEvent();
    // A new day has its default closing time (14 days after the day); the refused post must not move it.
    const before = (await eventRow(id)).closes_at;
    expect(before).not.toBeNull();
    const res = await app.request(`http://localhost/admin/events/${id}/survey/close`, {
      method: "POST",
      headers: {
        cookie: agent16,
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html",
      },
      body: "",
    });
    expect(res.status).toBe(403);
    expect((await eventRow(id)).closes_at).toBe(before);
  });
});

describe("the national team", () => {
  it("creates a programme and a theme, and renames the theme", async () => {
    expect(
      redirectedTo(await post("/admin/programmes?lang=fi", national, { name: "LAPE-Akatemia 2020", startsOn: "2020-01-01", endsOn: "" })),
    ).toBe("/admin/programmes?lang=fi&done=programmeCreated");
    const [programme] = await db.all<{ id: number; ends_on: string | null }>(
      sql`SELECT id, ends_on FROM programme WHERE name = 'LAPE-Akatemia 2020'`,
    );
    expect(programme!.ends_on).toBeNull();
    expect(
      redirectedTo(
        await post("/admin/programmes/themes?lang=fi", national, {
          programme: String(programme!.id),
          nameFi: "Uusi johtaminen",
          nameSv: "Nytt ledarskap",
          nameEn: "New leadership",
        }),
      ),
    ).toContain("done=themeCreated");
    const [theme] = await db.all<{ id: number }>(sql`SELECT id FROM theme WHERE name_fi = 'Uusi johtaminen'`);
    expect(
      redirectedTo(
        await post(`/admin/programmes/themes/${theme!.id}?lang=fi`, national, {
          nameFi: "Uudenlainen johtaminen",
          nameSv: "Nytt slags ledarskap",
          nameEn: "A new kind of leadership",
        }),
      ),
    ).toContain("done=themeRenamed");
    const page = await expectPage(await get("/admin/programmes?lang=fi", national), 200);
    expect(page).toContain("Nytt slags ledarskap");
    const bad = await expectPage(
      await post(`/admin/programmes/themes/${theme!.id}?lang=fi`, national, { nameFi: "", nameSv: "x", nameEn: "y" }),
      422,
    );
    expect(bad).toContain(`<a href="#theme-${theme!.id}-fi">`);
    expect(bad).toMatch(new RegExp(`<details open="">\\s*<summary>Nimeä uudelleen<span class="vh">: Uudenlainen johtaminen`));
  });

  it("sets a new programme's default survey closing (days after the day), keeping what was typed when it is wrong", async () => {
    const form = await expectPage(await get("/admin/programmes?lang=en", national), 200);
    expect(form).toMatch(/id="programme-close-days"[^>]*value="14"|value="14"[^>]*id="programme-close-days"/);
    const bad = await expectPage(
      await post("/admin/programmes?lang=en", national, { name: "Closing 7", startsOn: "", endsOn: "", surveyCloseDays: "seven" }),
      422,
    );
    expect(bad).toContain('<a href="#programme-close-days">');
    expect(bad).toContain('value="seven"');
    expect(
      redirectedTo(
        await post("/admin/programmes?lang=en", national, { name: "Closing 7", startsOn: "", endsOn: "", surveyCloseDays: "7" }),
      ),
    ).toContain("done=programmeCreated");
    const [programme] = await db.all<{ days: number | null }>(
      sql`SELECT survey_close_days AS days FROM programme WHERE name = 'Closing 7'`,
    );
    expect(programme!.days).toBe(7);
  });

  it("creates a user with regions and a password that is never shown back, then changes the regions", async () => {
    const email = `agentti-${Date.now()}@test.example`;
    const password = "a long initial password";
    const short = await expectPage(
      await post("/admin/users?lang=fi", national, { name: "Agentti", email, role: "agent", regions: ["15", "16"], password: "short" }),
      422,
    );
    expect(short).toContain('<a href="#new-password">Aloitussalasana: Salasanassa on oltava vähintään 12 merkkiä.</a>');
    expect(short).toMatch(/id="new-region-15" name="regions" value="15" checked=""/);
    expect(short).toContain(`value="${email}"`);
    expect(short).not.toContain('value="short"');

    const created = redirectedTo(
      await post("/admin/users?lang=fi", national, { name: "Agentti", email, role: "agent", regions: ["15", "16"], password }),
    );
    const userId = Number(/\/admin\/users\/(\d+)\?/.exec(created)![1]);
    const userCookie = await signIn(app, { email, password });
    expect(await (await app.request("http://localhost/api/me", { headers: { cookie: userCookie } })).json()).toMatchObject({
      user: { role: "agent", regions: ["15", "16"] },
    });

    const page = await expectPage(await get(`/admin/users/${userId}?lang=fi`, national), 200);
    expect(page).toMatch(/<fieldset class="group"[^>]*><legend>Alueet<\/legend>/);
    expect(page).not.toContain(password);
    expect(
      redirectedTo(await post(`/admin/users/${userId}?lang=fi`, national, { name: "Agentti", role: "agent", regions: ["16"] })),
    ).toContain("done=userSaved");
    expect(
      (await app.request("http://localhost/api/me", { headers: { cookie: userCookie } })).status,
      "a region change ends the sessions",
    ).toBe(401);

    const taken = await expectPage(await post("/admin/users?lang=en", national, { name: "Again", email, role: "viewer", password }), 422);
    expect(taken).toContain('<a href="#new-email">Email address: An account with this email address already exists.</a>');
    const dump = JSON.stringify(await db.all(sql`SELECT * FROM audit_log`));
    expect(dump).not.toContain(password);
  });

  it("lists an agent saved with every region by the regions they really read (the flag counts for viewers only)", async () => {
    const flaggedAgent = await createTestUser(db, "agent", ["16"], { allRegions: true });
    const flaggedViewer = await createTestUser(db, "viewer", ["15"], { allRegions: true });
    const list = await expectPage(await get("/admin/users?lang=fi", national), 200);
    const regionsCell = (userId: number) =>
      new RegExp(`href="/admin/users/${userId}\\?lang=fi">[^<]*</a>\\s*</td>\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>`).exec(
        list,
      )?.[1];
    expect(regionsCell(flaggedAgent.id), "the agent's own region, not every region").toBe("Keski-Pohjanmaa");
    expect(regionsCell(flaggedViewer.id)).toBe(t("fi", "admin.user.everyRegion"));
  });

  it("signs a person out everywhere", async () => {
    const person: TestUser = await createTestUser(db, "viewer", ["16"]);
    const cookie = await signIn(app, person);
    expect(redirectedTo(await post(`/admin/users/${person.id}/sessions/revoke?lang=fi`, national))).toBe(
      `/admin/users/${person.id}?lang=fi&done=sessionsRevoked`,
    );
    expect((await app.request("http://localhost/api/me", { headers: { cookie } })).status).toBe(401);
  });

  it("reads the audit log newest first, a page at a time", async () => {
    for (let i = 0; i < 55; i++)
      await db.run(
        sql`INSERT INTO audit_log (at, action, actor, region_code, target) VALUES (${NOW}, 'login_failed', ${`probe${i}@test.example`}, '16', ${`event:${i + 1}`})`,
      );
    const first = await expectPage(await get("/admin/audit?lang=fi", national), 200);
    expect(first).toContain("Epäonnistunut kirjautuminen");
    expect(first.indexOf("probe54@")).toBeLessThan(first.indexOf("probe53@"));
    const before = /href="\/admin\/audit\?lang=fi&amp;before=(\d+)"/.exec(first)?.[1];
    expect(before).toBeTruthy();
    const second = await expectPage(await get(`/admin/audit?lang=fi&before=${before}`, national), 200);
    expect(second).not.toContain("probe54@");
    await expectPage(await get("/admin/audit?before=abc", national), 422);
  });
});
