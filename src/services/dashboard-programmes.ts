import type * as v from "valibot";
import type { ServiceContext } from "./context";
import type { ProgrammeComparisonResponse, ProgrammeSide, ProgrammeSummary } from "../api-types";
import { groupFigures, NO_EVENTS, regroupPairs } from "../domain/analytics";
import type { Localized } from "../domain/lang";
import { localisedNames } from "../domain/localised-name";
import { AppError } from "../http/errors";
import { getProgramme, listThemes } from "../queries/programmes";
import { listRegions } from "../queries/regions";
import { gradeSumsBy, publishedEvents, type ReportedEvent } from "../queries/grade-sums";
import type { ProgrammeComparisonQuery } from "../http/schemas";

type Query = v.InferOutput<typeof ProgrammeComparisonQuery>;

/** One programme's figures from one grouped read: overall, by theme id and by region (null: national days). */
async function programmeFigures(deps: ServiceContext, programmeId: number) {
  const filter = { regions: "all" as const, programmeId };
  const [pairs, reported, themes] = await Promise.all([
    gradeSumsBy(deps.db, filter, "regionAndTheme", deps.now()),
    publishedEvents(deps.db, filter),
    listThemes(deps.db, programmeId),
  ]);
  const { byFirst, bySecond, total } = regroupPairs(pairs);
  const pool = (sums: typeof total | undefined, published: readonly ReportedEvent[]): ProgrammeSide | null =>
    (sums?.days ?? 0) === 0 ? null : groupFigures(sums ?? NO_EVENTS, published);
  return {
    overall: groupFigures(total, reported),
    themes: themes.map((t) => ({
      theme: t,
      figures: pool(
        bySecond.get(t.id),
        reported.filter((r) => r.themeId === t.id),
      ),
    })),
    regions: new Map(
      [...byFirst.entries()].map(
        ([code, sums]) =>
          [
            code,
            pool(
              sums,
              reported.filter((r) => r.regionCode === code),
            ),
          ] as const,
      ),
    ),
  };
}

/** A theme's key across programmes: its Finnish name, trimmed and case-folded (themes belong to one programme). */
const themeKey = (nameFi: string) => nameFi.trim().toLocaleLowerCase("fi");

/**
 * Two programmes side by side for the national team: overall, by theme (matched by name) and by
 * region, each side a pool exactly as a region's figure (groupFigures: day-clustered CI over k days,
 * published days apart, small n and demo flagged). Unknown programmes are 404.
 */
export async function programmeComparison(deps: ServiceContext, q: Query): Promise<ProgrammeComparisonResponse> {
  const [first, second] = await Promise.all([getProgramme(deps.db, q.programme), getProgramme(deps.db, q.compare)]);
  if (!first || !second) throw new AppError("not_found");
  const [a, b, regions] = await Promise.all([programmeFigures(deps, first.id), programmeFigures(deps, second.id), listRegions(deps.db)]);
  const summary = (p: NonNullable<typeof first>): ProgrammeSummary => ({
    id: p.id,
    name: p.name,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    isDemo: p.isDemo,
  });

  const themeRows = new Map<string, ProgrammeComparisonResponse["themes"][number]>();
  for (const [side, figures] of [a, b].entries()) {
    for (const { theme, figures: pool } of figures.themes) {
      if (pool === null) continue;
      const key = themeKey(theme.nameFi);
      const row = themeRows.get(key) ?? { name: localisedNames(theme), themeIds: [null, null], figures: [null, null] };
      row.themeIds[side] = theme.id;
      row.figures[side] = pool;
      themeRows.set(key, row);
    }
  }

  const codes = new Set([...a.regions.keys(), ...b.regions.keys()]);
  const names = new Map<string, Localized>(regions.map((r) => [r.code, localisedNames(r)]));
  const regionRows = [...codes]
    .filter((code) => (a.regions.get(code) ?? null) !== null || (b.regions.get(code) ?? null) !== null)
    // National days (null) first, then regions by code.
    .sort((x, y) => (x === null ? -1 : y === null ? 1 : x.localeCompare(y)))
    .map((code) => ({
      code,
      name: code === null ? null : (names.get(code) ?? null),
      figures: [a.regions.get(code) ?? null, b.regions.get(code) ?? null] as [ProgrammeSide | null, ProgrammeSide | null],
    }));

  return {
    programmes: [summary(first), summary(second)],
    overall: [a.overall, b.overall],
    themes: [...themeRows.values()],
    regions: regionRows,
  };
}
