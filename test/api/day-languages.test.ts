import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventQuestionsResponse, EventResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Languages per day (issue 16 item 5): titles and places in fi/sv/en with fallback to the day's main
// language, the main language from the region, own questions in one language.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let agent04: string;
let programmeId: number;
const NOW = Date.parse("2019-09-04T12:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  await createTestSurvey(db);
  programmeId = (await db.all<{ id: number }>(sql`SELECT id FROM programme`))[0]!.id;
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16", "15"]));
  agent04 = await signIn(app, await createTestUser(db, "agent", ["04"]));
});

function api(method: string, path: string, cookie: string, body?: unknown) {
  return app.request(`http://localhost${path}`, {
    method,
    headers: asBrowser(cookie, body === undefined ? {} : { "content-type": "application/json" }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

function postForm(path: string, cookie: string, fields: Record<string, string>) {
  return app.request(`http://localhost${path}`, {
    method: "POST",
    headers: asBrowser(cookie, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams(fields).toString(),
  });
}

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text();
  expect(res.status, body.slice(0, 1000)).toBe(status);
  return JSON.parse(body) as T;
}

async function createDay(body: Record<string, unknown>, cookie = agent16) {
  const res = await api("POST", "/api/events", cookie, { programmeId, regionCode: "16", date: "2019-09-04", ...body });
  return (await json<EventResponse>(res, 201)).event;
}

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(`http://localhost${path}`, { headers });
  const body = await res.text();
  expect(res.status, body.slice(0, 500)).toBe(200);
  return body;
}

describe("creating and changing a day's titles and places (JSON API)", () => {
  it("takes one language: the others fall back to it, and the main language comes from the region", async () => {
    const day = await createDay({ titleSv: "Ledarskapsdag", locationSv: "Karleby" });
    expect(day.titles).toEqual({ fi: null, sv: "Ledarskapsdag", en: null });
    expect(day.locations).toEqual({ fi: null, sv: "Karleby", en: null });
    // Keski-Pohjanmaa's main language is Finnish (migration 0011 says why).
    expect(day.mainLang).toBe("fi");
    const fi = await json<EventResponse>(await api("GET", `/api/events/${day.id}?lang=fi`, agent16), 200);
    expect(fi.event.title).toBe("Ledarskapsdag");
    expect(fi.event.location).toBe("Karleby");
  });

  it("takes two and three languages and shows each reader theirs", async () => {
    const two = await createDay({ title: "Johtamisen päivä", titleEn: "Leadership day", mainLang: "sv" });
    expect(two.titles).toEqual({ fi: "Johtamisen päivä", sv: null, en: "Leadership day" });
    expect(two.mainLang).toBe("sv");
    // Swedish missing, main language Swedish missing too: the first written (Finnish) stands in.
    const sv = await json<EventResponse>(await api("GET", `/api/events/${two.id}?lang=sv`, agent16), 200);
    expect(sv.event.title).toBe("Johtamisen päivä");
    const en = await json<EventResponse>(await api("GET", `/api/events/${two.id}?lang=en`, agent16), 200);
    expect(en.event.title).toBe("Leadership day");

    const three = await createDay({ title: "Päivä", titleSv: "Dag", titleEn: "Day", location: "Kokkola", locationSv: "Karleby" });
    for (const [lang, title, place] of [
      ["fi", "Päivä", "Kokkola"],
      ["sv", "Dag", "Karleby"],
      ["en", "Day", "Kokkola"],
    ] as const) {
      const got = await json<EventResponse>(await api("GET", `/api/events/${three.id}?lang=${lang}`, agent16), 200);
      expect([got.event.title, got.event.location], lang).toEqual([title, place]);
    }
  });

  it("refuses a day without a title in any language, on create and on change", async () => {
    const res = await api("POST", "/api/events", agent16, { programmeId, regionCode: "16", date: "2019-09-04", title: " ", titleSv: null });
    const body = await json<{ error: { code: string; fields: { key: string }[] } }>(res, 422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.map((f) => f.key)).toContain("title");

    const day = await createDay({ title: "Vain suomeksi" });
    const emptied = await api("PATCH", `/api/events/${day.id}`, agent16, { title: null });
    expect(emptied.status, await emptied.text()).toBe(422);
    // Giving Swedish and removing Finnish in one change is fine.
    const swapped = await json<EventResponse>(
      await api("PATCH", `/api/events/${day.id}`, agent16, { title: "", titleSv: "Bara svenska" }),
      200,
    );
    expect(swapped.event.titles).toEqual({ fi: null, sv: "Bara svenska", en: null });
  });

  it("edits one language without touching the others, and changes the main language", async () => {
    const day = await createDay({ title: "Päivä", titleSv: "Dag" });
    const changed = await json<EventResponse>(
      await api("PATCH", `/api/events/${day.id}`, agent16, { titleEn: "Day", locationEn: "Kokkola", mainLang: "en" }),
      200,
    );
    expect(changed.event.titles).toEqual({ fi: "Päivä", sv: "Dag", en: "Day" });
    expect(changed.event.locations).toEqual({ fi: null, sv: null, en: "Kokkola" });
    expect(changed.event.mainLang).toBe("en");
  });

  it("copies titles, places and main language into a duplicate", async () => {
    const day = await createDay({ title: "Päivä", titleSv: "Dag", locationSv: "Karleby", mainLang: "sv" });
    const copy = await json<EventResponse>(await api("POST", `/api/events/${day.id}/duplicate`, agent16, { date: "2019-11-06" }), 201);
    expect(copy.event.titles).toEqual({ fi: "Päivä", sv: "Dag", en: null });
    expect(copy.event.locations).toEqual({ fi: null, sv: "Karleby", en: null });
    expect(copy.event.mainLang).toBe("sv");
  });
});

describe("the survey page", () => {
  it("shows a day with only a Finnish title in each language, the title marked as Finnish", async () => {
    const day = await createDay({ title: "Uudenlainen johtaminen", location: "Kokkola" });
    const slug = day.survey.slug;
    const fi = await page(`/s/${slug}?lang=fi`);
    expect(fi).toContain('<html lang="fi"');
    expect(fi).toMatch(/<h1>[^<]*: Uudenlainen johtaminen<\/h1>/);
    for (const lang of ["sv", "en"] as const) {
      const body = await page(`/s/${slug}?lang=${lang}`);
      expect(body, lang).toContain(`<html lang="${lang}"`);
      expect(body, lang).toContain('<span lang="fi">Uudenlainen johtaminen</span>');
      expect(body, lang).toContain('<span lang="fi">Kokkola</span>');
    }
  });

  it("shows the Swedish title to a Swedish reader", async () => {
    const day = await createDay({ title: "Uudenlainen johtaminen", titleSv: "Ett nytt slags ledarskap" });
    const body = await page(`/s/${day.survey.slug}`, { "accept-language": "sv-FI,sv;q=0.9" });
    expect(body).toContain('<html lang="sv"');
    expect(body).toMatch(/<h1>[^<]*: Ett nytt slags ledarskap<\/h1>/);
  });

  it("gives a request without a language preference the day's main language", async () => {
    const swedish = await createDay({ title: "Päivä", titleSv: "Dag", mainLang: "sv" });
    const body = await page(`/s/${swedish.survey.slug}`);
    expect(body).toContain('<html lang="sv"');
    expect(body).toMatch(/<h1>[^<]*: Dag<\/h1>/);
    // A stated preference still wins over the main language.
    expect(await page(`/s/${swedish.survey.slug}`, { "accept-language": "fi" })).toContain('<html lang="fi"');
  });

  it("offers Swedish at the top in a bilingual region, in no other region", async () => {
    const bilingual = await createDay({ title: "Päivä" });
    const fi = await page(`/s/${bilingual.survey.slug}`);
    expect(fi).toContain('<html lang="fi"');
    expect(fi).toContain(`<p class="lang-offer"><a href="/s/${bilingual.survey.slug}?lang=sv" lang="sv" hreflang="sv">På svenska</a></p>`);
    const sv = await page(`/s/${bilingual.survey.slug}?lang=sv`);
    expect(sv).toContain('hreflang="fi">Suomeksi</a></p>');

    const finnishOnly = await createDay({ regionCode: "04", title: "Päivä" }, agent04);
    expect(await page(`/s/${finnishOnly.survey.slug}`)).not.toContain(`class="lang-offer"`);
  });
});

describe("own questions in one language", () => {
  it("are accepted with one language and shown to the others in it, marked with lang", async () => {
    const day = await createDay({ title: "Päivä", titleSv: "Dag", mainLang: "sv" });
    const added = await api("POST", `/api/events/${day.id}/questions`, agent16, { kind: "text", text: { sv: "Vad tar du med dig?" } });
    expect(added.status, await added.text()).toBe(201);
    const questions = await json<EventQuestionsResponse>(await api("GET", `/api/events/${day.id}/questions`, agent16), 200);
    const own = questions.day[0]!;
    expect(own.text).toEqual({ fi: "Vad tar du med dig?", sv: "Vad tar du med dig?", en: "Vad tar du med dig?" });
    expect(own.shownIn).toEqual({ fi: "sv", sv: "sv", en: "sv" });

    const fi = await page(`/s/${day.survey.slug}?lang=fi`);
    expect(fi).toContain('<span lang="sv">Vad tar du med dig?</span>');
    const sv = await page(`/s/${day.survey.slug}?lang=sv`);
    expect(sv).not.toContain('<span lang="sv">Vad tar du med dig?</span>');
    expect(sv).toContain("Vad tar du med dig?");

    // Staff see that Finnish and English participants get it in Swedish.
    const staff = await page(`/admin/events/${day.id}?lang=en`, asBrowser(agent16));
    expect(staff).toContain("Not translated (Finnish, English): these participants see the question in Swedish.");
  });

  it("are accepted with two languages, and edited back to three", async () => {
    const day = await createDay({ title: "Päivä" });
    const added = await json<{ id: number }>(
      await api("POST", `/api/events/${day.id}/questions`, agent16, {
        kind: "text",
        text: { fi: "Mitä opit?", en: "What did you learn?" },
      }),
      201,
    );
    let own = (await json<EventQuestionsResponse>(await api("GET", `/api/events/${day.id}/questions`, agent16), 200)).day[0]!;
    expect(own.text.sv).toBe("Mitä opit?");
    expect(own.shownIn).toEqual({ fi: "fi", sv: "fi", en: "en" });
    await json(
      await api("PATCH", `/api/events/${day.id}/questions/${added.id}`, agent16, {
        kind: "text",
        text: { fi: "Mitä opit?", sv: "Vad lärde du dig?", en: "What did you learn?" },
      }),
      200,
    );
    own = (await json<EventQuestionsResponse>(await api("GET", `/api/events/${day.id}/questions`, agent16), 200)).day[0]!;
    expect(own.shownIn).toBeUndefined();
    expect(own.text.sv).toBe("Vad lärde du dig?");
  });

  it("are refused with no language at all, through the API and the staff form", async () => {
    const day = await createDay({ title: "Päivä" });
    const res = await api("POST", `/api/events/${day.id}/questions`, agent16, { kind: "text", text: { fi: " ", sv: "" } });
    expect(res.status, await res.text()).toBe(422);
    const form = await postForm(`/admin/events/${day.id}/questions?lang=en`, agent16, { kind: "text", fi: "", sv: "", en: "" });
    const body = await form.text();
    expect(form.status, body.slice(0, 300)).toBe(422);
    expect(body).toContain("Write the question in at least one language.");
  });

  it("the staff form takes a question in Swedish only", async () => {
    const day = await createDay({ title: "Päivä" });
    const res = await postForm(`/admin/events/${day.id}/questions?lang=fi`, agent16, { kind: "text", fi: "", sv: "Något annat?", en: "" });
    expect(res.status, (await res.text()).slice(0, 300)).toBe(303);
    const edit = (await json<EventQuestionsResponse>(await api("GET", `/api/events/${day.id}/questions`, agent16), 200)).day[0]!;
    const editPage = await page(`/admin/events/${day.id}/questions/${edit.id}/edit?lang=fi`, asBrowser(agent16));
    // The edit form shows what was written: Finnish and English stay blank.
    expect(editPage).toMatch(/name="fi"[^>]*value=""/);
    expect(editPage).toMatch(/name="sv"[^>]*value="Något annat\?"/);
  });
});

describe("the staff day forms", () => {
  it("create a day with a Swedish title only; the main language defaults from the region", async () => {
    const res = await postForm("/admin/events/new?lang=sv", agent16, {
      region: "15",
      date: "2019-05-09",
      programme: String(programmeId),
      theme: "",
      mainLang: "",
      title: "",
      titleSv: "Ledarskapsdag i Österbotten",
      titleEn: "",
      location: "",
      locationSv: "Vasa",
      locationEn: "",
      attendance: "",
    });
    expect(res.status, (await res.text()).slice(0, 500)).toBe(303);
    const id = Number(res.headers.get("location")!.match(/\/admin\/events\/(\d+)/)![1]);
    const day = await json<EventResponse>(await api("GET", `/api/events/${id}?lang=fi`, agent16), 200);
    expect(day.event.titles.sv).toBe("Ledarskapsdag i Österbotten");
    expect(day.event.mainLang).toBe("fi");
    const staff = await page(`/admin/events/${id}?lang=fi`, asBrowser(agent16));
    expect(staff).toContain('<span lang="sv">Ledarskapsdag i Österbotten</span>');
    const list = await page(`/admin?lang=fi&q=${encodeURIComponent("österbotten")}`, asBrowser(agent16));
    expect(list).toContain('<span lang="sv">Ledarskapsdag i Österbotten</span>');
  });

  it("refuse a day with no title, naming the field beside the other mistakes", async () => {
    const res = await postForm("/admin/events/new?lang=en", agent16, {
      region: "16",
      date: "2019-02-30",
      programme: String(programmeId),
      title: "",
      titleSv: "",
      titleEn: "",
    });
    const body = await res.text();
    expect(res.status, body.slice(0, 300)).toBe(422);
    expect(body).toContain("Enter the day&#39;s title in at least one language");
    expect(body).toContain('<a href="#date">');
    expect(body).toContain('<a href="#title">');
  });
});
