import { ProjectPhase } from './enums.js';

/** Days without a status update after which a project counts as stale: its state may no longer be true. */
export const STALE_AFTER_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Phases in which a project has reached its target: a past target date is then no longer a delay. */
const FINISHED_PHASES: readonly ProjectPhase[] = [ProjectPhase.LIVE, ProjectPhase.RETIRED];

/** What a project's state leaves out and a reader should be warned about. */
export interface ProjectFlags {
  /** Its target date has passed and it has not reached it (not live, not retired, not at 100 %). */
  readonly overdue: boolean;
  /** It has had no status update for STALE_AFTER_DAYS days (retired projects are not kept up to date). */
  readonly stale: boolean;
  /** It is retired: its health and progress describe the time it ran, not now. */
  readonly retired: boolean;
}

export interface ProjectState {
  readonly phase: ProjectPhase | `${ProjectPhase}`;
  readonly progress: number;
  /** YYYY-MM-DD or null. */
  readonly targetDate: string | null;
  /** When the latest status update was written (ISO 8601), or null when there is none. */
  readonly lastStatusUpdateAt: string | null;
}

/** Whether a project is overdue, stale or retired on `today` (YYYY-MM-DD, the user's day) at `now`. */
export function projectFlags(project: ProjectState, today: string, now: Date = new Date()): ProjectFlags {
  const retired = project.phase === ProjectPhase.RETIRED;
  const finished = FINISHED_PHASES.includes(project.phase as ProjectPhase) || project.progress >= 100;
  const overdue = !finished && project.targetDate !== null && project.targetDate < today;
  const lastUpdate = project.lastStatusUpdateAt === null ? null : Date.parse(project.lastStatusUpdateAt);
  const stale = !retired && (lastUpdate === null || now.getTime() - lastUpdate >= STALE_AFTER_DAYS * DAY_MS);
  return { overdue, stale, retired };
}

/** Whole days since the latest status update, or null when there is none. */
export function daysSince(instant: string | null, now: Date = new Date()): number | null {
  return instant === null ? null : Math.floor((now.getTime() - Date.parse(instant)) / DAY_MS);
}
