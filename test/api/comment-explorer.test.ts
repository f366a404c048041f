import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommentExplorerResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { t } from "../../src/domain/i18n";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { addComments, repeat } from "../helpers/comment-fixture";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The comment explorer and comment categories through the API and the staff page, on days built
// with exact cell sizes: the k rule (k = 5) at k − 1 and k, search by inflected forms, tagging and who may tag.

let db: Db;
let app: ReturnType<typeof createApp>;
const cookies: Record<"national" | "agent16" | "agent01" | "viewer16", string> = { national: "", agent16: "", agent01: "", viewer16: "" };
let dayA: number;
let dayB: number;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db });
  const users = {
    national: await createTestUser(db, "national"),
    agent16: await createTestUser(db, "agent", ["16"]),
    agent01: await createTestUser(db, "agent", ["01"]),
    viewer16: await createTestUser(db, "viewer", ["16"]),
  };
  for (const [name, user] of Object.entries(users)) cookies[name as keyof typeof cookies] = await signIn(app, user);
  const a = await createTestSurvey(db, { regionCode: "16", date: "2019-09-04" });
  const b = await createTestSurvey(db, { regionCode: "16", date: "2019-11-06" });
  const c = await createTestSurvey(db, { regionCode: "01", date: "2019-10-01" });
  dayA = a.eventId;
  dayB = b.eventId;
  // Day A: 6 graders of 9–10 praise the training in different forms; 5 graders of 7–8 speak of haste.
  await addComments(db, a.surveyId, [
    { text: "Koulutus oli erinomainen", grade: 9 },
    { text: "Koulutuksen sisältö innosti", grade: 10 },
    { text: "Koulutuksessa hyviä puhujia", grade: 9 },
    { text: "Hyvä koulutus kaikille", grade: 9 },
    { text: "Koulutukset jatkukoon", grade: 10 },
    { text: "Lapsiperhepalvelut esillä", grade: 9 },
    ...repeat(5, (i) => ({ text: `Liian kiire aikataulussa ${i}`, grade: 7 })),
  ]);
  // Day B: 4 comments — a list under k, never shown anywhere.
  await addComments(
    db,
    b.surveyId,
    repeat(4, (i) => ({ text: `Salainen koulutus ${i}`, grade: 8 })),
  );
  // Day C in another region.
  await addComments(
    db,
    c.surveyId,
    repeat(5, (i) => ({ text: `Uusimaa kommentoi koulutusta ${i}`, grade: 8 })),
  );
});

async function get(path: string, who: keyof typeof cookies, status = 200) {
  const res = await app.request(`http://localhost${path}`, { headers: asBrowser(cookies[who]) });
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(status);
  return text;
}
const explore = async (query: string, who: keyof typeof cookies = "agent16") =>
  JSON.parse(await get(`/api/comments/explorer?${query}`, who)) as CommentExplorerResponse;

