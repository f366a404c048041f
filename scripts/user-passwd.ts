// npm run user:passwd -- --email person@example.fi
// Sets a new generated password, prints it once, and signs the person out everywhere.
import { parseArgs } from "node:util";
import * as v from "valibot";
import { hashPassword } from "../src/auth/password";
import { generatePassword } from "../src/auth/tokens";
import { recordAudit } from "../src/queries/audit";
import { deleteUserSessions } from "../src/queries/sessions";
import { setPasswordHash } from "../src/queries/users";
import { Email } from "../src/routes/schemas";
import { openConfiguredDatabase } from "./open-configured-database";

const { values } = parseArgs({ options: { email: { type: "string" } } });
const email = v.safeParse(Email, values.email ?? "");
if (!email.success) {
  console.error("Usage: npm run user:passwd -- --email person@example.fi");
  process.exit(2);
}
const { db, close } = await openConfiguredDatabase();
const password = generatePassword();
const id = await setPasswordHash(db, email.output, await hashPassword(password));
if (id === null) {
  console.error(`No account for ${email.output}.`);
  process.exit(1);
}
await deleteUserSessions(db, id);
await recordAudit(db, { at: Date.now(), action: "user_password_set", actor: "cli", target: `user:${id}` });
console.log(`New password for ${email.output} (shown only now; every session was signed out): ${password}`);
close();
