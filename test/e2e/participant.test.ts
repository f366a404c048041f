import { eq } from "drizzle-orm";
import type { Client } from "@libsql/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { answer, question, response, survey } from "../../src/db/schema";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";
import { t } from "../../src/domain/i18n";
import { LANGS, type Lang } from "../../src/domain/lang";
import {
  activeElementId,
  beforeAllOrFailEach,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectInView,
  expectNoHorizontalScroll,
  expectPageBasics,
  expectReachable,
  launchChromium,
  newPage,
  screenshot,
  startTestServer,
  tabTo,
  watchPage,
  type TestServer,
  type ViewportName,
} from "../helpers/browser";

// What a participant does, in real Chromium against the real Node server: open the survey link,
// choose a language, answer, get an answer wrong and see the error summary, put it right, and land
// on the thank-you page — in Finnish, Swedish and English, on a phone and on a desktop, with
// JavaScript on and off, and with the keyboard alone. axe-core (WCAG 2.1 A and AA) checks every
// page and state on the way; the closed survey, the accessibility statement and the sign-in page
// too; and the pages stay usable at 200% zoom.

const SLUG = DEMO_SURVEY_SLUG;
/** Another of the demo days, closed before the tests start (and never opened before that, so no cached copy). */
const CLOSED_SLUG = "demo-15-2019-09-26";
/** One that closes while a participant is answering. */
const CLOSING_SLUG = "demo-national-2019-03-20";
/** And one that opens tomorrow. */
const NOT_OPEN_SLUG = "demo-15-2019-11-21";
const WAIT_MS = 15_000;
const SIZES: readonly ViewportName[] = ["phone", "desktop"];

/** The browser prefers another language than the one the participant then chooses. */
const BROWSER_LOCALE: Record<Lang, string> = { fi: "sv-FI", sv: "en-GB", en: "fi-FI" };
const TYPED: Record<Lang, { good: string; improve: string }> = {
  fi: { good: "Hyvät puheenvuorot – ja aikaa keskustelulle.", improve: "Enemmän taukoja, kiitos." },
  sv: { good: "Bra anföranden – och tid för diskussion.", improve: "Fler pauser, tack." },
  en: { good: "Good talks – and time to discuss.", improve: "More breaks, please." },
};

let server: TestServer;
let base: string;
let browser: Browser;
let reader: Client;
let db: Db;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("participant");
  base = server.base;
  reader = await openNodeDatabase({ url: server.databaseUrl });
  db = createDb(reader);
  const closed = await db
    .update(survey)
    .set({ closesAt: Date.now() - 3_600_000 })
    .where(eq(survey.slug, CLOSED_SLUG))
    .returning({ id: survey.id });
  expect(closed, `the demo survey ${CLOSED_SLUG} exists`).toHaveLength(1);
  const notOpen = await db
    .update(survey)
    .set({ opensAt: Date.now() + 86_400_000 })
    .where(eq(survey.slug, NOT_OPEN_SLUG))
    .returning({ id: survey.id });
  expect(notOpen, `the demo survey ${NOT_OPEN_SLUG} exists`).toHaveLength(1);
});

afterAll(async () => {
  await browser?.close();
  reader?.close();
  await server?.close();
});

/** The stored response with this submission id: its language and its answers by question key. */
async function storedResponse(id: string): Promise<{ lang: string; answers: Record<string, string | number | null> } | null> {
  const [row] = await db.select({ lang: response.lang }).from(response).where(eq(response.id, id));
  if (!row) return null;
  const rows = await db
    .select({ key: question.key, num: answer.numValue, text: answer.textValue })
    .from(answer)
    .innerJoin(question, eq(question.id, answer.questionId))
    .where(eq(answer.responseId, id));
  return { lang: row.lang, answers: Object.fromEntries(rows.map((r) => [r.key, r.text ?? r.num])) };
}

