import { inflateSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Short codes (issue 16): six Crockford base32 characters on every survey, reachable as /s/<code>
// (any case, I/L read as 1 and O as 0) and through the "type your code" page; posters and the
// day's page show them; the QR code also as PNG.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let agent15: string;
let event: TestSurvey;
const NOW = Date.parse("2019-09-04T12:00:00Z");
const CODE = /^[0-9A-HJKMNP-TV-Z]{6}$/;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  event = await createTestSurvey(db);
  // A code with the digits people misread, to type back with letters.
  await db.run(sql`UPDATE survey SET short_code = '1A0B2C' WHERE id = ${event.surveyId}`);
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  agent15 = await signIn(app, await createTestUser(db, "agent", ["15"]));
});

const html = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://localhost${path}`, { headers: { accept: "text/html", ...headers } });

describe("short codes", () => {
  it("are given to every new survey, six characters without look-alikes, all different", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await app.request("http://localhost/api/events", {
        method: "POST",
        headers: { ...asBrowser(agent16), "content-type": "application/json" },
        body: JSON.stringify({ programmeId: 1, regionCode: "16", date: "2019-10-01", title: `Päivä ${i}` }),
      });
      const body = (await res.json()) as { event: { survey: { shortCode: string; shortUrl: string } } };
      expect(res.status, JSON.stringify(body)).toBe(201);
      expect(body.event.survey.shortCode).toMatch(CODE);
      expect(body.event.survey.shortUrl).toBe(`http://localhost/s/${body.event.survey.shortCode}`);
      codes.push(body.event.survey.shortCode);
    }
    expect(new Set(codes).size).toBe(40);
    const [factoryMade] = await db.all<{ short_code: string }>(
      sql`SELECT short_code FROM survey WHERE id <> ${event.surveyId} ORDER BY id LIMIT 1`,
    );
    expect(factoryMade!.short_code).toMatch(CODE);
  });

  it.each(["1A0B2C", "1a0b2c", "ia0b2c", "LAoB2C", "1A0-B2C"])(
    "/s/%s leads to the survey, keeping the language asked for",
    async (typed) => {
      const res = await html(`/s/${typed}?lang=sv`);
      expect(res.status, await res.text()).toBe(302);
      expect(res.headers.get("location")).toBe(`/s/${event.slug}?lang=sv`);
    },
  );

  it("answers an unknown or malformed code under /s/ with the not-found page", async () => {
    for (const typed of ["ZZZZZZ", "1A0B2U", "1A0B2"]) {
      const res = await html(`/s/${typed}?lang=en`);
      expect(res.status, typed).toBe(404);
      expect(await res.text()).toContain('<html lang="en">');
    }
  });
});

describe("the type-your-code page", () => {
  it.each([
    ["fi", "Kirjoita kyselyn koodi"],
    ["sv", "Skriv enkätens kod"],
    ["en", "Type the survey code"],
  ])("asks for the code in %s, as a GET form with a labelled box", async (lang, heading) => {
    const res = await html(`/code?lang=${lang}`);
    const page = await res.text();
    expect(res.status, page).toBe(200);
    expect(page).toContain(`<h1>${heading}</h1>`);
    expect(page).toContain('<form method="get" action="/code" novalidate="">');
    expect(page).toContain('<label class="label" for="code">');
    expect(page).toContain('autocapitalize="characters"');
  });

  it("takes a typed code to the survey in the page's language (lower case, spaces and look-alikes allowed)", async () => {
    const res = await html(`/code?lang=en&code=${encodeURIComponent(" ia0 b2c ")}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/s/${event.slug}?lang=en`);
  });

  it("keeps what was typed and says what is wrong: 422 for no code at all, 404 for a code nobody has", async () => {
    const malformed = await html(`/code?lang=fi&code=${encodeURIComponent("abc<b>")}`);
    const page = await malformed.text();
    expect(malformed.status).toBe(422);
    expect(page).toContain("Koodissa on 6 kirjainta ja numeroa");
    expect(page).toContain('value="abc&lt;b&gt;"');
    expect(page).toContain('aria-invalid="true"');
    const unknown = await html("/code?lang=sv&code=zzzzzz");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Ingen enkät har den här koden.");
  });
});

describe("posters, the day's page and the QR code", () => {
  it("print the short address and the code on the poster, and show the code and the PNG link on the day's page", async () => {
    const poster = await (
      await app.request(`http://localhost/admin/events/${event.eventId}/poster?lang=fi`, {
        headers: asBrowser(agent16, { accept: "text/html" }),
      })
    ).text();
    expect(poster).toContain('<p class="short">http://localhost/s/1A0B2C</p>');
    expect(poster).toContain("Tai kirjoita koodi osoitteessa http://localhost/code:");
    expect(poster).toContain('<p class="code">1A0B2C</p>');
    const page = await (
      await app.request(`http://localhost/admin/events/${event.eventId}?lang=en`, { headers: asBrowser(agent16, { accept: "text/html" }) })
    ).text();
    expect(page).toContain('<strong class="short-code">1A0B2C</strong>');
    expect(page).toContain(`href="/api/events/${event.eventId}/qr.png"`);
  });

  it("gives the QR code as a PNG that a separate decoder reads: square, 10 px a module, finder pattern in the corner", async () => {
    const res = await app.request(`http://localhost/api/events/${event.eventId}/qr.png`, { headers: asBrowser(agent16) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = new Uint8Array(await res.arrayBuffer());
    expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer);
    const width = view.getUint32(16);
    expect(view.getUint32(20)).toBe(width);
    expect(width % 10).toBe(0);
    expect([...png.slice(24, 29)], "1-bit greyscale").toEqual([1, 0, 0, 0, 0]);
    // Chunks after IHDR: IDAT then IEND; inflated with Node's zlib, not the encoder's own code.
    let at = 33;
    const idat: Uint8Array[] = [];
    for (;;) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...png.slice(at + 4, at + 8));
      if (type === "IDAT") idat.push(png.slice(at + 8, at + 8 + length));
      at += 12 + length;
      if (type === "IEND") break;
    }
    expect(at).toBe(png.length);
    const rowBytes = Math.ceil(width / 8);
    const raw = inflateSync(Buffer.concat(idat));
    expect(raw.length).toBe((rowBytes + 1) * width);
    const black = (x: number, y: number) => ((raw[y * (rowBytes + 1) + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0;
    // The 2-module white border, the finder's black ring (module 2), white ring (module 3), black core (modules 4-6), the separator (module 9).
    const mid = (module: number) => module * 10 + 5;
    expect([
      black(mid(0), mid(0)),
      black(mid(1), mid(4)),
      black(mid(2), mid(2)),
      black(mid(3), mid(3)),
      black(mid(5), mid(5)),
      black(mid(8), mid(5)),
      black(mid(9), mid(5)),
    ]).toEqual([false, false, true, false, true, true, false]);
    expect(png.length, "small enough to mail").toBeLessThan(20_000);
    expect((await app.request(`http://localhost/api/events/${event.eventId}/qr.png`, { headers: asBrowser(agent15) })).status).toBe(403);
  });
});
