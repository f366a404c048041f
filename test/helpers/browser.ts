import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { beforeAll, beforeEach, expect } from "vitest";
import { parseNodeEnv } from "../../src/config/node-env";
import type { Lang } from "../../src/domain/lang";
import { startNodeServer, type RunningServer } from "../../src/node";

// What the browser tests (test/e2e) share: the real Node server on a free port with its own
// database file and the demo data, Debian's Chromium with the flags it needs here, axe-core run
// inside the page, screenshots in test-artifacts/, and signing in through the /login form.

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = join(process.cwd(), "test-artifacts");
const AXE_PATH = join(process.cwd(), "node_modules/axe-core/axe.min.js");
/** WCAG 2.0 and 2.1, levels A and AA: what the accessibility statement promises. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;
/** The same plus WCAG 2.2 AA, for pages that promise it (issue 16's new pages). */
export const WCAG22_TAGS = [...WCAG_TAGS, "wcag22aa"] as const;

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
  /** A 1280×800 screen zoomed to 200%: half as many CSS pixels each way, each drawn twice as big. */
  zoom200: { width: 640, height: 400 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Fails (never skips) when Debian's Chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) — these tests never skip.`);
  }
}

/**
 * The file's one-time setup (server, browser). If it fails — Chromium missing above all — every
 * test of the file fails with that error; a failing beforeAll on its own would leave the tests
 * reported as skipped, and browser tests must never pass as skipped.
 */
export function beforeAllOrFailEach(setup: () => Promise<void>): void {
  let failure: { readonly error: unknown } | null = null;
  beforeAll(async () => {
    try {
      await setup();
    } catch (error) {
      failure = { error };
    }
  });
  beforeEach(() => {
    if (failure) throw failure.error;
  });
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface TestServer {
  /** http://127.0.0.1:port (the server listens on 127.0.0.1 only; "localhost" could resolve to ::1 first). */
  readonly base: string;
  /** The server's database (an embedded file), for tests that read or prepare data directly. */
  readonly databaseUrl: string;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/** The real Node server on a free port, with a fresh database file (its own temp dir) and the demo data. */
export async function startTestServer(name: string): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), `palaute-${name}-`));
  const databaseUrl = `file:${join(dir, "palaute.db")}`;
  try {
    const server = await startNodeServer(parseNodeEnv({ PORT: "0", LIBSQL_URL: databaseUrl, DEMO_DATA: "auto" }), { quiet: true });
    return {
      base: server.url.replace("//localhost:", "//127.0.0.1:"),
      databaseUrl,
      server,
      close: async () => {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Collects Content-Security-Policy violations (and, with pageErrors, uncaught page errors) for a test to assert empty. */
export function watchPage(page: Page, options: { pageErrors?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  if (options.pageErrors) page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

let axeSource: string | undefined;

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core inside the page (WCAG 2.1 A and AA rules) and fails with every violation listed.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not apply to, so the
 * page runs under its own policy. It needs JavaScript: for a page with JavaScript off use
 * expectNoAxeViolationsWithoutJs.
 */
export async function expectNoAxeViolations(page: Page, label: string, tags: readonly string[] = WCAG_TAGS): Promise<void> {
  axeSource ??= readFileSync(AXE_PATH, "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
    },
    [...tags],
  );
  expect(violations, `axe-core ${tags.join(", ")} violations on ${label}: ${JSON.stringify(violations, null, 2)}`).toEqual(
    [] as AxeViolation[],
  );
}

/**
 * axe-core for a page shown with JavaScript off. axe cannot run there (Chromium never settles the
 * promises of a page whose scripts are disabled: the run hangs or the browser goes away), so the
 * exact document that page has is served at the same address, at the same viewport size, to a
 * page with scripts on whose own scripts are all blocked: the DOM axe sees is the one without JS.
 */
export async function expectNoAxeViolationsWithoutJs(browser: Browser, page: Page, label: string): Promise<void> {
  const url = page.url().split("#")[0]!;
  const html = await page.content();
  const context = await browser.newContext({ viewport: page.viewportSize() ?? VIEWPORTS.desktop });
  try {
    const twin = await context.newPage();
    await twin.route("**/*", (route) => {
      const request = route.request();
      if (request.url() === url && request.resourceType() === "document")
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      return request.resourceType() === "script" ? route.abort() : route.continue();
    });
    await twin.goto(url);
    await expectNoAxeViolations(twin, `${label} (JavaScript off)`);
  } finally {
    await context.close();
  }
}

/** A full-page screenshot in test-artifacts/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/**
 * Fills in and sends the /login form the page is on, with the mouse or with the keyboard only
 * (Tab to the email field, type, Tab, type, Enter), and waits for the page it leads to.
 */
export async function signInWithForm(page: Page, user: Credentials, options: { keyboard?: boolean } = {}): Promise<void> {
  expect(new URL(page.url()).pathname, "on the sign-in page").toBe("/login");
  if (options.keyboard) {
    await tabTo(page, "#email");
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    expect(await activeElementId(page), "Tab goes from the email to the password").toBe("password");
    await page.keyboard.type(user.password);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.keyboard.press("Enter")]);
  } else {
    await page.fill("#email", user.email);
    await page.fill("#password", user.password);
    await page.click('button[type="submit"]');
  }
  await page.waitForLoadState("load");
}

/** A fresh context (own cookies and storage) and page; with `viewport` one of VIEWPORTS. */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions & { size?: ViewportName } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { size, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: VIEWPORTS[size ?? "desktop"], reducedMotion: "reduce", ...contextOptions });
  const page = await context.newPage();
  return { context, page };
}