async function axe(page: Page, javaScript: boolean, label: string): Promise<void> {
  if (javaScript) await expectNoAxeViolations(page, label);
  else await expectNoAxeViolationsWithoutJs(browser, page, label);
}

/** Scales and choices are radio groups: one fieldset per question, named by its legend. */
async function expectRadioGroups(page: Page, lang: Lang, label: string): Promise<void> {
  const groups = await page.evaluate(() => {
    const names = [...new Set([...document.querySelectorAll<HTMLInputElement>("input[type=radio]")].map((r) => r.name))];
    return names.map((name) => {
      const radios = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`)];
      const fieldsets = new Set(radios.map((r) => r.closest("fieldset")));
      const fieldset = radios[0]!.closest("fieldset");
      return {
        name,
        fieldsets: fieldsets.size,
        inFieldset: !fieldsets.has(null),
        legend: fieldset?.querySelector(":scope > legend")?.textContent?.trim() ?? "",
      };
    });
  });
  expect(
    groups.map((g) => g.name),
    `${label}: the radio groups`,
  ).toEqual(["grade", "usefulness", "sector"]);
  for (const group of groups) {
    expect(group.inFieldset && group.fieldsets === 1, `${label}: all of ${group.name} in one fieldset`).toBe(true);
    expect(group.legend, `${label}: ${group.name} has a legend`).not.toBe("");
  }
  // As the browser exposes them to assistive technology: a radio group named by its legend.
  const gradeQuestion = { fi: "Kokonaisarvosana päivälle", sv: "Helhetsvitsord för dagen", en: "Overall grade for the day" }[lang];
  const grade = page.getByRole("radiogroup", { name: gradeQuestion });
  expect(await grade.count(), `${label}: the grade scale is a radio group named "${gradeQuestion}…"`).toBe(1);
  expect(await grade.getByRole("radio").count(), `${label}: grades 4–10`).toBe(7);
}

/** The error summary after a wrong answer: shown, focused, in the chosen language, linking to the question. */
async function expectErrorSummary(page: Page, lang: Lang, label: string): Promise<void> {
  await page.locator("#error-summary").waitFor({ timeout: WAIT_MS });
  expect(await activeElementId(page), `${label}: focus moves to the error summary`).toBe("error-summary");
  expect(await page.getAttribute("#error-summary", "role")).toBe("alert");
  expect((await page.textContent("#error-summary h2"))?.trim()).toBe(t(lang, "errors.summaryTitle"));
  const link = page.locator('#error-summary a[href="#q-grade-4"]');
  expect(await link.count(), `${label}: the summary links to the grade question`).toBe(1);
  expect(await link.textContent()).toContain(t(lang, "errors.required"));
  expect(await page.title(), `${label}: the window title says there is an error`).toMatch(new RegExp(`^${t(lang, "page.errorPrefix")}: `));
  expect(await page.getAttribute("fieldset:has(#q-grade-4)", "aria-invalid")).toBe("true");
  expect(await page.inputValue('input[name="lang"]'), `${label}: the form still posts the chosen language`).toBe(lang);
}

describe("a participant answers the survey (Chromium)", () => {
  for (const lang of LANGS) {
    for (const size of SIZES) {
      for (const javaScript of [true, false]) {
        const name = `${lang}, ${size}, JavaScript ${javaScript ? "on" : "off"}`;
        it(`${name}: chooses the language, gets an answer wrong, corrects it, and is thanked`, { timeout: 60_000 }, async () => {
          const { context, page } = await newPage(browser, { size, javaScriptEnabled: javaScript, locale: BROWSER_LOCALE[lang] });
          const problems = watchPage(page, { pageErrors: true });
          try {
            // The link from the QR code carries no language: the page follows the browser's, and the participant picks another.
            await page.goto(`${base}/s/${SLUG}`);
            expect(await page.evaluate(() => document.documentElement.lang)).toBe(BROWSER_LOCALE[lang].slice(0, 2));
            await Promise.all([page.waitForURL(`${base}/s/${SLUG}?lang=${lang}`), page.click(`header a[hreflang="${lang}"]`)]);
            expect(await page.getAttribute(`header a[hreflang="${lang}"]`, "aria-current")).toBe("true");
            expect(await page.textContent("h1")).toContain(t(lang, "survey.heading"));
            await expectPageBasics(page, lang, `${name}: the form`);
            await expectRadioGroups(page, lang, `${name}: the form`);
            await axe(page, javaScript, `the survey form (${name})`);

            // Everything but the one required answer.
            await page.check("#q-usefulness-4");
            await page.check("#q-sector-education");
            await page.fill("#q-good", TYPED[lang].good);
            await page.fill("#q-improve", TYPED[lang].improve);
            await page.click('button[type="submit"]');
            await expectErrorSummary(page, lang, `${name}: after a missing grade`);
            expect(await page.inputValue("#q-good"), "typed answers are kept").toBe(TYPED[lang].good);
            expect(await page.inputValue("#q-improve")).toBe(TYPED[lang].improve);
            expect(await page.isChecked("#q-usefulness-4"), "chosen answers are kept").toBe(true);
            expect(await page.isChecked("#q-sector-education")).toBe(true);
            await expectPageBasics(page, lang, `${name}: the error summary`);
            await axe(page, javaScript, `the error summary (${name})`);
            const id = await page.inputValue('input[name="submission_id"]');

            await page.check("#q-grade-8");
            await Promise.all([
              page.waitForURL(`${base}/s/${SLUG}/thanks?lang=${lang}`, { timeout: WAIT_MS }),
              page.click('button[type="submit"]'),
            ]);
            expect(await page.textContent("h1")).toBe(t(lang, "thanks.title"));
            await expectPageBasics(page, lang, `${name}: the thank-you page`);
            await axe(page, javaScript, `the thank-you page (${name})`);
            await screenshot(page, `participant-${lang}-${size}-js-${javaScript ? "on" : "off"}-thanks`);

            expect(await storedResponse(id), "stored once, in the chosen language, with every answer").toEqual({
              lang,
              answers: { grade: 8, usefulness: 4, sector: "education", good: TYPED[lang].good, improve: TYPED[lang].improve },
            });
            expect(problems).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

describe("a participant answers with the keyboard only (Chromium)", () => {
  const runs: readonly { lang: Lang; size: ViewportName; javaScript: boolean; submitKey: "Enter" | "Space" }[] = [
    { lang: "fi", size: "desktop", javaScript: true, submitKey: "Enter" },
    { lang: "fi", size: "phone", javaScript: false, submitKey: "Space" },
    { lang: "sv", size: "phone", javaScript: true, submitKey: "Space" },
    { lang: "sv", size: "desktop", javaScript: false, submitKey: "Enter" },
    { lang: "en", size: "phone", javaScript: true, submitKey: "Enter" },
    { lang: "en", size: "desktop", javaScript: false, submitKey: "Space" },
  ];
  for (const { lang, size, javaScript, submitKey } of runs) {
    const name = `${lang}, ${size}, JavaScript ${javaScript ? "on" : "off"}`;
    it(`${name}: Tab, arrows, Space, typing and ${submitKey}, through the error summary to the thank-you page`, {
      timeout: 60_000,
    }, async () => {
      const { context, page } = await newPage(browser, { size, javaScriptEnabled: javaScript, locale: BROWSER_LOCALE[lang] });
      try {
        await page.goto(`${base}/s/${SLUG}?lang=${lang}`);
        const keys = page.keyboard;

        // The skip link comes first, shows itself on focus, and takes focus into the content.
        await keys.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.className), "the first Tab reaches the skip link").toBe("skip");
        const skip = await page.locator("a.skip").boundingBox();
        expect(skip && skip.x >= 0 && skip.y >= 0, "the focused skip link is on screen").toBe(true);
        await keys.press("Enter");
        expect(await activeElementId(page), "the skip link moves focus to the content").toBe("main");

        // The demo day is in a bilingual region: the other national language is offered first
        // ("På svenska" / "Suomeksi", issue 16 item 5), one Tab stop before the questions.
        await keys.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.closest(".lang-offer") !== null), "Tab reaches the language offer").toBe(
          true,
        );
        // Tab into the grade scale and past it without answering; arrows choose in the next ones.
        await keys.press("Tab");
        expect(await activeElementId(page), "Tab from the content start reaches the grade scale").toBe("q-grade-4");
        expect(await page.isChecked("#q-grade-4"), "focus alone chooses nothing").toBe(false);
        await keys.press("Tab");
        expect(await activeElementId(page), "one Tab leaves a radio group").toBe("q-usefulness-1");
        for (let i = 0; i < 3; i += 1) await keys.press("ArrowRight");
        expect(await page.isChecked("#q-usefulness-4"), "arrow keys choose on the scale").toBe(true);
        await keys.press("Tab");
        expect(await activeElementId(page)).toBe("q-sector-social_health");
        await keys.press("ArrowDown");
        expect(await page.isChecked("#q-sector-education"), "arrow keys choose in a list of options").toBe(true);
        await keys.press("Tab");
        expect(await activeElementId(page)).toBe("q-good");
        await keys.type(TYPED[lang].good);
        await keys.press("Tab");
        expect(await activeElementId(page)).toBe("q-improve");
        await keys.type(TYPED[lang].improve);
        await keys.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.getAttribute("type")), "Tab reaches the send button").toBe("submit");
        await keys.press(submitKey);

        // No grade: the summary takes focus, its link takes focus to the question.
        await expectErrorSummary(page, lang, `${name}: keyboard, after a missing grade`);
        expect(await page.inputValue("#q-good"), "typed answers are kept").toBe(TYPED[lang].good);
        expect(await page.isChecked("#q-usefulness-4")).toBe(true);
        await keys.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.getAttribute("href")), "Tab reaches the summary's link").toBe(
          "#q-grade-4",
        );
        await keys.press("Enter");
        expect(await activeElementId(page), "the summary's link moves focus to the question").toBe("q-grade-4");
        // …and the question's text and its error are on screen above the scale, not scrolled away.
        await expectInView(page, "fieldset:has(#q-grade-4) > legend", `${name}: after following the summary's link`);
        await expectInView(page, "#q-grade-error", `${name}: after following the summary's link`);
        for (let i = 0; i < 5; i += 1) await keys.press("ArrowRight");
        await keys.press("Space");
        expect(await activeElementId(page)).toBe("q-grade-9");
        expect(await page.isChecked("#q-grade-9"), "arrows and Space choose 9").toBe(true);
        const outline = await page.evaluate(() => getComputedStyle(document.querySelector("#q-grade-9 + span")!).outlineStyle);
        expect(outline, "the focused grade shows a focus outline").toBe("solid");
        const id = await page.inputValue('input[name="submission_id"]');

        await tabTo(page, 'button[type="submit"]');
        await Promise.all([page.waitForURL(`${base}/s/${SLUG}/thanks?lang=${lang}`, { timeout: WAIT_MS }), keys.press(submitKey)]);
        expect(await page.textContent("h1")).toBe(t(lang, "thanks.title"));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await screenshot(page, `participant-keyboard-${lang}-${size}-js-${javaScript ? "on" : "off"}-thanks`);
        expect(await storedResponse(id)).toEqual({
          lang,
          answers: { grade: 9, usefulness: 4, sector: "education", good: TYPED[lang].good, improve: TYPED[lang].improve },
        });
      } finally {
        await context.close();
      }
    });
  }
});

