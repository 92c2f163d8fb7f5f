import { ProjectHealth, ProjectKind, ProjectPhase } from '@koop/domain';
import type { Milestone, Project, StatusUpdate } from '../projects/index.js';
import {
  instant,
  isoDate,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  type Day,
  type Timeline,
} from './calendar.js';
import type { Ids } from './demo-rows.js';
import type { DemoCity, DemoWorkingGroup, Organisation } from './generate-organisation.js';
import { DEFAULT_SERVICE_PLAN, PROJECTS, type Course, type ProjectPlan } from './plan-projects.js';
import { clamp, Random } from './random.js';
import type { ReferenceData } from './reference-data.js';
import { BLOCKERS, MILESTONES, PHASE_ENTERED, PHASE_ONGOING, personName } from './texts.js';

/** The phases in the order a project passes them. */
const PHASES = [
  ProjectPhase.IDEA,
  ProjectPhase.PLANNED,
  ProjectPhase.IN_DEVELOPMENT,
  ProjectPhase.PILOT,
  ProjectPhase.LIVE,
  ProjectPhase.RETIRED,
] as const;
const IN_DEVELOPMENT = 2;
const PILOT = 3;
const LIVE = 4;
const RETIRED = 5;

/** Typical months spent in IDEA, PLANNED, IN_DEVELOPMENT and PILOT, by kind. */
const PHASE_MONTHS: Record<ProjectKind, readonly [number, number, number, number]> = {
  [ProjectKind.ONLINE_SERVICE]: [1.5, 2.5, 8, 3],
  [ProjectKind.PLATFORM]: [2, 3, 10, 4],
  [ProjectKind.STANDARD]: [1.5, 2.5, 7, 3],
  [ProjectKind.CONCEPT]: [1, 2, 5, 2],
  [ProjectKind.POSITION_PAPER]: [1, 1.5, 3, 1.5],
  [ProjectKind.MARKETING]: [1, 2, 3, 1],
};

/** Progress reported in each phase: from the first to the last value of the band. */
const PROGRESS_BANDS: Record<ProjectPhase, readonly [number, number]> = {
  [ProjectPhase.IDEA]: [0, 5],
  [ProjectPhase.PLANNED]: [5, 15],
  [ProjectPhase.IN_DEVELOPMENT]: [15, 75],
  [ProjectPhase.PILOT]: [75, 95],
  [ProjectPhase.LIVE]: [100, 100],
  [ProjectPhase.RETIRED]: [100, 100],
};

const RISKS: readonly string[] = [
  'Abhängigkeit von Basisdiensten des Landes und des Bundes.',
  'Betriebskosten nach Projektende noch nicht verteilt.',
  'Wenige Städte mit freien Kapazitäten für die Erprobung.',
];

const MONTH = 30.44;
const NEVER = Number.POSITIVE_INFINITY;

/** When a project enters each phase, planned and as it happened (or will happen, for later phases). */
export interface Schedule {
  start: Day;
  planned: readonly Day[];
  actual: readonly Day[];
  /** Planned length of each phase in days. */
  plannedLength: readonly number[];
}

export interface DemoProject {
  row: Project;
  plan: ProjectPlan;
  workingGroup: DemoWorkingGroup;
  owner: DemoCity;
  schedule: Schedule;
}

export interface ProjectRows {
  projects: DemoProject[];
  milestones: Milestone[];
  statusUpdates: StatusUpdate[];
}

/** The plans, with one online-service project for every service of services.csv. */
export function projectPlans(reference: ReferenceData): ProjectPlan[] {
  const plans = [...PROJECTS];
  for (const service of reference.services) {
    if (!plans.some((plan) => plan.leikaKey === service.leikaKey)) {
      plans.push({
        key: `service-${service.leikaKey}`,
        kind: ProjectKind.ONLINE_SERVICE,
        leikaKey: service.leikaKey,
        description: `Onlinedienst „${service.nameDe}“ zur Nachnutzung durch die Mitgliedsstädte.`,
        ...DEFAULT_SERVICE_PLAN,
      });
    }
  }
  return plans;
}

function phaseAt(schedule: Schedule, day: Day): number {
  let phase = 0;
  while (phase + 1 < PHASES.length && schedule.actual[phase + 1] <= day) {
    phase += 1;
  }
  return phase;
}

