import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { AreasStatsResponse, RegionsStatsResponse } from "../../src/api-types";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { standingCaveats } from "../../src/domain/export-files";
import { formatNumber, t } from "../../src/domain/i18n";
import { LANGS, type Lang } from "../../src/domain/lang";
import { mean } from "../../src/views/figure-text";
import {
  beforeAllOrFailEach,
  expectNoAxeViolations,
  expectPageBasics,
  launchChromium,
  newPage,
  signInWithForm,
  startTestServer,
  WCAG22_TAGS,
  type TestServer,
} from "../helpers/browser";

// Issue 17's printable reports in real Chromium: the day, a region or a cooperation area over a
// period and the national overview, each in fi, sv and en, pass axe-core, and printed to PDF (page.pdf, A4) they carry the
// figures with n and k, the caveats, the date and source of the data and page numbers, as
// pdftotext (poppler-utils) reads them.

const national = DEMO_USERS.find((u) => u.role === "national")!;
let server: TestServer;
let browser: Browser;
const pdfDir = mkdtempSync(join(tmpdir(), "palaute-reports-"));

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("reports");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page printed on A4 as the browser's "Save as PDF" does, and its text as pdftotext reads it. */
async function pdfText(page: Page, name: string): Promise<{ text: string; pages: number }> {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const file = join(pdfDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  return { text, pages };
}

/** pdftotext keeps words but not line breaks or runs of spaces where they were: compare on single spaces. */
const flat = (text: string) => text.replace(/\s+/g, " ");

function expectCommon(text: string, pages: number, lang: Lang, label: string) {
  const body = flat(text);
  for (const caveat of standingCaveats(lang))
    expect(body, `${label}: caveat "${caveat.slice(0, 40)}…"`).toContain(flat(caveat).slice(0, 60));
  expect(body, `${label}: source and date`).toContain(t(lang, "report.source", { date: "" }).slice(0, 30));
  expect(body, `${label}: retrieved today`).toMatch(/\d{1,2}(\.\d{1,2}\.| \w{3} )\d{4}/);
  // Page numbers in the foot of every page: "1 / 3" … "3 / 3" (pdftotext may close up the spaces).
  for (let p = 1; p <= pages; p++) expect(body, `${label}: page ${p} of ${pages}`).toMatch(new RegExp(`Palaute ${p} ?/ ?${pages}(\\s|$)`));
  // The print hint and the staff menu are not printed.
  expect(body, label).not.toContain(t(lang, "report.print").slice(0, 30));
  expect(body, label).not.toContain(t(lang, "nav.days"));
}

const KICK_OFF_TITLES = {
  fi: "LAPE-Akatemian valtakunnallinen aloitus",
  sv: "LAPE-Akademins nationella start",
  en: "LAPE Academy national kick-off",
} as const;

describe("printable reports (Chromium, PDF)", () => {
  it("national overview and a region's report: axe-clean in fi, sv, en; their PDFs hold the figures with n and k", {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await page.goto(`${server.base}/login?lang=fi`);
      await signInWithForm(page, national);
      const figures = (await (
        await page.request.get(`${server.base}/api/stats/regions?from=2019-01-01&to=2019-12-31`)
      ).json()) as RegionsStatsResponse;
      const withAnswers = figures.regions.find((r) => r.grade.source === "responses" && r.grade.days >= 2)!;
      for (const lang of LANGS) {
        await page.goto(`${server.base}/admin/reports?lang=${lang}`);
        await expectPageBasics(page, lang, `report index (${lang})`);
        await expectNoAxeViolations(page, `report index (${lang})`, WCAG22_TAGS);

        await page.goto(`${server.base}/admin/reports/national?from=2019-01-01&to=2019-12-31&lang=${lang}`);
        await expectPageBasics(page, lang, `national report (${lang})`);
        await expectNoAxeViolations(page, `national report (${lang})`, WCAG22_TAGS);
        const nationalPdf = await pdfText(page, `national-${lang}`);
        expectCommon(nationalPdf.text, nationalPdf.pages, lang, `national PDF (${lang})`);
        const body = flat(nationalPdf.text);
        const n = figures.national!;
        expect(body).toContain(t(lang, "report.figure.nk", { n: formatNumber(lang, n.n), k: n.days }));
        expect(body).toContain(withAnswers.name[lang]);
        expect(body).toContain(t(lang, "report.figure.nk", { n: formatNumber(lang, withAnswers.grade.n), k: withAnswers.grade.days }));
        expect(body).toContain(flat(t(lang, "report.chart.regions")).slice(0, 40));

        await page.goto(`${server.base}/admin/reports/region?region=${withAnswers.code}&from=2019-01-01&to=2019-12-31&lang=${lang}`);
        await expectPageBasics(page, lang, `region report (${lang})`);
        await expectNoAxeViolations(page, `region report (${lang})`, WCAG22_TAGS);
        const regionPdf = await pdfText(page, `region-${lang}`);
        expectCommon(regionPdf.text, regionPdf.pages, lang, `region PDF (${lang})`);
        const regionBody = flat(regionPdf.text);
        expect(regionBody).toContain(t(lang, "report.region.title", { region: withAnswers.name[lang] }));
        expect(regionBody).toContain(
          t(lang, "report.figure.nk", { n: formatNumber(lang, withAnswers.grade.n), k: withAnswers.grade.days }),
        );
        expect(regionBody).toContain(flat(t(lang, "report.chart.days")).slice(0, 40));
      }
    } finally {
      await context.close();
    }
  });

  it("a cooperation area's report: axe-clean in fi, sv, en; its PDF holds the area's mean with n and k and the caveats", {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await page.goto(`${server.base}/login?lang=fi`);
      await signInWithForm(page, national);
      const figures = (await (
        await page.request.get(`${server.base}/api/stats/areas?from=2019-01-01&to=2019-12-31`)
      ).json()) as AreasStatsResponse;
      const area = figures.areas.find((a) => a.grade.source === "responses" && a.grade.days >= 2)!;
      for (const lang of LANGS) {
        await page.goto(`${server.base}/admin/reports/area?area=${area.id}&from=2019-01-01&to=2019-12-31&lang=${lang}`);
        await expectPageBasics(page, lang, `area report (${lang})`);
        await expectNoAxeViolations(page, `area report (${lang})`, WCAG22_TAGS);
        const { text, pages } = await pdfText(page, `area-${lang}`);
        expectCommon(text, pages, lang, `area PDF (${lang})`);
        const body = flat(text);
        expect(body).toContain(flat(t(lang, "report.area.title", { area: area.name[lang] })));
        expect(body).toContain(
          flat(
            `${mean(lang, area.grade.mean)} (${t(lang, "report.figure.nk", { n: formatNumber(lang, area.grade.n), k: area.grade.days })})`,
          ),
        );
        expect(body).toContain(flat(t(lang, "dash.areas.pooling")).slice(0, 60));
        // The demo data's areas are made up: the report says so.
        expect(body).toContain(t(lang, "demo.badge"));
      }
    } finally {
      await context.close();
    }
  });

  it("the day's report (its results page): axe-clean in fi, sv, en; its PDF holds n, the chart and the caveats", {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await page.goto(`${server.base}/login?lang=fi`);
      await signInWithForm(page, national);
      await page.goto(`${server.base}/admin?lang=fi&q=${encodeURIComponent("LAPE-Akatemian valtakunnallinen aloitus")}`);
      const href = await page.locator("table a", { hasText: "LAPE-Akatemian valtakunnallinen aloitus" }).first().getAttribute("href");
      const id = /\/admin\/events\/(\d+)/.exec(href ?? "")![1]!;
      for (const lang of LANGS) {
        await page.goto(`${server.base}/admin/events/${id}/results?lang=${lang}`);
        await expectNoAxeViolations(page, `day report (${lang})`, WCAG22_TAGS);
        const { text, pages } = await pdfText(page, `day-${lang}`);
        expectCommon(text, pages, lang, `day PDF (${lang})`);
        const body = flat(text);
        // The kick-off's title in the report's language (the demo seed writes all three).
        expect(body).toContain(KICK_OFF_TITLES[lang]);
        expect(body).toContain(t(lang, "report.chart.distribution", { n: 120 }));
        expect(body).toContain("212");
      }
    } finally {
      await context.close();
    }
  });
});