describe("other participant pages (Chromium)", () => {
  for (const lang of LANGS) {
    it(`${lang}: the closed, not yet open and unknown survey, the accessibility statement and the sign-in page pass axe on a phone and a desktop`, {
      timeout: 60_000,
    }, async () => {
      for (const size of SIZES) {
        const { context, page } = await newPage(browser, { size, locale: BROWSER_LOCALE[lang] });
        const problems = watchPage(page, { pageErrors: true });
        try {
          const closed = await page.goto(`${base}/s/${CLOSED_SLUG}?lang=${lang}`);
          expect(closed?.status(), "a closed survey answers 410").toBe(410);
          expect(await page.textContent("h1")).toBe(t(lang, "closed.title"));
          await expectPageBasics(page, lang, `${lang}, ${size}: the closed survey`);
          await expectNoAxeViolations(page, `the closed survey (${lang}, ${size})`);
          await screenshot(page, `participant-closed-${lang}-${size}`);

          const notOpen = await page.goto(`${base}/s/${NOT_OPEN_SLUG}?lang=${lang}`);
          expect(notOpen?.status(), "a survey not open yet answers 403").toBe(403);
          expect(await page.textContent("h1")).toBe(t(lang, "notOpen.title"));
          await expectPageBasics(page, lang, `${lang}, ${size}: the survey not open yet`);
          await expectNoAxeViolations(page, `the survey not open yet (${lang}, ${size})`);

          const missing = await page.goto(`${base}/s/no-such-survey?lang=${lang}`);
          expect(missing?.status(), "an unknown survey answers 404").toBe(404);
          expect(await page.textContent("h1")).toBe(t(lang, "notFound.title"));
          await expectPageBasics(page, lang, `${lang}, ${size}: an unknown survey`);
          await expectNoAxeViolations(page, `an unknown survey (${lang}, ${size})`);

          await page.goto(`${base}/s/${CLOSED_SLUG}?lang=${lang}`);

          // Reached from the footer, in the same language.
          await Promise.all([page.waitForURL(`${base}/accessibility?lang=${lang}`), page.click("footer a")]);
          expect(await page.textContent("h1")).toBe(t(lang, "a11y.title"));
          await expectPageBasics(page, lang, `${lang}, ${size}: the accessibility statement`);
          await expectNoAxeViolations(page, `the accessibility statement (${lang}, ${size})`);
          await screenshot(page, `participant-accessibility-${lang}-${size}`);

          await page.goto(`${base}/login?lang=${lang}`);
          expect(await page.textContent("h1")).toBe(t(lang, "login.title"));
          await expectPageBasics(page, lang, `${lang}, ${size}: the sign-in page`);
          await expectNoAxeViolations(page, `the sign-in page (${lang}, ${size})`);
          // A wrong password: the summary takes focus and the email stays.
          await page.fill("#email", "nobody@palaute.example");
          await page.fill("#password", "wrong password");
          await page.click('button[type="submit"]');
          await page.locator("#error-summary").waitFor();
          expect(await activeElementId(page), "focus moves to the sign-in error").toBe("error-summary");
          expect(await page.inputValue("#email")).toBe("nobody@palaute.example");
          await expectPageBasics(page, lang, `${lang}, ${size}: the sign-in error`);
          await expectNoAxeViolations(page, `the sign-in error (${lang}, ${size})`);
          await screenshot(page, `participant-login-error-${lang}-${size}`);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      }
    });
  }
});

describe("a survey that closes while the participant answers (Chromium)", () => {
  it("sv, phone, JavaScript off: the closed page in the chosen language, with the typed answers shown back", {
    timeout: 60_000,
  }, async () => {
    const { context, page } = await newPage(browser, { size: "phone", javaScriptEnabled: false, locale: BROWSER_LOCALE.sv });
    try {
      await page.goto(`${base}/s/${CLOSING_SLUG}?lang=sv`);
      await page.check("#q-grade-9");
      await page.fill("#q-good", TYPED.sv.good);
      await db
        .update(survey)
        .set({ closesAt: Date.now() - 1_000 })
        .where(eq(survey.slug, CLOSING_SLUG));
      const [reply] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.click('button[type="submit"]'),
      ]);
      expect(reply.status(), "refused: the survey closed").toBe(410);
      await page.waitForLoadState("load");
      expect(await page.textContent("h1")).toBe(t("sv", "closed.title"));
      expect(await page.textContent("dd"), "what was typed is shown back, not lost").toBe(TYPED.sv.good);
      await expectPageBasics(page, "sv", "the survey closed while answering");
      await expectNoAxeViolationsWithoutJs(browser, page, "the survey closed while answering");
      await screenshot(page, "participant-closed-while-answering-sv-phone-js-off");
    } finally {
      await context.close();
    }
  });
});

