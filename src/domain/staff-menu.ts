// The staff menu: the pages a signed-in person can reach from every staff page, in order, defined
// once. The server's page frame (src/views/layout.tsx) and the dashboard's (web/src/dashboard/
// shell.ts) both render this list, so /admin and the dashboard cannot offer different menus. It
// lives in the domain because the dashboard bundle may import only the domain (and its messages).
import type { MessageKey } from "./i18n";
import type { Lang } from "./lang";

export type StaffPage = "dashboard" | "days" | "comments" | "reports" | "import" | "programmes" | "areas" | "users" | "audit" | "password";

interface StaffMenuEntry {
  readonly page: StaffPage;
  readonly path: string;
  readonly label: MessageKey;
  /** Only the national team may open the page (the server refuses others: http/access.ts requireNational). */
  readonly nationalOnly: boolean;
  /** The person's own account: shown beside their name and the sign-out button, not among the pages. */
  readonly account?: true;
}

export const STAFF_MENU: readonly StaffMenuEntry[] = [
  { page: "dashboard", path: "/", label: "nav.dashboard", nationalOnly: false },
  { page: "days", path: "/admin", label: "nav.days", nationalOnly: false },
  { page: "comments", path: "/admin/comments", label: "nav.comments", nationalOnly: false },
  { page: "reports", path: "/admin/reports", label: "report.link", nationalOnly: false },
  { page: "import", path: "/admin/import", label: "admin.nav.import", nationalOnly: true },
  { page: "programmes", path: "/admin/programmes", label: "nav.programmes", nationalOnly: true },
  { page: "areas", path: "/admin/areas", label: "nav.areas", nationalOnly: true },
  { page: "users", path: "/admin/users", label: "nav.users", nationalOnly: true },
  { page: "audit", path: "/admin/audit", label: "nav.audit", nationalOnly: true },
  { page: "password", path: "/admin/password", label: "nav.password", nationalOnly: false, account: true },
];

/** Signing out is a form (POST), not a link, beside the menu with the person's name. */
export const STAFF_SIGN_OUT = { path: "/logout", label: "nav.signOut", signedInAs: "nav.signedInAs" } as const;

export interface StaffMenuLink {
  readonly page: StaffPage;
  readonly href: string;
  readonly label: MessageKey;
  /** The page being shown: marked aria-current="page". */
  readonly current: boolean;
}

export interface StaffMenuViewer {
  /** Decided by the authorization module (isNational), never here. */
  readonly national: boolean;
  /** The staff page being shown, if it is one of the menu's. */
  readonly current?: StaffPage | null;
}

/** The links one person sees, each address in the page's language: the pages, then their own account's. */
export function staffMenuLinks(lang: Lang, viewer: StaffMenuViewer): { pages: StaffMenuLink[]; account: StaffMenuLink[] } {
  const link = (entry: StaffMenuEntry): StaffMenuLink => ({
    page: entry.page,
    href: `${entry.path}?lang=${lang}`,
    label: entry.label,
    current: entry.page === viewer.current,
  });
  const shown = STAFF_MENU.filter((entry) => viewer.national || !entry.nationalOnly);
  return { pages: shown.filter((entry) => !entry.account).map(link), account: shown.filter((entry) => entry.account).map(link) };
}

/** Where the sign-out form posts: back to the sign-in page in the same language. */
export function signOutAction(lang: Lang): string {
  return `${STAFF_SIGN_OUT.path}?lang=${lang}`;
}
