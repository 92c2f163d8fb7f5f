import {
  AdoptionSource,
  AdoptionStage,
  MATURITY_MODELS,
  ProjectKind,
  type MaturityModel,
} from '@koop/domain';
import type { Adoption, AdoptionChange } from '../adoptions/index.js';
import {
  dayFromIso,
  dayOf,
  instant,
  isoDate,
  workingDayOnOrAfter,
  type Day,
  type Timeline,
} from './calendar.js';
import type { Ids } from './demo-rows.js';
import type { DemoCity, DemoMember } from './generate-organisation.js';
import type { DemoProject } from './generate-projects.js';
import { clamp, Random } from './random.js';
import { ADOPTION_NOTES } from './texts.js';

/** OZG maturity model 2.0 has been in use since July 2025; older assessments use model 1.1. */
const MODEL_2_FROM = dayFromIso('2025-07-01');

interface Event {
  day: Day;
  stage: AdoptionStage;
  /** Maturity raised within the stage (an extra integration went live). */
  raised?: boolean;
  /** A re-assessment that switches the adoption to maturity model 2.0. */
  reassessed?: boolean;
}

interface State {
  day: Day;
  stage: AdoptionStage;
  raised: boolean;
  model: MaturityModel;
  liveSince: Day | null;
  note: string | null;
}

/** A time in which a city ran a service: from its live date to the day it stopped (or still running). */
export interface LiveSpan {
  project: DemoProject;
  city: DemoCity;
  from: Day;
  until: Day | null;
}

export interface AdoptionRows {
  adoptions: Adoption[];
  adoptionChanges: AdoptionChange[];
  liveSpans: LiveSpan[];
}

/** The stages a city passes through with a service, on the days they would happen (future ones too). */
function trajectory(project: DemoProject, member: DemoMember, random: Random): Event[] {
  const { actual } = project.schedule;
  const [, , development, pilot, live] = actual;
  if (member.city === project.owner) {
    const planned = development + random.int(0, 20);
    return [
      { day: planned, stage: AdoptionStage.PLANNED },
      { day: Math.max(planned + 10, pilot - random.int(20, 45)), stage: AdoptionStage.IN_ROLLOUT },
      { day: pilot, stage: AdoptionStage.LIVE },
      ...(random.chance(0.4)
        ? [{ day: pilot + random.int(120, 400), stage: AdoptionStage.LIVE, raised: true }]
        : []),
    ];
  }
  if (!random.chance(0.92)) {
    return [];
  }
  const base = Math.max(development, member.joinedOn);
  const evaluating =
    base + Math.round(random.between(0.2, 1) * (pilot - development) + random.exponential(30));
  const events: Event[] = [{ day: evaluating, stage: AdoptionStage.EVALUATING }];
  if (random.chance(0.1)) {
    events.push({ day: evaluating + random.int(30, 120), stage: AdoptionStage.NOT_PLANNED });
    return events;
  }
  const planned = evaluating + random.int(30, 150);
  events.push({ day: planned, stage: AdoptionStage.PLANNED });
  if (random.chance(0.08)) {
    return events;
  }
  // Keen and large cities follow soon after the service is released; EfA subscriptions are quicker.
  const lag = random.exponential(240 * Math.exp(-member.city.affinity) * (project.row.isEfa ? 0.7 : 1));
  const rollout = Math.max(planned + random.int(30, 90), live + Math.round(lag));
  const liveDay = rollout + random.int(60, 200);
  events.push({ day: rollout, stage: AdoptionStage.IN_ROLLOUT }, { day: liveDay, stage: AdoptionStage.LIVE });
  if (random.chance(0.25)) {
    events.push({ day: liveDay + random.int(120, 400), stage: AdoptionStage.LIVE, raised: true });
  }
  if (random.chance(0.03)) {
    events.push({ day: liveDay + random.int(180, 500), stage: AdoptionStage.DISCONTINUED });
  }
  return events;
}

/** Maturity of a stage in each model (model 2.0 has finer levels, 0–7). */
function maturity(model: MaturityModel, stage: AdoptionStage, baseline: number, raised: boolean): number {
  const lift = raised ? 1 : 0;
  const level =
    stage === AdoptionStage.LIVE
      ? (model === '1.1' ? 3 : 4) + lift
      : stage === AdoptionStage.IN_ROLLOUT
        ? 2
        : baseline;
  return clamp(level, 0, MATURITY_MODELS[model]);
}

function sourceOf(project: DemoProject, city: DemoCity, stage: AdoptionStage): AdoptionSource | null {
  if (stage === AdoptionStage.EVALUATING || stage === AdoptionStage.NOT_PLANNED) {
    return null;
  }
  if (city === project.owner) {
    return AdoptionSource.OWN_BUILD;
  }
  return project.row.isEfa ? AdoptionSource.EFA_SUBSCRIPTION : AdoptionSource.REUSED_FROM_PARTNER;
}

