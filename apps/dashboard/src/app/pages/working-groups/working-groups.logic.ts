/** Healths in the order the badges show them. */
export const HEALTHS = ['GREEN', 'AMBER', 'RED'] as const;
export type Health = (typeof HEALTHS)[number];

export interface HealthCount {
  readonly health: Health;
  readonly count: number;
}

/** How many of the projects have each health, every health listed, also with 0. */
export function countByHealth(projects: readonly { readonly health: string }[]): HealthCount[] {
  return HEALTHS.map((health) => ({
    health,
    count: projects.filter((project) => project.health === health).length,
  }));
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** A copy of `items` in German alphabetical order of `text` (umlauts beside their base letter). */
export function sortByText<T>(items: readonly T[], text: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(text(a), text(b)));
}
