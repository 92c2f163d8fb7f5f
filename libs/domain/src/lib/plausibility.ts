import { AdoptionStage, ProjectPhase } from './enums.js';

/**
 * Doubts about an adoption that do not stop it being recorded: the city may know better than the
 * project's last status update, but whoever reads the figures should know.
 */
export enum AdoptionWarningCode {
  /** Recorded as LIVE while the service's project is not LIVE (still being built, piloted or retired). */
  PROJECT_NOT_LIVE = 'PROJECT_NOT_LIVE',
}

/** A city runs a service live only once its project is live: before (or after) that, "LIVE" is doubtful. */
export function isPlausiblyLive(
  stage: AdoptionStage | `${AdoptionStage}`,
  projectPhase: ProjectPhase | `${ProjectPhase}`,
): boolean {
  return stage === AdoptionStage.LIVE && projectPhase === ProjectPhase.LIVE;
}

/** The doubts about an adoption at `stage` of a service whose project is in `projectPhase`. */
export function adoptionWarnings(
  stage: AdoptionStage | `${AdoptionStage}`,
  projectPhase: ProjectPhase | `${ProjectPhase}`,
): AdoptionWarningCode[] {
  return stage === AdoptionStage.LIVE && projectPhase !== ProjectPhase.LIVE
    ? [AdoptionWarningCode.PROJECT_NOT_LIVE]
    : [];
}
