// Shared by the operator scripts: the database the environment points at (LIBSQL_URL, default
// the embedded file), with the same settings as the Node server.
import { parseNodeEnv } from "../src/config/node-env";
import { createDb, type Db } from "../src/db/client";
import { openNodeDatabase } from "../src/db/open-node-database";

export async function openConfiguredDatabase(): Promise<{ db: Db; url: string; close(): void }> {
  const env = parseNodeEnv(process.env);
  const client = await openNodeDatabase({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
  return { db: createDb(client), url: env.LIBSQL_URL.startsWith("file:") ? env.LIBSQL_URL : "remote libSQL", close: () => client.close() };
}
