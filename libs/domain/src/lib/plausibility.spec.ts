import { AdoptionStage, ProjectPhase } from './enums.js';
import { adoptionWarnings, AdoptionWarningCode, isPlausiblyLive } from './plausibility.js';

describe('plausibility of adoptions', () => {
  it('warns about a LIVE adoption of a service whose project is not live', () => {
    for (const phase of Object.values(ProjectPhase).filter((p) => p !== ProjectPhase.LIVE)) {
      expect(adoptionWarnings(AdoptionStage.LIVE, phase)).toEqual([AdoptionWarningCode.PROJECT_NOT_LIVE]);
      expect(isPlausiblyLive(AdoptionStage.LIVE, phase)).toBe(false);
    }
  });

  it('accepts a LIVE adoption of a live service, and any other stage whatever the phase', () => {
    expect(adoptionWarnings(AdoptionStage.LIVE, ProjectPhase.LIVE)).toEqual([]);
    expect(isPlausiblyLive(AdoptionStage.LIVE, ProjectPhase.LIVE)).toBe(true);
    expect(adoptionWarnings(AdoptionStage.IN_ROLLOUT, ProjectPhase.IN_DEVELOPMENT)).toEqual([]);
    expect(isPlausiblyLive(AdoptionStage.IN_ROLLOUT, ProjectPhase.LIVE)).toBe(false);
  });
});
