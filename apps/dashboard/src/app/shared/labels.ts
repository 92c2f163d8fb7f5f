import type { BadgeTone } from '@koop/ui';

/** Tone of a project's health; the badge adds symbol and text. */
export const HEALTH_TONES: Record<string, BadgeTone> = { GREEN: 'green', AMBER: 'amber', RED: 'red' };

/** Tone of an adoption stage. */
export const STAGE_TONES: Record<string, BadgeTone> = {
  NOT_PLANNED: 'grey',
  EVALUATING: 'purple',
  PLANNED: 'blue',
  IN_ROLLOUT: 'amber',
  LIVE: 'green',
  DISCONTINUED: 'red',
};

/** Symbols of the adoption stages, so that a matrix cell is readable without colour. */
export const STAGE_SYMBOLS: Record<string, string> = {
  NOT_PLANNED: '–',
  EVALUATING: '?',
  PLANNED: '○',
  IN_ROLLOUT: '◐',
  LIVE: '●',
  DISCONTINUED: '✕',
};
