/** Population bands used to compare cities of similar size. */
export const SIZE_BANDS = [
  { key: 'S', min: 0, max: 49_999 },
  { key: 'M', min: 50_000, max: 99_999 },
  { key: 'L', min: 100_000, max: 499_999 },
  { key: 'XL', min: 500_000, max: Number.MAX_SAFE_INTEGER },
] as const;
export type SizeBand = (typeof SIZE_BANDS)[number]['key'];

/** The size band a city of `population` inhabitants belongs to. */
export function sizeBandOf(population: number): SizeBand {
  const band = SIZE_BANDS.find((b) => population >= b.min && population <= b.max);
  return (band ?? SIZE_BANDS[SIZE_BANDS.length - 1]).key;
}

/** Share of possible adoptions that are live; 0 when nothing could be adopted. */
export function adoptionRate(liveAdoptions: number, memberCities: number, onlineServices: number): number {
  const possible = memberCities * onlineServices;
  return possible === 0 ? 0 : liveAdoptions / possible;
}

/** Completion rate of online transactions; null when none were started. */
export function completionRate(completed: number, started: number): number | null {
  return started > 0 ? completed / started : null;
}
