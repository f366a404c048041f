import type { Db } from "../db/client";
import { recordAudit, type AuditEntry } from "../queries/audit";

/** An audit line as a use case writes it: stamped with the context's clock unless `at` is given
 *  (a use case that stores a time with its change passes the same instant). */
export type AuditLine = Omit<AuditEntry, "at"> & { readonly at?: number };

/**
 * What every use case in src/services is handed. createApp builds it once from the entry's
 * AppDeps; scripts and tests build it with serviceContext(). One clock, one way to write an audit
 * line and one logger, so no use case decides for itself what "now" is.
 */
export interface ServiceContext {
  readonly db: Db;
  /** Epoch milliseconds; tests pass a fixed clock. */
  readonly now: () => number;
  /** Writes one line of the audit log. Never given passwords, tokens or answers. */
  readonly audit: (line: AuditLine) => Promise<void>;
  /** One structured line per event worth keeping (errors). Never given request bodies or secrets. */
  readonly log: (entry: Record<string, unknown>) => void;
}

/** The context over a database: the system clock and a silent log unless others are given. */
export function serviceContext(db: Db, given: { readonly now?: (() => number) | undefined; readonly log?: ((entry: Record<string, unknown>) => void) | undefined } = {}): ServiceContext {
  const now = given.now ?? Date.now;
  return {
    db,
    now,
    audit: (line) => recordAudit(db, { ...line, at: line.at ?? now() }),
    log: given.log ?? (() => undefined),
  };
}
