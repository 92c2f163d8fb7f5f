import type { BadgeTone } from '@koop/ui';

/** Tone of a meeting's state. */
export const STATE_TONES: Record<string, BadgeTone> = {
  DRAFT: 'grey',
  OPEN: 'blue',
  IN_PROGRESS: 'amber',
  CLOSED: 'green',
};

/** Tone of an action item's status (an overdue one is marked red on its own). */
export const STATUS_TONES: Record<string, BadgeTone> = {
  OPEN: 'blue',
  DONE: 'green',
  DROPPED: 'grey',
};
