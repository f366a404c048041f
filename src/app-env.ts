import type { MiddlewareHandler } from "hono";
import type { Db } from "./db/client";
import type { Lang } from "./domain/lang";

/** What an entry point hands the app: everything that differs between Node and the Worker. */
export interface AppDeps {
  readonly db: Db;
  /** Epoch milliseconds; tests pass a fixed clock. */
  readonly now?: () => number;
  /** One structured line per event worth keeping (errors). Never given request bodies or secrets. */
  readonly log?: (entry: Record<string, unknown>) => void;
  /** Serves the built web/ files (Node: from dist/web). The Worker leaves this out: Cloudflare's
   *  [assets] serve them before the Worker runs. */
  readonly assets?: MiddlewareHandler;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    lang: Lang;
  };
}