describe("at 200% zoom (Chromium)", () => {
  for (const lang of LANGS) {
    it(`${lang}: nothing scrolls sideways and the send button is reachable`, { timeout: 60_000 }, async () => {
      // A 1280×800 screen at 200%: 640×400 CSS pixels, each drawn with 2×2 device pixels.
      const { context, page } = await newPage(browser, { size: "zoom200", deviceScaleFactor: 2, locale: BROWSER_LOCALE[lang] });
      try {
        await page.goto(`${base}/s/${SLUG}?lang=${lang}`);
        await expectNoHorizontalScroll(page, `the survey form at 200% (${lang})`);
        await expectReachable(page, 'button[type="submit"]', `the survey form at 200% (${lang})`);
        await page.fill("#q-good", TYPED[lang].good);
        await page.click('button[type="submit"]');
        await expectErrorSummary(page, lang, `200% (${lang})`);
        await expectNoHorizontalScroll(page, `the error summary at 200% (${lang})`);
        await expectNoAxeViolations(page, `the error summary at 200% (${lang})`);
        await expectReachable(page, '#error-summary a[href="#q-grade-4"]', `the error summary at 200% (${lang})`);
        await page.keyboard.press("Enter");
        expect(await activeElementId(page)).toBe("q-grade-4");
        await expectInView(page, "fieldset:has(#q-grade-4) > legend", `the grade question at 200% (${lang})`);
        await expectReachable(page, 'button[type="submit"]', `the error summary at 200% (${lang})`);
        await page.check("#q-grade-7");
        await Promise.all([
          page.waitForURL(`${base}/s/${SLUG}/thanks?lang=${lang}`, { timeout: WAIT_MS }),
          page.click('button[type="submit"]'),
        ]);
        await expectNoHorizontalScroll(page, `the thank-you page at 200% (${lang})`);
        await screenshot(page, `participant-zoom200-${lang}-thanks`);

        await page.goto(`${base}/s/${CLOSED_SLUG}?lang=${lang}`);
        await expectNoHorizontalScroll(page, `the closed survey at 200% (${lang})`);
        await page.goto(`${base}/accessibility?lang=${lang}`);
        await expectNoHorizontalScroll(page, `the accessibility statement at 200% (${lang})`);
        await page.goto(`${base}/login?lang=${lang}`);
        await expectNoHorizontalScroll(page, `the sign-in page at 200% (${lang})`);
        await expectReachable(page, 'button[type="submit"]', `the sign-in page at 200% (${lang})`);
      } finally {
        await context.close();
      }
    });
  }
});

describe("the accessibility checks themselves", () => {
  it("report a violation when there is one, with JavaScript on and off", { timeout: 30_000 }, async () => {
    for (const javaScript of [true, false]) {
      const { context, page } = await newPage(browser, { javaScriptEnabled: javaScript });
      try {
        await page.goto(`${base}/s/${SLUG}?lang=fi`);
        await page.evaluate(() =>
          document.querySelector("main")!.append(Object.assign(document.createElement("input"), { id: "unlabelled" })),
        );
        await expect(
          axe(page, javaScript, "a page with a field without a label"),
          `JavaScript ${javaScript ? "on" : "off"}`,
        ).rejects.toThrow(/#unlabelled/);
        await expect(expectPageBasics(page, "fi", "a page with a field without a label")).rejects.toThrow(/unlabelled/);
      } finally {
        await context.close();
      }
    }
  });
});
