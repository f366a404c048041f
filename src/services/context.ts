import type { ServiceContext } from "../app-env";
import type { Db } from "../db/client";
import { recordAudit } from "../queries/audit";

// The type lives in src/app-env.ts beside AppDeps (what createApp turns into it); services import it from here.
export type { AuditLine, ServiceContext } from "../app-env";

/** The context over a database: the system clock and a silent log unless others are given. */
export function serviceContext(
  db: Db,
  given: { readonly now?: (() => number) | undefined; readonly log?: ((entry: Record<string, unknown>) => void) | undefined } = {},
): ServiceContext {
  const now = given.now ?? Date.now;
  return {
    db,
    now,
    audit: (line) => recordAudit(db, { ...line, at: line.at ?? now() }),
    log: given.log ?? (() => undefined),
  };
}
