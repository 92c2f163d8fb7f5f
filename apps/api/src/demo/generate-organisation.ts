import type { City } from '../cities/index.js';
import type { Cooperation, Membership } from '../cooperations/index.js';
import type { OzgTopic } from '../reference/index.js';
import type { WorkingGroup, WorkingGroupMember } from '../working-groups/index.js';
import { dayFromIso, type Day } from './calendar.js';
import type { Ids } from './demo-rows.js';
import {
  COOPERATIONS,
  WORKING_GROUPS,
  type CooperationKey,
  type WorkingGroupPlan,
} from './plan-organisation.js';
import type { ProjectPlan } from './plan-projects.js';
import { clamp, Random } from './random.js';
import type { ReferenceData } from './reference-data.js';

export interface DemoCity {
  row: City;
  /** How readily the city takes up shared services: larger cities and a few keen ones lead. */
  affinity: number;
}

export interface DemoMember {
  city: DemoCity;
  joinedOn: Day;
}

export interface DemoCooperation {
  row: Cooperation;
  members: DemoMember[];
}

export interface DemoWorkingGroup {
  row: WorkingGroup;
  plan: WorkingGroupPlan;
  cooperation: DemoCooperation;
}

export interface Organisation {
  topics: OzgTopic[];
  cities: Map<string, DemoCity>;
  cooperations: Map<CooperationKey, DemoCooperation>;
  workingGroups: Map<string, DemoWorkingGroup>;
  memberships: Membership[];
  workingGroupMembers: WorkingGroupMember[];
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`Demo plan: unknown ${what}`);
  }
  return value;
}

/** Cities, cooperations with their members, and working groups with theirs. */
export function generateOrganisation(
  reference: ReferenceData,
  projects: readonly ProjectPlan[],
  ids: Ids,
): Organisation {
  const cities = new Map<string, DemoCity>();
  for (const city of reference.cities) {
    const random = new Random('city', city.ags);
    const affinity = clamp(0.35 * Math.log10(city.population / 60_000) + random.normal(0, 0.25), -0.6, 0.8);
    cities.set(city.name, { row: { id: ids.next('city'), ...city, version: 1 }, affinity });
  }

  const cooperations = new Map<CooperationKey, DemoCooperation>();
  const memberships: Membership[] = [];
  for (const plan of COOPERATIONS) {
    const row: Cooperation = {
      id: ids.next('cooperation'),
      name: plan.name,
      shortName: plan.shortName,
      description: plan.description,
      version: 1,
    };
    const members = reference.cities
      .filter((city) => plan.isMember(city))
      .map((city) => ({
        city: must(cities.get(city.name), `city ${city.name}`),
        joinedOn: dayFromIso(plan.joinedLater[city.name] ?? plan.foundedOn),
      }));
    for (const name of [...Object.keys(plan.roles), ...Object.keys(plan.joinedLater)]) {
      if (!members.some((member) => member.city.row.name === name)) {
        throw new Error(`Demo plan: ${name} is not a member of ${plan.name}`);
      }
    }
    for (const member of members) {
      memberships.push({
        id: ids.next('membership'),
        cooperationId: row.id,
        cityId: member.city.row.id,
        joinedOn: plan.joinedLater[member.city.row.name] ?? plan.foundedOn,
        role: plan.roles[member.city.row.name] ?? null,
        endedOn: null,
        version: 1,
      });
    }
    cooperations.set(plan.key, { row, members });
  }

  const workingGroups = new Map<string, DemoWorkingGroup>();
  const workingGroupMembers: WorkingGroupMember[] = [];
  for (const plan of WORKING_GROUPS) {
    const cooperation = must(cooperations.get(plan.cooperation), `cooperation ${plan.cooperation}`);
    const memberOf = (name: string) => {
      const member = cooperation.members.find((m) => m.city.row.name === name);
      if (!member) {
        throw new Error(
          `Demo plan: ${name} in working group ${plan.key} is not a member of ${cooperation.row.name}`,
        );
      }
      return member;
    };
    const lead = memberOf(plan.leadCity);
    const row: WorkingGroup = {
      id: ids.next('working_group'),
      cooperationId: cooperation.row.id,
      name: plan.name,
      focus: plan.focus,
      description: plan.description,
      leadCityId: lead.city.row.id,
      leadPerson: plan.leadPerson,
      version: 1,
    };
    // The lead and the owners of the group's projects always take part; others join by chance.
    const required = new Set([
      plan.leadCity,
      ...projects.filter((p) => p.workingGroup === plan.key).map((p) => p.owner),
    ]);
    required.forEach(memberOf);
    const random = new Random('working-group', plan.key);
    const members = cooperation.members.filter(
      (member) => plan.everyMember || required.has(member.city.row.name) || random.chance(0.45),
    );
    for (const member of members) {
      workingGroupMembers.push({ workingGroupId: row.id, cityId: member.city.row.id });
    }
    workingGroups.set(plan.key, { row, plan, cooperation });
  }

  return {
    topics: reference.topics.map((topic) => ({ ...topic })),
    cities,
    cooperations,
    workingGroups,
    memberships,
    workingGroupMembers,
  };
}
