/**
 * "The rest of the country" for a region: the sum of every other region's group, in one place.
 * Days without a region (the national kick-off) are not a region and are never in it, and neither
 * is the region itself. Sums are added rather than subtracted from a national total, so nothing
 * is lost to cancellation. Disclosure rules for restricted readers apply on top of this pool.
 */
export function restOfCountry<S>(byRegion: ReadonlyMap<string | null, S>, region: string, add: (a: S, b: S) => S, zero: S): S {
  let rest = zero;
  for (const [code, sums] of byRegion) if (code !== null && code !== region) rest = add(rest, sums);
  return rest;
}
