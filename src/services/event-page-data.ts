import type { SessionPrincipal } from "../app-env";
import { canWrite } from "../auth/authorize";
import { AppError } from "../http/errors";
import type { EventRow } from "../queries/events";
import { listProgrammes, listThemes } from "../queries/programmes";
import { listRegions } from "../queries/regions";
import type { ServiceContext } from "./context";
import { eventQuestions } from "./event-actions";
import { countTestAnswers } from "./test-answers";
import { displayLinkCreatedAt } from "./presenter-display";
import { readableSlugOf } from "./readable-slugs";

// What a day's staff page and the day form show, read once for the page and for each of its
// forms coming back with errors (src/routes/admin/render-event-page.tsx renders it).

type Regions = Awaited<ReturnType<typeof listRegions>>;
type Programmes = Awaited<ReturnType<typeof listProgrammes>>;
type Themes = Awaited<ReturnType<typeof listThemes>>;

/** What the day form may offer a person: the regions they may write, a national day or not, every programme and theme. */
export interface EventFormOptions {
  readonly regions: Regions;
  readonly allowNational: boolean;
  readonly programmes: Programmes;
  readonly themes: Themes;
}

/** The form's options, or null when the person may create or change no day at all. */
export async function eventFormOptions(deps: Pick<ServiceContext, "db">, principal: SessionPrincipal): Promise<EventFormOptions | null> {
  const [regions, programmes, themes] = await Promise.all([listRegions(deps.db), listProgrammes(deps.db), listThemes(deps.db)]);
  const writable = regions.filter((r) => canWrite(principal, r.code));
  const allowNational = canWrite(principal, null);
  if (writable.length === 0 && !allowNational) return null;
  return { regions: writable, allowNational, programmes, themes };
}

/** The options, or 403 for someone who may not create days (a viewer). */
export async function requireEventFormOptions(deps: Pick<ServiceContext, "db">, principal: SessionPrincipal): Promise<EventFormOptions> {
  const options = await eventFormOptions(deps, principal);
  if (!options) throw new AppError("forbidden");
  return options;
}

export interface EventPageData {
  readonly regions: Regions;
  readonly programmeName: string;
  /** The national core questions and the day's own. */
  readonly core: Awaited<ReturnType<typeof eventQuestions>>["core"];
  readonly own: Awaited<ReturnType<typeof eventQuestions>>["day"];
  /** Null for a reader who may not change the day. */
  readonly formOptions: EventFormOptions | null;
  readonly testAnswers: number;
  /** The survey's readable address (/s/<slug>), or null. */
  readonly readableSlug: string | null;
  /** When the day's display link was made (only for those who may change the day), or null. */
  readonly displayCreatedAt: number | null;
}

/** Everything the day's page shows beside the day itself. */
export async function eventPageData(deps: ServiceContext, principal: SessionPrincipal, event: EventRow): Promise<EventPageData> {
  const writes = canWrite(principal, event.regionCode);
  const [regions, programmes, { core, day: own }, formOptions, testAnswers, readableSlug, displayCreatedAt] = await Promise.all([
    listRegions(deps.db),
    listProgrammes(deps.db),
    eventQuestions(deps, event),
    writes ? eventFormOptions(deps, principal) : null,
    writes ? countTestAnswers(deps, event) : 0,
    readableSlugOf(deps, event),
    writes ? displayLinkCreatedAt(deps, event) : null,
  ]);
  return {
    regions,
    programmeName: programmes.find((p) => p.id === event.programmeId)?.name ?? "",
    core,
    own,
    formOptions,
    testAnswers,
    readableSlug,
    displayCreatedAt,
  };
}
