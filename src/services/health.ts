import { databaseIsReady } from "../queries/health";
import type { ServiceContext } from "./context";

/** Ready when the database answers; an error reading it counts as not ready (GET /healthz says 503). */
export async function isReady(deps: Pick<ServiceContext, "db">): Promise<boolean> {
  return databaseIsReady(deps.db).catch(() => false);
}
