import { describe, expect, it } from "vitest";
import { t } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import { signOutAction, staffMenuLinks } from "../../src/domain/staff-menu";

// The one staff menu (src/domain/staff-menu.ts), rendered by the server frame and the dashboard.

describe("the staff menu", () => {
  it("shows an agent the results, the academy days, the comments, the reports and their own password, in that order", () => {
    const { pages, account } = staffMenuLinks("sv", { national: false });
    expect(pages.map((l) => l.href)).toEqual(["/?lang=sv", "/admin?lang=sv", "/admin/comments?lang=sv", "/admin/reports?lang=sv"]);
    expect(account.map((l) => l.href)).toEqual(["/admin/password?lang=sv"]);
  });

  it("shows the national team also the import, programmes, cooperation areas, users and audit log", () => {
    const { pages, account } = staffMenuLinks("en", { national: true });
    expect(pages.map((l) => l.page)).toEqual([
      "dashboard",
      "days",
      "comments",
      "reports",
      "import",
      "programmes",
      "areas",
      "users",
      "audit",
    ]);
    expect(pages.map((l) => t("en", l.label))).toEqual([
      "Results",
      "Academy days",
      "Comments",
      "Printable reports",
      "Import history",
      "Programmes and themes",
      "Cooperation areas",
      "Users",
      "Audit log",
    ]);
    // Each national page's own address (a wrong one is a link to a 404 or to another page).
    expect(pages.map((l) => l.href)).toEqual([
      "/?lang=en",
      "/admin?lang=en",
      "/admin/comments?lang=en",
      "/admin/reports?lang=en",
      "/admin/import?lang=en",
      "/admin/programmes?lang=en",
      "/admin/areas?lang=en",
      "/admin/users?lang=en",
      "/admin/audit?lang=en",
    ]);
    expect(account.map((l) => [l.page, l.href, t("en", l.label)])).toEqual([["password", "/admin/password?lang=en", "Change password"]]);
  });

  it("marks the page shown, and only it", () => {
    const { pages, account } = staffMenuLinks("fi", { national: true, current: "users" });
    expect([...pages, ...account].filter((l) => l.current).map((l) => l.page)).toEqual(["users"]);
    const none = staffMenuLinks("fi", { national: true, current: null });
    expect([...none.pages, ...none.account].some((l) => l.current)).toBe(false);
  });

  it("has a label in every language and signs out back to the same language", () => {
    for (const lang of LANGS) {
      const { pages, account } = staffMenuLinks(lang, { national: true });
      for (const link of [...pages, ...account]) expect(t(lang, link.label), `${lang} ${link.page}`).not.toBe("");
      expect(signOutAction(lang)).toBe(`/logout?lang=${lang}`);
    }
  });
});
