// npm run user:passwd -- --email person@example.fi
// Sets a new generated password, prints it once, and signs the person out everywhere: the same
// service as the national team's "set password" (src/services/passwords.ts), policy and audit included.
import { parseArgs } from "node:util";
import * as v from "valibot";
import { generatePassword } from "../src/auth/tokens";
import { Email } from "../src/http/schemas";
import { serviceContext } from "../src/services/context";
import { setAccountPassword } from "../src/services/passwords";
import { openConfiguredDatabase } from "./open-configured-database";

const { values } = parseArgs({ options: { email: { type: "string" } } });
const email = v.safeParse(Email, values.email ?? "");
if (!email.success) {
  console.error("Usage: npm run user:passwd -- --email person@example.fi");
  process.exit(2);
}
const { db, close } = await openConfiguredDatabase();
const password = generatePassword();
const id = await setAccountPassword(serviceContext(db), "en", { email: email.output, password, by: "cli" });
if (id === null) {
  console.error(`No account for ${email.output}.`);
  close();
  process.exit(1);
}
console.log(`New password for ${email.output} (shown only now; every session was signed out): ${password}`);
close();
