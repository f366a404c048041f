import { verifyPassword } from "../auth/password";
import { DEMO_USERS } from "../demo/demo-users";
import { disableDemoAccounts, enabledDemoAccounts } from "../queries/demo-users";
import { deleteUserSessions } from "../queries/sessions";
import type { ServiceContext } from "./context";

type UsableDemoAccount = (typeof DEMO_USERS)[number] & { readonly id: number };

export type DemoAccountGuard =
  /** Nothing to do: no demo sign-in with its published password, or only this computer can reach the server. */
  | { readonly outcome: "ok"; readonly usable: readonly UsableDemoAccount[] }
  | { readonly outcome: "disabled"; readonly emails: readonly string[]; readonly message: string }
  | { readonly outcome: "refused"; readonly message: string };

/**
 * No deployment with a known password: at start-up, demo sign-ins that still have their published
 * passwords are fine on a server only this computer reaches; on one others can reach (`exposure`
 * says why) they make start-up refuse, with what to do, or are disabled when asked (DEMO_ACCOUNTS=disable).
 */
export async function guardDemoAccounts(
  deps: ServiceContext,
  options: { exposure: string | null; disable: boolean },
): Promise<DemoAccountGuard> {
  const enabled = await enabledDemoAccounts(
    deps.db,
    DEMO_USERS.map((u) => u.email),
  );
  const usable: UsableDemoAccount[] = [];
  for (const demo of DEMO_USERS) {
    const account = enabled.find((a) => a.email === demo.email);
    if (account && (await verifyPassword(demo.password, account.passwordHash))) usable.push({ ...demo, id: account.id });
  }
  if (usable.length === 0 || options.exposure === null) return { outcome: "ok", usable };
  const emails = usable.map((u) => u.email);
  if (options.disable) {
    await disableDemoAccounts(
      deps.db,
      usable.map((u) => u.id),
    );
    for (const account of usable) {
      await deleteUserSessions(deps.db, account.id);
      await deps.audit({
        actor: "startup",
        action: "user_updated",
        target: `user:${account.id}`,
        details: { disabled: true, reason: "demo account on an exposed server" },
      });
    }
    return {
      outcome: "disabled",
      emails,
      message: `Demo sign-ins disabled (DEMO_ACCOUNTS=disable, ${options.exposure}): ${emails.join(", ")}.`,
    };
  }
  return {
    outcome: "refused",
    message: [
      `Refusing to start: this database has demo sign-ins whose passwords are published (${emails.join(", ")}), and ${options.exposure}.`,
      "Anyone who can reach the server could sign in with them. Choose one:",
      "  - keep it on this computer only: unset HOST and PUBLIC_URL (the default listens on 127.0.0.1);",
      "  - keep the demo data but switch its sign-ins off: start with DEMO_ACCOUNTS=disable;",
      "  - give each demo account a new password: npm run user:passwd -- --email <email>;",
      "  - for a real deployment, start from an empty database with DEMO_DATA=off and create the first",
      "    national user with npm run user:add -- --email <you> --role national.",
    ].join("\n"),
  };
}