function schedule(plan: ProjectPlan, course: Course, timeline: Timeline, random: Random): Schedule {
  const start = timeline.today - Math.round(plan.startedMonthsAgo * MONTH) + random.int(-10, 10);
  const plannedLength = PHASE_MONTHS[plan.kind].map((months) =>
    Math.round(months * MONTH * random.between(0.8, 1.25)),
  );
  const actualLength = plannedLength.map((length) => Math.round(length * random.between(0.85, 1.2)));
  const planned = [start];
  const actual = [start];
  for (let phase = 0; phase < 4; phase += 1) {
    planned.push(planned[phase] + plannedLength[phase]);
    actual.push(actual[phase] + actualLength[phase]);
  }
  if (course === 'delayed' || course === 'troubled') {
    // Development overruns: it has not finished by today and will take months more.
    const overrunEnd = Math.max(actual[PILOT], timeline.today + random.int(45, 180));
    const shift = overrunEnd - actual[PILOT];
    actual[PILOT] += shift;
    actual[LIVE] += shift;
  }
  // Only a finished campaign or a replaced platform is retired, some months after going live.
  planned.push(planned[LIVE] + Math.round(8 * MONTH));
  if (course === 'retired') {
    const retired = Math.min(actual[LIVE] + random.int(180, 420), timeline.last - random.int(30, 120));
    actual.push(Math.max(retired, actual[LIVE] + 60));
  } else {
    actual.push(NEVER);
  }
  return { start, planned, actual, plannedLength };
}

/** Days of the status updates: one at each change of phase, routine ones in between. */
function updateDays(s: Schedule, timeline: Timeline, random: Random): Day[] {
  const first = s.start >= timeline.start ? s.start : timeline.start + random.int(0, 20);
  const days: Day[] = [];
  const add = (day: Day) => {
    // Updates are written on working days; one that would fall on a weekend waits for Monday.
    let working = workingDayOnOrAfter(day);
    if (working > timeline.last) {
      working = workingDayOnOrBefore(day);
    }
    if (working <= timeline.last && (days.length === 0 || working > days[days.length - 1])) {
      days.push(working);
    }
  };
  add(first);
  let day = first;
  for (;;) {
    const phase = phaseAt(s, day);
    if (phase === RETIRED) {
      break;
    }
    const interval =
      phase === LIVE
        ? random.int(60, 120)
        : phase >= IN_DEVELOPMENT
          ? random.int(21, 42)
          : random.int(28, 56);
    const boundary = s.actual[phase + 1];
    const next = boundary > day && boundary <= day + interval ? boundary : day + interval;
    if (next > timeline.last) {
      break;
    }
    add(next);
    day = next;
  }
  return days;
}

function nextHealth(current: ProjectHealth, late: boolean, course: Course, random: Random): ProjectHealth {
  const roll = random.float();
  if (late) {
    const red = course === 'troubled' ? 0.3 : 0.1;
    return roll < red ? ProjectHealth.RED : roll < 0.85 ? ProjectHealth.AMBER : ProjectHealth.GREEN;
  }
  switch (current) {
    case ProjectHealth.GREEN:
      return roll < 0.08 ? ProjectHealth.AMBER : ProjectHealth.GREEN;
    case ProjectHealth.AMBER:
      return roll < 0.55 ? ProjectHealth.GREEN : roll < 0.65 ? ProjectHealth.RED : ProjectHealth.AMBER;
    case ProjectHealth.RED:
      return roll < 0.6 ? ProjectHealth.AMBER : ProjectHealth.RED;
  }
}

