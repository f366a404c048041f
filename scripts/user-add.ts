// npm run user:add -- --email agentti@example.fi --role agent --region 16 [--region 15] [--name "…"] [--all-regions]
// npm run user:add -- --email kunta@example.fi --role municipal --area 2   (a municipal agent reads the area's regions)
// Creates a user in the database LIBSQL_URL points at (default the embedded file) and prints a
// generated password once. Works against Turso for the first national user of a deployment.
// The checks (known regions, free email, the password policy) and the audit line are the same
// service the staff pages use (src/services/create-account.ts).
import { parseArgs } from "node:util";
import * as v from "valibot";
import { needsArea, needsRegions } from "../src/auth/authorize";
import { generatePassword } from "../src/auth/tokens";
import { runMigrations } from "../src/db/migrate";
import { ROLES } from "../src/domain/roles";
import { AppError } from "../src/http/errors";
import { Email, Role } from "../src/http/schemas";
import { serviceContext } from "../src/services/context";
import { createAccount } from "../src/services/create-account";
import { openConfiguredDatabase } from "./open-configured-database";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    region: { type: "string", multiple: true, default: [] },
    name: { type: "string" },
    "all-regions": { type: "boolean", default: false },
    area: { type: "string" },
  },
});

const email = v.safeParse(Email, values.email ?? "");
const role = v.safeParse(Role, values.role ?? "");
if (!email.success || !role.success) {
  console.error(
    `Usage: npm run user:add -- --email person@example.fi --role ${ROLES.join("|")} [--region 16 …] [--area ID] [--name "Name"] [--all-regions]`,
  );
  process.exit(2);
}
if (needsRegions(role.output) && values.region.length === 0) {
  console.error("An agent needs at least one --region (Statistics Finland code, e.g. 16 for Keski-Pohjanmaa).");
  process.exit(2);
}

const area = values.area === undefined ? null : /^[1-9]\d{0,9}$/.test(values.area) ? Number(values.area) : Number.NaN;
if (Number.isNaN(area) || (needsArea(role.output) && area === null)) {
  console.error("A municipal agent needs --area with the id of a cooperation area (see /admin/areas or GET /api/areas).");
  process.exit(2);
}

const { db, url, close } = await openConfiguredDatabase();
await runMigrations(db);
const password = generatePassword();
try {
  const account = {
    email: email.output,
    name: values.name ?? email.output,
    role: role.output,
    regions: values.region,
    allRegions: values["all-regions"],
    areaId: area,
    password,
  };
  await createAccount(serviceContext(db), "en", account, "cli");
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  const problem = error.fields?.[0];
  console.error(
    problem?.code === "taken"
      ? `${email.output} already has an account. Use npm run user:passwd to set a new password.`
      : `Not created: ${problem ? `${problem.key}: ${problem.message}` : error.code}`,
  );
  close();
  process.exit(1);
}
console.log(`Created ${role.output} ${email.output} in ${url}.`);
console.log(`Password (shown only now; pass it on safely): ${password}`);
close();
