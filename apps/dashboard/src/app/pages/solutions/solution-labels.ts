import type { SolutionKind, SolutionStatus } from '../../graphql/generated/graphql';

/** The kinds and statuses in the order the catalogue offers them (PRODUCT.md §5.4). */
export const SOLUTION_KINDS: readonly SolutionKind[] = [
  'ONLINE_SERVICE',
  'STANDARD',
  'COMPONENT',
  'INTERFACE',
  'CONCEPT',
  'POSITION_PAPER',
  'MARKETING_MATERIAL',
];

export const SOLUTION_STATUSES: readonly SolutionStatus[] = ['AVAILABLE', 'IN_DEVELOPMENT', 'DEPRECATED'];

/** Experience ratings, from the best, as the reuse form offers them. */
export const EXPERIENCES: readonly number[] = [5, 4, 3, 2, 1];