async function send(method: string, path: string, who: keyof typeof cookies, body: unknown, status: number) {
  const res = await app.request(`http://localhost${path}`, {
    method,
    headers: asBrowser(cookies[who], { "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(status);
  return text.length > 0 ? JSON.parse(text) : null;
}

describe("the explorer's release rule", () => {
  it("lists the region's released comments only: a day of k − 1 comments is withheld whole, another region is not read", async () => {
    const figures = await explore("region=16");
    expect(figures.comments.n).toBe(11);
    expect(figures.comments.withheldLists).toBe(1);
    expect(figures.comments.items.some((c) => c.text.startsWith("Salainen"))).toBe(false);
    expect(figures.comments.items.every((c) => c.eventId === dayA && /^[0-9a-f]{32}$/.test(c.ref))).toBe(true);
    // Nothing that links answers or tells time: no response id, no time, no grade.
    expect(Object.keys(figures.comments.items[0]!).sort()).toEqual([
      "categories",
      "date",
      "eventId",
      "lang",
      "question",
      "ref",
      "region",
      "text",
    ]);
    const texts = figures.comments.items.map((c) => c.text);
    expect(texts).toEqual([...texts].sort());
    const unfiltered = await explore("");
    expect(unfiltered.comments.items.some((c) => c.text.startsWith("Uusimaa"))).toBe(false);
    await get("/api/comments/explorer?region=01", "agent16", 403);
    await get(`/api/comments/explorer?event=${dayA}`, "agent01", 403);
  });

  it("counts terms at k and hides them at k − 1", async () => {
    const figures = await explore("region=16");
    const terms = new Map(figures.terms.map((term) => [term.label, term.count]));
    expect(terms.get("koulutus")).toBe(5); // six comments, but "lapsiperhepalvelut" is not "koulutus"
    expect(terms.get("kiire")).toBe(5);
    expect(terms.has("erinomainen")).toBe(false);
    expect(figures.phrases.map((p) => p.label)).toContain("kiire aikataulussa"); // "liian" is a stop word
  });

  it("filters by grade band by the day's band table", async () => {
    expect((await explore("region=16&band=9-10")).comments.n).toBe(6);
    expect((await explore("region=16&band=7-8")).comments.n).toBe(5);
    const low = await explore("region=16&band=4-6");
    expect(low.comments).toMatchObject({ suppressed: true, n: null, items: [] });
  });

  it("searches inflected forms and compounds, and hides a result of fewer than k", async () => {
    const found = await explore(`region=16&q=${encodeURIComponent("koulutuksessa")}`);
    expect(found.comments.n).toBe(5);
    const compound = await explore(`region=16&q=perhe`);
    expect(compound.comments).toMatchObject({ suppressed: true, n: null, items: [] });
  });

  it("contrasts low and high grades", async () => {
    const figures = await explore("region=16&compare=grade");
    expect(figures.contrast?.a.n).toBe(5);
    expect(figures.contrast?.b.n).toBe(6);
    const labels = figures.contrast!.terms.map((term) => [term.label, term.leans]);
    expect(labels).toContainEqual(["kiire", "a"]);
    expect(labels).toContainEqual(["koulutus", "b"]);
  });
});

describe("comment categories", () => {
  let categories: number[] = [];

  it("the national team defines categories; others may not", async () => {
    const created = await send(
      "POST",
      "/api/comment-categories",
      "national",
      { name: { fi: "Koulutus", sv: "Utbildning", en: "Training" } },
      201,
    );
    const second = await send(
      "POST",
      "/api/comment-categories",
      "national",
      { name: { fi: "Aikataulu", sv: "Tidtabell", en: "Schedule" } },
      201,
    );
    categories = [created.category.id, second.category.id];
    await send("POST", "/api/comment-categories", "agent16", { name: { fi: "X", sv: "X", en: "X" } }, 403);
    const list = JSON.parse(await get("/api/comment-categories", "viewer16"));
    expect(list.categories.map((c: { name: { sv: string } }) => c.name.sv)).toEqual(["Utbildning", "Tidtabell"]);
  });

  it("staff who may change the day tag its comments (several categories each); counts follow the k rule", async () => {
    const figures = await explore("region=16&band=9-10");
    const refs = figures.comments.items.map((c) => c.ref);
    await send("PUT", "/api/comments/tags", "agent16", { event: dayA, ref: refs[0], categories }, 200);
    let after = await explore("region=16&band=9-10");
    expect(after.comments.items.find((c) => c.ref === refs[0])!.categories).toEqual(categories);
    expect(after.categories.map((c) => c.n)).toEqual([null, null]);
    for (const ref of refs.slice(1, 5))
      await send("PUT", "/api/comments/tags", "agent16", { event: dayA, ref, categories: [categories[0]] }, 200);
    after = await explore("region=16&band=9-10");
    expect(after.categories.map((c) => c.n)).toEqual([5, null]);
    // Untagging: an empty list removes them all.
    await send("PUT", "/api/comments/tags", "national", { event: dayA, ref: refs[0], categories: [] }, 200);
    expect((await explore("region=16")).categories.map((c) => c.n)).toEqual([null, null]);
  });

  it("refuses tagging outside one's regions, for viewers, for unknown comments and categories", async () => {
    const ref = (await explore("region=16")).comments.items[0]!.ref;
    await send("PUT", "/api/comments/tags", "agent01", { event: dayA, ref, categories }, 403);
    await send("PUT", "/api/comments/tags", "viewer16", { event: dayA, ref, categories }, 403);
    await send("PUT", "/api/comments/tags", "agent16", { event: dayA, ref: "0".repeat(32), categories }, 404);
    await send("PUT", "/api/comments/tags", "agent16", { event: dayB, ref, categories }, 404);
    const unknown = await send("PUT", "/api/comments/tags", "agent16", { event: dayA, ref, categories: [999] }, 422);
    expect(unknown.error.fields[0].key).toBe("categories");
  });

  it("the audit log says in words who tagged which day's comment with what", async () => {
    const html = await get("/admin/audit?lang=en", "national");
    expect(html).toContain(t("en", "admin.audit.action.comment_tagged"));
    expect(html).toContain(`${t("en", "admin.audit.field.categories")}: Training, Schedule`);
    expect(html).toContain(t("en", "admin.audit.action.comment_category_created"));
    const rows = await db.all<{ details_json: string }>(sql`SELECT details_json FROM audit_log WHERE action = 'comment_tagged'`);
    expect(rows.every((row) => !row.details_json.includes("Koulutus oli"))).toBe(true);
  });

  it("exports the selection and the category counts as CSV through the table writers", async () => {
    const comments = await get("/api/export/comment-selection.csv?region=16&band=9-10&lang=fi", "agent16");
    expect(comments).toContain("Koulutus oli erinomainen");
    expect(comments).toContain("Koulutus");
    expect(comments).not.toContain("Salainen");
    const counts = await get("/api/export/comment-categories.csv?region=16&lang=en", "agent16");
    expect(counts).toContain(`"Training";`);
    expect(counts).toContain(t("en", "explorer.fewerThanK", { k: 5 }));
  });
});

describe("the staff page", () => {
  it("renders the explorer with search, terms and tag forms, and tags through a form that comes back to the selection", async () => {
    const html = await get(`/admin/comments?lang=sv&region=16&q=koulutus`, "agent16");
    expect(html).toContain(t("sv", "explorer.title"));
    expect(html).toContain("Koulutus oli erinomainen");
    expect(html).toContain(t("sv", "explorer.saveTags"));
    const ref = /name="ref" value="([0-9a-f]{32})"/.exec(html)![1]!;
    const [category] = (JSON.parse(await get("/api/comment-categories", "agent16")).categories as { id: number }[]).map((c) => c.id);
    const res = await app.request("http://localhost/admin/comments/tags?lang=sv", {
      method: "POST",
      headers: asBrowser(cookies.agent16, { "content-type": "application/x-www-form-urlencoded" }),
      body: new URLSearchParams({ event: String(dayA), ref, categories: String(category), back: "region=16&q=koulutus" }).toString(),
    });
    expect(res.status, await res.text()).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/comments?region=16&q=koulutus&lang=sv&done=commentTagged");
  });

  it("is linked from the staff menu and the day's results page", async () => {
    const html = await get(`/admin/events/${dayA}/results?lang=fi`, "agent16");
    expect(html).toContain(`href="/admin/comments?event=${dayA}&amp;lang=fi"`);
    expect(html).toContain(`href="/admin/comments?lang=fi"`);
  });

  it("answers a bad selection with 422", async () => {
    await get("/api/comments/explorer?band=1-3", "agent16", 422);
    await get("/api/comments/explorer?compare=region", "agent16", 422);
  });
});
