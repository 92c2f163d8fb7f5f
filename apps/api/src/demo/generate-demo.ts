import { timelineFor } from './calendar.js';
import type { DemoRows, Ids } from './demo-rows.js';
import { generateAdoptions } from './generate-adoptions.js';
import { generateOrganisation } from './generate-organisation.js';
import { generateProjects, projectPlans } from './generate-projects.js';
import { generateSatisfaction } from './generate-satisfaction.js';
import type { ReferenceData } from './reference-data.js';

/**
 * All rows of the demo for a seeding at `now`: three years of history up to yesterday. A pure function
 * of the reference data, the day of `now` and the ids it starts from.
 */
export function generateDemo(reference: ReferenceData, now: Date, ids: Ids): DemoRows {
  const timeline = timelineFor(now);
  const plans = projectPlans(reference);
  const organisation = generateOrganisation(reference, plans, ids);
  const { projects, milestones, statusUpdates } = generateProjects(
    organisation,
    reference,
    plans,
    timeline,
    ids,
  );
  const { adoptions, adoptionChanges, liveSpans } = generateAdoptions(projects, timeline, ids);
  return {
    topics: organisation.topics,
    cities: [...organisation.cities.values()].map((city) => city.row),
    cooperations: [...organisation.cooperations.values()].map((cooperation) => cooperation.row),
    memberships: organisation.memberships,
    workingGroups: [...organisation.workingGroups.values()].map((group) => group.row),
    workingGroupMembers: organisation.workingGroupMembers,
    projects: projects.map((project) => project.row),
    milestones,
    statusUpdates,
    adoptions,
    adoptionChanges,
    satisfaction: generateSatisfaction(liveSpans, timeline, ids),
  };
}
