import { Hono, type Context } from "hono";
import type { ExportName } from "../api-contract";
import type { AppContext, AppEnv } from "../app-env";
import { type ExportScope, exportFileName, withExportNotes } from "../domain/export-files";
import { commentsTable, eventsTable, questionsTable, regionsTable, themesTable, trendTable } from "../domain/export-tables";
import { t } from "../domain/i18n";
import type { Table } from "../domain/table";
import { TABLE_WRITERS } from "../domain/table-writers";
import { readableEvent } from "../http/access";
import { requirePrincipal } from "../http/session";
import { check, requestLang } from "../http/validate";
import { AppError } from "../http/errors";
import { commentFigures, eventsFigures, questionFigures, regionsFigures, themesFigures, trendFigures } from "../services/dashboard-figures";
import { regionNames } from "../services/regions";
import { publicOrigin } from "../http/presenters/event-json";
import { ExplorerQuery, StatsQuery } from "../http/schemas";
import { commentCategoriesTable, commentSelectionTable } from "../domain/comment-explorer-tables";
import { exploreComments } from "../services/comment-explorer";

/** A table to send, the region it is about (for the audit log) and the validated filters it was
 *  made with (for its file name and notes: each export has its own query schema). */
type Export = (c: Context<AppEnv>) => Promise<{ table: Table; regionCode: string | null; scope: ExportScope }>;

/** Everything the dashboards show, as a download with the same filters as the screen: each export
 *  is a table, offered in every format of TABLE_WRITERS (CSV for Finnish Excel, XLSX), named after
 *  what it holds and with its notes and caveats. A new export is one entry in `exports` (and its
 *  line in ExportContract, src/api-contract.ts); formats, names and notes follow. */
export function exportRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();
  const { now } = deps;

  const exports: Record<ExportName, Export> = {
    events: async (c) => {
      const lang = requestLang(c);
      const q = check(c, StatsQuery, c.req.query());
      const events = await eventsFigures(deps, requirePrincipal(c), q, lang, publicOrigin(deps, c), now());
      return { table: eventsTable(lang, events, await regionNames(deps, lang)), regionCode: q.region ?? null, scope: q };
    },
    regions: async (c) => {
      const q = check(c, StatsQuery, c.req.query());
      const figures = await regionsFigures(deps, requirePrincipal(c), q);
      return { table: regionsTable(requestLang(c), figures), regionCode: null, scope: q };
    },
    trend: async (c) => {
      const lang = requestLang(c);
      const q = check(c, StatsQuery, c.req.query());
      const figures = await trendFigures(deps, requirePrincipal(c), q);
      return { table: trendTable(lang, figures, await regionNames(deps, lang)), regionCode: null, scope: q };
    },
    themes: async (c) => {
      const lang = requestLang(c);
      const q = check(c, StatsQuery, c.req.query());
      const figures = await themesFigures(deps, requirePrincipal(c), q);
      return { table: themesTable(lang, figures, await regionNames(deps, lang)), regionCode: null, scope: q };
    },
    questions: async (c) => {
      const principal = requirePrincipal(c);
      const q = check(c, StatsQuery, c.req.query());
      const event = q.event === undefined ? undefined : (await readableEvent(deps, c, q.event)).event;
      return {
        table: questionsTable(requestLang(c), await questionFigures(deps, principal, q, event)),
        regionCode: q.region ?? null,
        scope: q,
      };
    },
    comments: async (c) => {
      const lang = requestLang(c);
      const q = check(c, StatsQuery, c.req.query());
      if (q.event === undefined)
        throw new AppError("validation_failed", undefined, [{ key: "event", code: "missing", message: t(lang, "field.missing") }]);
      const { event } = await readableEvent(deps, c, q.event);
      return { table: commentsTable(lang, await commentFigures(deps, event)), regionCode: event.regionCode, scope: q };
    },
    "comment-selection": async (c) => {
      const q = check(c, ExplorerQuery, c.req.query());
      if (q.event !== undefined) await readableEvent(deps, c, q.event);
      const figures = await exploreComments(deps, requirePrincipal(c), q);
      return { table: commentSelectionTable(requestLang(c), figures), regionCode: q.region ?? null, scope: q };
    },
    "comment-categories": async (c) => {
      const q = check(c, ExplorerQuery, c.req.query());
      if (q.event !== undefined) await readableEvent(deps, c, q.event);
      const figures = await exploreComments(deps, requirePrincipal(c), q);
      return { table: commentCategoriesTable(requestLang(c), figures), regionCode: q.region ?? null, scope: q };
    },
  };

  for (const [name, build] of Object.entries(exports)) {
    for (const writer of Object.values(TABLE_WRITERS)) {
      app.get(`/${name}.${writer.format}`, async (c) => {
        const { table, regionCode, scope } = await build(c);
        const principal = requirePrincipal(c);
        const lang = requestLang(c);
        const names = await regionNames(deps, lang);
        const regionName = (code: string) => names.get(code) ?? code;
        await deps.audit({ userId: principal.userId, action: "export", regionCode, target: table.name, details: { query: c.req.query() } });
        c.header("Content-Type", writer.contentType);
        c.header("Content-Disposition", `attachment; filename="${exportFileName(table, scope, regionName, writer.format)}"`);
        c.header("Cache-Control", "no-store");
        return c.body(writer.write(withExportNotes(lang, table, scope, regionName, now())));
      });
    }
  }

  return app;
}
