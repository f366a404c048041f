import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { createTestDb } from "../helpers/test-db";
import { createTestSurvey } from "../helpers/factories";

let app: ReturnType<typeof createApp>;
let slug: string;

beforeAll(async () => {
  const db = await createTestDb();
  app = createApp({ db, contactEmail: "saavutettavuus@lape.example" });
  slug = (await createTestSurvey(db)).slug;
});

describe("accessibility statement", () => {
  it.each([
    ["fi", "Saavutettavuusseloste"],
    ["sv", "Tillgänglighetsutlåtande"],
    ["en", "Accessibility statement"],
  ])("is published in %s with a feedback contact", async (lang, title) => {
    const res = await app.request(`/accessibility?lang=${lang}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain('href="mailto:saavutettavuus@lape.example"');
  });

  it("is linked from every page's footer, in the page's language", async () => {
    for (const path of [`/s/${slug}?lang=sv`, "/login?lang=sv", `/s/${slug}/thanks?lang=sv`, "/s/unknown-survey?lang=sv"]) {
      const html = await (await app.request(path)).text();
      expect(html, path).toContain('<a href="/accessibility?lang=sv">Tillgänglighetsutlåtande</a>');
    }
  });
});
