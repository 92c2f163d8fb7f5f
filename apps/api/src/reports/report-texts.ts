import type { AdoptionStage, ProjectHealth, ProjectPhase, WorkingGroupFocus } from '@koop/domain';

// The report is written in German, the dashboard's first language; these are the dashboard's own labels
// (apps/dashboard/public/i18n/de.json, `enum`).

export const PHASE: Record<ProjectPhase, string> = {
  IDEA: 'Idee',
  PLANNED: 'Geplant',
  IN_DEVELOPMENT: 'In Entwicklung',
  PILOT: 'Pilot',
  LIVE: 'Live',
  RETIRED: 'Eingestellt',
};

export const HEALTH: Record<ProjectHealth, string> = {
  GREEN: 'Im Plan',
  AMBER: 'Gefährdet',
  RED: 'Kritisch',
};

export const STAGE: Record<AdoptionStage, string> = {
  NOT_PLANNED: 'Nicht geplant',
  EVALUATING: 'In Prüfung',
  PLANNED: 'Geplant',
  IN_ROLLOUT: 'In Einführung',
  LIVE: 'Live',
  DISCONTINUED: 'Eingestellt',
};

export const FOCUS: Record<WorkingGroupFocus, string> = {
  TECHNICAL: 'Technisch',
  FUNCTIONAL: 'Fachlich',
  STRATEGIC: 'Strategisch',
};

const MONTHS = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

/** `2026-03` as `Mär 2026`, or `Mär` without the year. */
export function monthLabel(month: string, withYear = true): string {
  const name = MONTHS[Number(month.slice(5, 7)) - 1];
  return withYear ? `${name} ${month.slice(0, 4)}` : name;
}

/** `2026-03-09` as `9.3.2026`. */
export function dateLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

/** One formatter per number of digits: making one costs far more than formatting with it. */
const formatters = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let format = formatters.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, format);
  }
  return format;
}

/** A number the German way (1.234,5). */
export const formatNumber = (value: number, digits = 0): string => numberFormat(digits).format(value);

/** A share as percent, one decimal (41,7 %). */
export const formatPercent = (value: number): string => `${numberFormat(1).format(value * 100)} %`;

/** A signed change, `+3`, `−0,25`, `±0`. */
export function formatDelta(value: number, digits = 0, unit = ''): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return `±${numberFormat(digits).format(0)}${unit}`;
  const sign = rounded > 0 ? '+' : '−';
  return `${sign}${numberFormat(digits).format(Math.abs(rounded))}${unit}`;
}