/** Projects with their milestones and their history of status updates, up to yesterday. */
export function generateProjects(
  organisation: Organisation,
  reference: ReferenceData,
  plans: readonly ProjectPlan[],
  timeline: Timeline,
  ids: Ids,
): ProjectRows {
  const projects: DemoProject[] = [];
  const milestones: Milestone[] = [];
  const statusUpdates: StatusUpdate[] = [];

  for (const plan of plans) {
    const random = new Random('project', plan.key);
    const course = plan.course ?? 'steady';
    const workingGroup = organisation.workingGroups.get(plan.workingGroup);
    const owner = organisation.cities.get(plan.owner);
    if (!workingGroup || !owner) {
      throw new Error(`Demo plan: project ${plan.key} names an unknown working group or owner`);
    }
    const service = plan.leikaKey ? reference.services.find((s) => s.leikaKey === plan.leikaKey) : undefined;
    if (plan.leikaKey && !service) {
      throw new Error(
        `Demo plan: project ${plan.key} names LeiKa key ${plan.leikaKey}, which services.csv lacks`,
      );
    }
    const title = plan.title ?? service?.nameDe;
    if (!title) {
      throw new Error(`Demo plan: project ${plan.key} has no title`);
    }
    const s = schedule(plan, course, timeline, random);
    const projectId = ids.next('project');
    const lead = personName((items) => random.pick(items));

    // The history: phase, health and progress as they stood on each update day.
    let health = ProjectHealth.GREEN;
    let progress = 0;
    let blocker: string | null = null;
    let previousPhase: number | null = null;
    const days = updateDays(s, timeline, random);
    const troubledFrom = days.length - random.int(2, 3);
    days.forEach((day, index) => {
      const phase = phaseAt(s, day);
      const late = phase < LIVE && day > s.planned[phase + 1] + 14;
      health = nextHealth(health, late, course, random);
      if (phase >= LIVE) {
        // Once running, a project rarely reports trouble.
        health = random.chance(0.95) ? ProjectHealth.GREEN : ProjectHealth.AMBER;
      }
      if (course === 'delayed' && index === days.length - 1) {
        health = ProjectHealth.AMBER;
      }
      if (course === 'troubled' && index >= troubledFrom) {
        health = ProjectHealth.RED;
      }
      const [low, high] = PROGRESS_BANDS[PHASES[phase]];
      const share = phase < LIVE ? clamp((day - s.actual[phase]) / s.plannedLength[phase], 0, 0.9) : 1;
      const reported = Math.round((low + (high - low) * share + random.normal(0, 2)) / 5) * 5;
      progress = Math.max(progress, clamp(reported, low, high));
      blocker = health === ProjectHealth.GREEN ? null : (blocker ?? random.pick(BLOCKERS));

      const stockTaking = index === 0 && s.start < timeline.start;
      const entered = previousPhase !== phase && !stockTaking;
      const text = random.pick((entered ? PHASE_ENTERED : PHASE_ONGOING)[PHASES[phase]]);
      previousPhase = phase;
      statusUpdates.push({
        id: ids.next('status_update'),
        projectId,
        createdAt: instant(day, random.int(8 * 60, 17 * 60)),
        author: random.chance(0.8) ? lead : workingGroup.plan.leadPerson,
        phase: PHASES[phase],
        health,
        progress,
        summary: stockTaking ? `Stand bei Einführung des Kooperationscockpits: ${text}` : text,
        blockers: blocker,
      });
    });
    const latest = statusUpdates[statusUpdates.length - 1];
    if (days.length === 0 || latest.projectId !== projectId) {
      throw new Error(`Demo plan: project ${plan.key} starts too late to have a status update`);
    }

    for (const milestone of MILESTONES[plan.kind]) {
      if (milestone.at >= RETIRED && course !== 'retired') {
        continue;
      }
      const at = Math.floor(milestone.at);
      const half = milestone.at - at;
      const due = half > 0 ? s.planned[at] + Math.round(half * s.plannedLength[at]) : s.planned[at];
      const reached =
        half > 0 ? s.actual[at] + Math.round(half * (s.actual[at + 1] - s.actual[at])) : s.actual[at];
      milestones.push({
        id: ids.next('milestone'),
        projectId,
        title: milestone.title,
        dueOn: isoDate(due),
        doneOn: reached <= timeline.last ? isoDate(workingDayOnOrBefore(reached)) : null,
        version: 1,
      });
    }

    const risks =
      plan.risks ??
      (latest.health !== ProjectHealth.GREEN || random.chance(0.15) ? random.pick(RISKS) : null);
    projects.push({
      row: {
        id: projectId,
        workingGroupId: workingGroup.row.id,
        ownerCityId: owner.row.id,
        title,
        description: plan.description,
        kind: plan.kind,
        phase: latest.phase,
        health: latest.health,
        progress: latest.progress,
        startDate: isoDate(s.start),
        targetDate: isoDate(s.planned[LIVE]),
        leikaKey: plan.leikaKey ?? null,
        ozgTopic: service ? service.ozgTopic : (plan.ozgTopic ?? null),
        isEfa: plan.isEfa ?? false,
        risks,
        updatedAt: latest.createdAt,
        version: days.length,
      },
      plan,
      workingGroup,
      owner,
      schedule: s,
    });
  }
  return { projects, milestones, statusUpdates };
}