/** The id of the focused element ("" for none or the body). Works with JavaScript off too. */
export async function activeElementId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

/** Presses Tab until the element matching `selector` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${selector} never got focus after ${limit} presses of Tab on ${page.url()}`);
}

/** The element is (at least partly) inside the viewport, top edge included: what someone sees now. */
export async function expectInView(page: Page, selector: string, label: string): Promise<void> {
  const box = await page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rect = el.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: window.innerHeight };
    });
  expect(box.top >= 0 && box.top < box.height, `${label}: ${selector} is in view, its top included (${JSON.stringify(box)})`).toBe(true);
}

/** The page does not scroll sideways: everything fits the viewport's width. */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // The elements that stick out, named (not those clipped by a box that scrolls on its own), so a failure says what to fix.
    wide: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => {
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
          if (getComputedStyle(box).overflowX !== "visible") return false;
        }
        return true;
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").join(".")}` : ""} (right edge ${Math.round(el.getBoundingClientRect().right)})`,
      ),
  }));
  expect(
    scrollWidth,
    `${label}: the page scrolls sideways (${scrollWidth} > ${innerWidth} CSS px); too wide: ${wide.join(", ")}`,
  ).toBeLessThanOrEqual(innerWidth);
}

/**
 * What every page must have, whatever the state: `lang` on <html> as chosen, the accessibility
 * statement linked from the footer in that language, a label for every form control, and no
 * sideways scrolling. Works with JavaScript off.
 */
export async function expectPageBasics(page: Page, lang: Lang, label: string): Promise<void> {
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    statement: [...document.querySelectorAll("footer a")].map((a) => a.getAttribute("href")),
    unlabelled: [...document.querySelectorAll("input, select, textarea")]
      .filter((el) => !(el instanceof HTMLInputElement && el.type === "hidden"))
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        return !labels || labels.length === 0 || [...labels].every((l) => (l.textContent ?? "").trim() === "");
      })
      .map((el) => el.id || el.getAttribute("name") || el.tagName),
  }));
  expect(facts.lang, `${label}: <html lang>`).toBe(lang);
  expect(facts.statement, `${label}: the footer links to the accessibility statement`).toContain(`/accessibility?lang=${lang}`);
  expect(facts.unlabelled, `${label}: form controls without a label`).toEqual([]);
  await expectNoHorizontalScroll(page, label);
}

/**
 * The element can be reached and used: scrolled into view it lies within the viewport's width,
 * it is the element at its own centre (nothing covers it), and it takes keyboard focus.
 */
export async function expectReachable(page: Page, selector: string, label: string): Promise<void> {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const result = await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    // A link that wraps is several boxes; the middle of its first line is a point on it.
    const first = el.getClientRects()[0] ?? box;
    const atCentre = document.elementFromPoint(first.left + first.width / 2, first.top + first.height / 2);
    (el as HTMLElement).focus();
    return {
      left: box.left,
      right: box.right,
      top: box.top,
      bottom: box.bottom,
      covered: !(atCentre === el || el.contains(atCentre)),
      focused: document.activeElement === el,
    };
  });
  const viewport = page.viewportSize()!;
  expect(
    result.left >= 0 && result.right <= viewport.width,
    `${label}: ${selector} lies within the viewport's width (${JSON.stringify(result)})`,
  ).toBe(true);
  expect(
    result.top >= 0 && result.bottom <= viewport.height,
    `${label}: ${selector} can be scrolled into view (${JSON.stringify(result)})`,
  ).toBe(true);
  expect(result.covered, `${label}: nothing covers ${selector}`).toBe(false);
  expect(result.focused, `${label}: ${selector} takes focus`).toBe(true);
}
