// npm run user:add -- --email agentti@example.fi --role agent --region 16 [--region 15] [--name "…"] [--all-regions]
// Creates a user in the database LIBSQL_URL points at (default the embedded file) and prints a
// generated password once. Works against Turso for the first national user of a deployment.
import { parseArgs } from "node:util";
import * as v from "valibot";
import { hashPassword } from "../src/auth/password";
import { generatePassword } from "../src/auth/tokens";
import { runMigrations } from "../src/db/migrate";
import { recordAudit } from "../src/queries/audit";
import { listRegions } from "../src/queries/regions";
import { emailExists, insertUser } from "../src/queries/users";
import { Email, Role } from "../src/routes/schemas";
import { openConfiguredDatabase } from "./open-configured-database";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    region: { type: "string", multiple: true, default: [] },
    name: { type: "string" },
    "all-regions": { type: "boolean", default: false },
  },
});

const email = v.safeParse(Email, values.email ?? "");
const role = v.safeParse(Role, values.role ?? "");
if (!email.success || !role.success) {
  console.error("Usage: npm run user:add -- --email person@example.fi --role national|agent|viewer [--region 16 …] [--name \"Name\"] [--all-regions]");
  process.exit(2);
}
if (role.output === "agent" && values.region.length === 0) {
  console.error("An agent needs at least one --region (Statistics Finland code, e.g. 16 for Keski-Pohjanmaa).");
  process.exit(2);
}

const { db, url, close } = await openConfiguredDatabase();
await runMigrations(db);
const known = new Set((await listRegions(db)).map((r) => r.code));
const unknown = values.region.filter((code) => !known.has(code));
if (unknown.length > 0) {
  console.error(`Unknown region code(s): ${unknown.join(", ")}. Known: ${[...known].join(", ")}.`);
  process.exit(2);
}
if (await emailExists(db, email.output)) {
  console.error(`${email.output} already has an account. Use npm run user:passwd to set a new password.`);
  process.exit(1);
}
const password = generatePassword();
const id = await insertUser(db, {
  email: email.output,
  name: values.name ?? email.output,
  role: role.output,
  regions: values.region,
  allRegions: values["all-regions"],
  passwordHash: await hashPassword(password),
});
await recordAudit(db, { at: Date.now(), action: "user_created", actor: "cli", target: `user:${id}`, details: { email: email.output, role: role.output, regions: values.region } });
console.log(`Created ${role.output} ${email.output} in ${url}.`);
console.log(`Password (shown only now; pass it on safely): ${password}`);
close();

