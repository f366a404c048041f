import type { SessionPrincipal } from "../../src/app-env";
import type { Role } from "../../src/auth/authorize";
import { hashPassword, NO_PASSWORD } from "../../src/auth/password";
import type { Db } from "../../src/db/client";
import { insertUser } from "../../src/queries/users";

let counter = 0;

export interface TestUser {
  readonly id: number;
  readonly email: string;
  readonly password: string;
}

export async function createTestUser(
  db: Db,
  role: Role,
  regions: string[] = [],
  options: { allRegions?: boolean } = {},
): Promise<TestUser> {
  counter += 1;
  const email = `${role}${counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;
  const password = `correct horse battery ${counter}`;
  const id = await insertUser(db, {
    email,
    name: `Test ${role} ${counter}`,
    role,
    regions,
    passwordHash: await hashPassword(password),
    allRegions: options.allRegions ?? false,
  });
  return { id, email, password };
}

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** Signs in through the real API and returns the Cookie header value to send back. */
export async function signIn(app: Requester, user: { email: string; password: string }): Promise<string> {
  const res = await app.request("http://localhost/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost" },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0]!;
}

/** Headers a same-site browser request carries. */
export function asBrowser(cookie: string, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie, origin: "http://localhost", "sec-fetch-site": "same-origin", ...extra };
}

/** A signed-in person as a service sees them, for calling services directly (test/services). */
export function testPrincipal(p: {
  userId: number;
  email: string;
  name: string;
  role: Role;
  regions?: string[];
  allRegions?: boolean;
}): SessionPrincipal {
  return { regions: [], allRegions: false, ...p, area: null, sessionId: "s" };
}

/** A stored account without a password (no PBKDF2 to wait for) and the principal a service sees for
 *  it: for service tests whose staff never sign in. */
export async function staffPrincipal(
  db: Db,
  role: Role,
  regions: string[] = [],
  options: { allRegions?: boolean } = {},
): Promise<SessionPrincipal> {
  counter += 1;
  const email = `${role}${counter}-staff@test.example`;
  const name = `Test ${role} ${counter}`;
  const allRegions = options.allRegions ?? false;
  const userId = await insertUser(db, { email, name, role, regions, passwordHash: NO_PASSWORD, allRegions });
  return testPrincipal({ userId, email, name, role, regions, allRegions });
}