/**
 * Adoptions of the online services by the member cities of their cooperation: each change in the
 * history table with its (backdated) time, the adoption row in its latest state.
 */
export function generateAdoptions(
  projects: readonly DemoProject[],
  timeline: Timeline,
  ids: Ids,
): AdoptionRows {
  const adoptions: Adoption[] = [];
  const adoptionChanges: AdoptionChange[] = [];
  const liveSpans: LiveSpan[] = [];

  for (const project of projects) {
    if (project.row.kind !== ProjectKind.ONLINE_SERVICE) {
      continue;
    }
    for (const member of project.workingGroup.cooperation.members) {
      const city = member.city;
      const random = new Random('adoption', project.plan.key, city.row.ags);
      const events = trajectory(project, member, random);
      const baseline = random.chance(0.8) ? 1 : 0;
      const switchesTo2 = random.chance(0.55) ? MODEL_2_FROM + random.int(0, 480) : null;
      if (switchesTo2 !== null) {
        events.push({ day: switchesTo2, stage: AdoptionStage.LIVE, reassessed: true });
      }
      events.sort((a, b) => a.day - b.day);

      // Replay the events up to yesterday.
      const states: State[] = [];
      let stage: AdoptionStage | null = null;
      let raised = false;
      let liveSince: Day | null = null;
      let model: MaturityModel = '1.1';
      for (const event of events) {
        const current = stage;
        if ((event.raised || event.reassessed) && current !== AdoptionStage.LIVE) {
          continue;
        }
        const day = workingDayOnOrAfter(Math.max(event.day, (states.at(-1)?.day ?? -1) + 1));
        if (day > timeline.last) {
          break;
        }
        if (event.stage === AdoptionStage.LIVE && current !== AdoptionStage.LIVE) {
          liveSince = day;
        }
        stage = event.stage;
        raised = raised || event.raised === true;
        if (switchesTo2 !== null && day >= switchesTo2) {
          model = '2.0';
        }
        const note = event.reassessed
          ? 'Neu bewertet nach Reifegradmodell 2.0.'
          : event.raised
            ? 'Rückkanal ins Postfach und Nachweisabruf angebunden.'
            : random.chance(0.3)
              ? random.pick(ADOPTION_NOTES[stage] ?? [null])
              : null;
        states.push({
          day,
          stage,
          raised,
          model,
          liveSince: stage === AdoptionStage.LIVE ? liveSince : null,
          note,
        });
      }

      // What happened before the cockpit existed is recorded once, as a stock-taking in its first weeks.
      const stockTaking = workingDayOnOrAfter(timeline.start + random.int(1, 25));
      const earlier = states.filter((state) => state.day <= stockTaking);
      const recorded = states.filter((state) => state.day > stockTaking);
      const taken = earlier.at(-1);
      if (taken) {
        recorded.unshift({
          ...taken,
          day: stockTaking,
          note: 'Bestandsaufnahme bei Einführung des Kooperationscockpits.',
        });
      }
      if (recorded.length === 0) {
        continue;
      }
      const adoptionId = ids.next('adoption');
      const changes: AdoptionChange[] = recorded.map((state, index) => ({
        id: ids.next('adoption_change'),
        adoptionId,
        projectId: project.row.id,
        cityId: city.row.id,
        recordedAt: instant(state.day, random.int(7 * 60, 18 * 60)),
        stage: state.stage,
        maturityModel: state.model,
        maturityLevel: maturity(state.model, state.stage, baseline, state.raised),
        liveSince: state.liveSince === null ? null : isoDate(state.liveSince),
        source: sourceOf(project, city, state.stage),
        notes: state.note,
        version: index + 1,
        // The demo's history is generated, not recorded through recordAdoption, which alone gives warnings.
        warnings: null,
      }));
      const latest = changes[changes.length - 1];
      adoptions.push({
        id: adoptionId,
        projectId: project.row.id,
        cityId: city.row.id,
        stage: latest.stage,
        maturityModel: latest.maturityModel,
        maturityLevel: latest.maturityLevel,
        liveSince: latest.liveSince,
        source: latest.source,
        notes: latest.notes,
        updatedAt: latest.recordedAt,
        version: changes.length,
      });
      adoptionChanges.push(...changes);
      liveSpans.push(...spans(project, city, changes));
    }
  }
  return { adoptions, adoptionChanges, liveSpans };
}

function spans(project: DemoProject, city: DemoCity, changes: readonly AdoptionChange[]): LiveSpan[] {
  const result: LiveSpan[] = [];
  let open: LiveSpan | null = null;
  for (const change of changes) {
    if (change.stage === AdoptionStage.LIVE && change.liveSince && !open) {
      open = { project, city, from: dayFromIso(change.liveSince), until: null };
      result.push(open);
    } else if (change.stage !== AdoptionStage.LIVE && open) {
      open.until = dayOf(change.recordedAt);
      open = null;
    }
  }
  return result;
}
