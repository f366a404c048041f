import type { Client } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

/** Wraps a libSQL client made by an entry point (file: on Node, http(s)/libsql: on the Worker).
 *  The app never opens a connection of its own. */
export function createDb(client: Client) {
  return drizzle(client, { schema });
}

export type Db = ReturnType<typeof createDb>;
