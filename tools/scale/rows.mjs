// Generates the rows of a scale tier, table by table, and hands each row to `put(table, values)` as soon
// as it exists, so that millions of rows never sit in memory together. Parents come before children:
// a caller that writes in batches must write each table's pending rows before its children's (see PARENTS).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  ADOPTION_NOTES,
  BLOCKERS,
  DISTRICTS,
  FIRST_NAMES,
  LAST_NAMES,
  MILESTONE_TITLES,
  OTHER_LAENDER,
  OTHER_PROJECT_KINDS,
  OTHER_PROJECT_TOPICS,
  PLACE_PREFIXES,
  PLACE_QUALIFIERS,
  PLACE_STEMS,
  PLACE_SUFFIXES,
  SERVICE_ACTIONS,
  SERVICE_OBJECTS,
  STATUS_SUMMARIES,
  WORKING_GROUP_NAMES,
} from './names.mjs';
import { clamp, Random } from './random.mjs';
import { COOPERATION_NAMES } from './tiers.mjs';

/** The columns written to each table. `id` is given only where other rows refer to it. */
export const COLUMNS = {
  ozg_topic: ['key', 'nameDe', 'nameEn'],
  city: ['id', 'name', 'ags', 'population', 'district', 'kind'],
  cooperation: ['id', 'name', 'shortName', 'description'],
  membership: ['cooperationId', 'cityId', 'joinedOn', 'role'],
  working_group: [
    'id',
    'cooperationId',
    'name',
    'focus',
    'description',
    'leadCityId',
    'leadPerson',
    'version',
  ],
  working_group_member: ['workingGroupId', 'cityId'],
  project: [
    'id',
    'workingGroupId',
    'ownerCityId',
    'title',
    'description',
    'kind',
    'phase',
    'health',
    'progress',
    'startDate',
    'targetDate',
    'leikaKey',
    'ozgTopic',
    'isEfa',
    'risks',
    'updatedAt',
    'version',
  ],
  milestone: ['projectId', 'title', 'dueOn', 'doneOn'],
  status_update: ['projectId', 'createdAt', 'author', 'phase', 'health', 'progress', 'summary', 'blockers'],
  adoption: [
    'id',
    'projectId',
    'cityId',
    'stage',
    'maturityModel',
    'maturityLevel',
    'liveSince',
    'source',
    'notes',
    'updatedAt',
    'version',
  ],
  adoption_change: [
    'adoptionId',
    'projectId',
    'cityId',
    'recordedAt',
    'stage',
    'maturityModel',
    'maturityLevel',
    'liveSince',
    'source',
    'notes',
    'version',
  ],
  satisfaction: [
    'projectId',
    'cityId',
    'month',
    'ratingsCount',
    'averageRating',
    'nps',
    'transactionsStarted',
    'transactionsCompleted',
    'visits',
    'updatedAt',
    'version',
  ],
};

/** Tables whose ids the generator gives (PostgreSQL's sequences must be moved past them afterwards). */
export const NUMBERED_TABLES = ['city', 'cooperation', 'working_group', 'project', 'adoption'];

/** A table whose rows refer to rows of another that may still be waiting in a batch. */
export const PARENTS = {
  working_group_member: 'working_group',
  status_update: 'project',
  milestone: 'project',
  adoption_change: 'adoption',
};

const REFERENCE = fileURLToPath(new URL('../../apps/api/src/demo/reference/', import.meta.url));
const readCsv = (name) =>
  parse(readFileSync(`${REFERENCE}${name}`), { columns: true, skip_empty_lines: true });

// ---- calendar, in whole days since 1970-01-01 (UTC) ----
const DAY_MS = 86_400_000;
export const dayFromIso = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoCache = new Map();
export function isoDate(day) {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}
function addYears(day, years) {
  const date = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / DAY_MS);
}
/** Months counted from year 0: the index of the month of `day`. */
const monthIndexOf = (day) => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};
const monthKey = (index) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const monthFirstDay = (index) => Math.floor(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS);

/** OZG maturity model 2.0 has been in use since July 2025. */
const MODEL_2_FROM = dayFromIso('2025-07-01');

const PHASES_SERVICE = ['PLANNED', 'IN_DEVELOPMENT', 'PILOT', 'LIVE'];
const PHASES_OTHER = ['IDEA', 'PLANNED', 'IN_DEVELOPMENT', 'LIVE'];
const FOCUSES = ['TECHNICAL', 'FUNCTIONAL', 'STRATEGIC'];

/** The stages an adoption passes through to reach its current one. */
const CHAINS = {
  EVALUATING: ['EVALUATING'],
  NOT_PLANNED: ['EVALUATING', 'NOT_PLANNED'],
  PLANNED: ['EVALUATING', 'PLANNED'],
  IN_ROLLOUT: ['EVALUATING', 'PLANNED', 'IN_ROLLOUT'],
  LIVE: ['EVALUATING', 'PLANNED', 'IN_ROLLOUT', 'LIVE'],
  DISCONTINUED: ['EVALUATING', 'PLANNED', 'IN_ROLLOUT', 'LIVE', 'DISCONTINUED'],
};
/** Current stages of the cities' adoptions, by the phase of the service. */
const STAGES_LIVE_SERVICE = {
  LIVE: 0.5,
  IN_ROLLOUT: 0.1,
  PLANNED: 0.14,
  EVALUATING: 0.15,
  NOT_PLANNED: 0.08,
  DISCONTINUED: 0.03,
};
const STAGES_PILOT = { IN_ROLLOUT: 0.2, PLANNED: 0.3, EVALUATING: 0.4, NOT_PLANNED: 0.1 };
const STAGES_EARLY = { EVALUATING: 0.6, PLANNED: 0.25, NOT_PLANNED: 0.15 };
/** How many of the states that led to the current one were recorded in the cockpit's three years. */
const RECORDED_STATES = { 1: 0.38, 2: 0.36, 3: 0.18, 4: 0.08 };
/** Share of member × service pairs that have an adoption record at all. */
const FILL = 0.95;

function cityName(random, taken) {
  const base = `${random.pick(PLACE_PREFIXES)}${random.pick(PLACE_STEMS)}${random.pick(PLACE_SUFFIXES)}`;
  // "Bad " and "Markt " keep their stem capitalised; a bare prefix glues on in lower case.
  const name = base.replace(
    /^(Ober|Unter|Nieder|Groß|Klein|Alt|Neu)(\p{Lu})/u,
    (_, p, c) => p + c.toLowerCase(),
  );
  for (const candidate of [name, `${name} ${random.pick(PLACE_QUALIFIERS)}`]) {
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  return name; // real Bavaria has its duplicates too
}

/** Real cities of the reference data, then synthetic ones with unique AGS, up to `count`. */
function generateCities(tier) {
  const random = new Random('cities');
  const real = readCsv('cities-bavaria.csv').map((row) => ({
    name: row.name,
    ags: row.ags,
    population: Number(row.population),
    district: row.district,
    kind: row.kind,
  }));
  const taken = new Set(real.map((city) => city.name));
  const cities = real.slice(0, tier.municipalities);
  const regions = [];
  const bavarian = Math.min(tier.municipalities, 2056) - cities.length;
  for (let i = 0; i < bavarian; i += 1) {
    regions.push({ prefix: `09${(i % 7) + 1}`, district: DISTRICTS[i % 7] });
  }
  const others = tier.municipalities - cities.length - regions.length;
  if (others > 0) {
    const totalWeight = OTHER_LAENDER.reduce((sum, land) => sum + land.weight, 0);
    for (let i = 0; i < others; i += 1) {
      // Spread evenly by weight: the i-th lands where the cumulative share first exceeds (i + 0.5) / n.
      let target = ((i + 0.5) / others) * totalWeight;
      const land = OTHER_LAENDER.find((candidate) => (target -= candidate.weight) < 0) ?? OTHER_LAENDER[0];
      regions.push({ prefix: `${land.key}0`, district: land.name });
    }
  }
  const perPrefix = new Map();
  for (const region of regions) {
    const n = perPrefix.get(region.prefix) ?? 0;
    perPrefix.set(region.prefix, n + 1);
    // Kreis 71 onwards and Gemeinde 100–899: never "000", the ending of the real kreisfreie Städte.
    const ags = `${region.prefix}${71 + Math.floor(n / 800)}${100 + (n % 800)}`;
    const population = Math.round(clamp(Math.exp(random.normal(8.1, 0.9)), 250, 120_000));
    cities.push({
      name: cityName(random, taken),
      ags,
      population,
      district: region.district,
      kind: population > 20_000 && random.chance(0.6) ? 'Große Kreisstadt' : 'Gemeinde',
    });
  }
  return cities.map((city, index) => ({
    ...city,
    id: index + 1,
    asksNps: random.chance(0.5),
  }));
}

/** The catalogue of online services: the real ones of the reference data, then synthetic ones. */
function serviceCatalogue(count) {
  const random = new Random('services');
  const real = readCsv('services.csv').map((row) => ({
    title: row.name_de,
    leika: row.leika || null,
    topic: row.ozg_topic || null,
  }));
  const titles = new Set(real.map((service) => service.title));
  const synthetic = [];
  SERVICE_OBJECTS.forEach(([object, topic], o) => {
    SERVICE_ACTIONS.forEach((action, a) => {
      const title = / zu$/.test(action) ? `${action} ${object}` : `${object} ${action}`;
      if (titles.has(title)) return;
      // Leistungsgruppen from 500 on are not used by the real keys above.
      synthetic.push({ title, leika: `99${500 + o}${String(10 + a).padStart(3, '0')}000000`, topic });
    });
  });
  const catalogue = [...real, ...random.shuffle(synthetic)].slice(0, count);
  if (catalogue.length < count)
    throw new Error(`Only ${catalogue.length} service titles; ${count} asked for`);
  return catalogue.map((service, index) => ({
    ...service,
    index,
    isEfa: random.chance(0.3),
    demandPer1000: clamp(Math.exp(random.normal(0.3, 1)), 0.05, 40),
    onlineShare: random.float() * 0.5 + 0.2,
    completion: random.float() * 0.3 + 0.62,
    rating: random.float() * 1.2 + 3.2,
  }));
}

/** The days on which a project entered each of its phases (the first on its start). */
function phaseChanges(random, phases, start, today) {
  const old = random.chance(0.75);
  const startDay = old ? start - random.int(100, 1000) : start + random.int(0, 800);
  const durations = [random.int(30, 150), random.int(120, 420), random.int(60, 240)];
  const changes = [{ day: startDay, phase: phases[0] }];
  let day = startDay;
  for (let i = 1; i < phases.length; i += 1) {
    day += durations[i - 1];
    if (day >= today) break;
    changes.push({ day, phase: phases[i] });
  }
  const last = changes[changes.length - 1];
  if (last.phase === 'LIVE' && random.chance(0.03)) {
    const retired = last.day + random.int(500, 1200);
    if (retired < today) changes.push({ day: retired, phase: 'RETIRED' });
  }
  return { startDay, changes, plannedLive: startDay + durations.reduce((a, b) => a + b, 0) };
}

function phaseAt(changes, day) {
  let phase = changes[0];
  for (const change of changes) if (change.day <= day) phase = change;
  return phase;
}

const NEXT_HEALTH = {
  GREEN: { GREEN: 0.86, AMBER: 0.1, RED: 0.04 },
  AMBER: { GREEN: 0.4, AMBER: 0.45, RED: 0.15 },
  RED: { GREEN: 0.2, AMBER: 0.4, RED: 0.4 },
};

function progressAt(phase, changes, day) {
  switch (phase.phase) {
    case 'IDEA':
      return 0;
    case 'PLANNED':
      return 5;
    case 'IN_DEVELOPMENT': {
      const next = changes.find((change) => change.day > phase.day);
      const share = next ? (day - phase.day) / (next.day - phase.day) : Math.min(1, (day - phase.day) / 400);
      return Math.round(10 + 60 * share);
    }
    case 'PILOT':
      return 85;
    default:
      return 100;
  }
}

/**
 * Generates every row of `tier` as of `today` (a day number) and passes it to `put(table, values)`.
 * `stamp(day, minutes)` and `bool(value)` give instants and booleans in the target database's form.
 * `flush()` is awaited between the stages whose rows refer to the ones before.
 */
export async function generateRows(tier, today, { put, flush, stamp, bool }) {
  const start = addYears(today, -3);
  const random = new Random('organisation');

  for (const topic of readCsv('ozg-topics.csv'))
    await put('ozg_topic', [topic.key, topic.name_de, topic.name_en]);

  const cities = generateCities(tier);
  for (const c of cities) await put('city', [c.id, c.name, c.ags, c.population, c.district, c.kind]);
  const byAgs = new Map(cities.map((city) => [city.ags, city]));
  const person = () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;

  // The smallest cooperation is M-A-N; the 30-city one starts with the other real cities; the 100-city
  // one is drawn from all; the largest holds every municipality.
  const man = ['09162000', '09761000', '09564000'].map((ags) => byAgs.get(ags)).filter(Boolean);
  const cooperations = tier.cooperations.map((shape, index) => {
    let members;
    if (shape.members === 0 || shape.members >= cities.length) members = cities;
    else if (index === 0 && man.length === 3 && shape.members === 3) members = man;
    else if (index === 1) members = cities.filter((city) => !man.includes(city)).slice(0, shape.members);
    else members = new Random('members', index).shuffle(cities).slice(0, shape.members);
    return { id: index + 1, ...COOPERATION_NAMES[index], shape, members, workingGroups: [], projects: [] };
  });
  for (const co of cooperations) await put('cooperation', [co.id, co.name, co.shortName, co.description]);
  await flush();
  for (const co of cooperations) {
    for (const city of co.members) {
      const joinedOn = isoDate(start - random.int(60, 3000));
      await put('membership', [co.id, city.id, joinedOn, random.chance(0.05) ? 'Gründungsmitglied' : null]);
    }
  }
  await flush();

  let workingGroupId = 0;
  for (const co of cooperations) {
    for (let w = 0; w < co.shape.workingGroups; w += 1) {
      const lead = random.pick(co.members);
      const group = { id: (workingGroupId += 1), cooperation: co, lead };
      co.workingGroups.push(group);
      await put('working_group', [
        group.id,
        co.id,
        WORKING_GROUP_NAMES[w % WORKING_GROUP_NAMES.length],
        FOCUSES[w % FOCUSES.length],
        `Arbeitszirkel der Kooperation ${co.shortName}.`,
        lead.id,
        person(),
        1,
      ]);
      const members = new Set([lead, ...random.shuffle(co.members).slice(0, random.int(3, 40))]);
      for (const city of members) await put('working_group_member', [group.id, city.id]);
    }
  }
  await flush();

  // Projects: each cooperation's online services from the catalogue, then a few other projects.
  const catalogue = serviceCatalogue(tier.services);
  let projectId = 0;
  for (const co of cooperations) {
    const kinds = [
      ...catalogue.slice(0, co.shape.services).map((service) => ({ kind: 'ONLINE_SERVICE', service })),
      ...Array.from({ length: co.shape.otherProjects }, (_, i) => ({
        kind: OTHER_PROJECT_KINDS[i % OTHER_PROJECT_KINDS.length],
        service: null,
      })),
    ];
    for (const [index, { kind, service }] of kinds.entries()) {
      const r = new Random('project', co.id, index);
      const id = (projectId += 1);
      const group = co.workingGroups[index % co.workingGroups.length];
      const owner = r.pick(co.members);
      const title = service
        ? service.title
        : `${r.pick(OTHER_PROJECT_TOPICS)} ${co.shortName} ${Math.floor(index / OTHER_PROJECT_KINDS.length) + 1}`;
      const { startDay, changes, plannedLive } = phaseChanges(
        r,
        service ? PHASES_SERVICE : PHASES_OTHER,
        start,
        today,
      );
      // Status updates through the cockpit's three years, every few weeks; the project shows the latest.
      let day = Math.max(startDay, start + r.int(1, 25));
      let health = 'GREEN';
      let latest = null;
      const updates = [];
      while (day < today) {
        const phase = phaseAt(changes, day);
        health = r.weighted(NEXT_HEALTH[health]);
        if (phase.phase === 'LIVE' && health === 'RED') health = 'AMBER';
        latest = { day, minutes: r.int(8 * 60, 17 * 60), phase: phase.phase, health };
        latest.progress = progressAt(phase, changes, day);
        updates.push([
          id,
          stamp(latest.day, latest.minutes),
          person(),
          latest.phase,
          latest.health,
          latest.progress,
          r.pick(STATUS_SUMMARIES),
          health === 'GREEN' ? null : r.pick(BLOCKERS),
        ]);
        day += r.int(20, 50);
      }
      const liveChange = changes.find((change) => change.phase === 'LIVE');
      await put('project', [
        id,
        group.id,
        owner.id,
        title,
        `${title}: gemeinsames Vorhaben der Kooperation ${co.shortName}.`,
        kind,
        latest.phase,
        latest.health,
        latest.progress,
        isoDate(startDay),
        isoDate(liveChange ? liveChange.day + r.int(-30, 60) : plannedLive),
        service?.leika ?? null,
        service?.topic ?? null,
        bool(service?.isEfa ?? false),
        r.chance(0.2) ? r.pick(BLOCKERS) : null,
        stamp(latest.day, latest.minutes),
        1,
      ]);
      for (const update of updates) await put('status_update', update);
      for (const dueDay of r.sortedDistinct(r.int(3, 6), startDay + 30, startDay + 900)) {
        const done = dueDay < today && r.chance(0.85) ? Math.min(today - 1, dueDay + r.int(-20, 40)) : null;
        await put('milestone', [
          id,
          r.pick(MILESTONE_TITLES),
          isoDate(dueDay),
          done === null ? null : isoDate(done),
        ]);
      }
      co.projects.push({ id, kind, service, owner, phase: latest.phase, liveDay: liveChange?.day ?? null });
    }
  }
  await flush();

  // Adoptions, their recorded history and the monthly figures of the live ones.
  const currentMonth = monthIndexOf(today);
  const stampCache = new Map();
  const monthStamp = (index) => {
    // Figures of a finished month arrive early in the next; the current month's so far, today.
    let value = stampCache.get(index);
    if (value === undefined) {
      const imported = monthFirstDay(index + 1) + 2;
      value = imported < today ? stamp(imported, 6 * 60) : stamp(today, 0);
      stampCache.set(index, value);
    }
    return value;
  };
  let adoptionId = 0;
  for (const co of cooperations) {
    for (const project of co.projects) {
      if (project.kind !== 'ONLINE_SERVICE') continue;
      const { service } = project;
      const r = new Random('adoptions', co.id, project.id);
      const stages =
        project.phase === 'LIVE' || project.phase === 'RETIRED'
          ? STAGES_LIVE_SERVICE
          : project.phase === 'PILOT'
            ? STAGES_PILOT
            : STAGES_EARLY;
      for (const city of co.members) {
        const isOwner = city === project.owner;
        if (!isOwner && !r.chance(FILL)) continue;
        let stage = isOwner && project.liveDay !== null ? 'LIVE' : r.weighted(stages);
        // The earliest day the city can run the service.
        const earliest = project.liveDay === null ? null : project.liveDay + (isOwner ? 0 : r.int(20, 200));
        if ((stage === 'LIVE' || stage === 'DISCONTINUED') && (earliest === null || earliest > today - 10)) {
          stage = 'IN_ROLLOUT';
        }
        const chain = CHAINS[stage];
        const stockTaking = start + r.int(1, 25);
        let k = Math.min(chain.length, Number(r.weighted(RECORDED_STATES)));
        // A service that went live after the stock-taking cannot have been live at it.
        if (chain[chain.length - k] === 'LIVE' && earliest > stockTaking - 1) k += 1;
        const states = chain.slice(chain.length - k);
        const liveIndex = states.indexOf('LIVE');
        let days;
        if (liveIndex > 0) {
          const lo = Math.max(stockTaking + liveIndex, earliest);
          const hi = Math.max(lo, today - 2 - (k - 1 - liveIndex));
          const liveDay = r.int(lo, hi);
          days = [
            stockTaking,
            ...r.sortedDistinct(liveIndex - 1, stockTaking + 1, liveDay - 1),
            liveDay,
            ...r.sortedDistinct(k - 1 - liveIndex, liveDay + 1, today - 1),
          ];
        } else {
          days = [stockTaking, ...r.sortedDistinct(k - 1, stockTaking + 1, today - 1)];
        }
        const liveSince =
          liveIndex === 0 ? r.int(Math.max(earliest, stockTaking - 1100), stockTaking - 1) : days[liveIndex];
        const switchDay = r.chance(0.5) ? MODEL_2_FROM + r.int(0, 480) : Infinity;
        const baseline = r.chance(0.8) ? 1 : 0;
        const raised = r.chance(0.25) ? 1 : 0;
        const id = (adoptionId += 1);
        const changes = [];
        for (let i = 0; i < k; i += 1) {
          const state = states[i];
          const model = days[i] >= switchDay ? '2.0' : '1.1';
          const level =
            state === 'LIVE' ? (model === '1.1' ? 3 : 4) + raised : state === 'IN_ROLLOUT' ? 2 : baseline;
          const source =
            state === 'EVALUATING' || state === 'NOT_PLANNED'
              ? null
              : isOwner
                ? 'OWN_BUILD'
                : service.isEfa
                  ? 'EFA_SUBSCRIPTION'
                  : 'REUSED_FROM_PARTNER';
          changes.push([
            id,
            project.id,
            city.id,
            stamp(days[i], r.int(7 * 60, 18 * 60)),
            state,
            model,
            level,
            state === 'LIVE' ? isoDate(liveSince) : null,
            source,
            r.chance(0.05) ? r.pick(ADOPTION_NOTES) : null,
            i + 1,
          ]);
        }
        // The adoption holds its latest state; it is written before the history that refers to it.
        const last = changes[k - 1];
        await put('adoption', [id, ...last.slice(1, 3), ...last.slice(4, 10), last[3], k]);
        for (const change of changes) await put('adoption_change', change);

        if (stage !== 'LIVE') continue;
        const from = Math.max(monthIndexOf(liveSince), currentMonth - 23);
        const scale = (city.population / 1000) * service.demandPer1000 * service.onlineShare;
        for (let month = from; month <= currentMonth; month += 1) {
          const season = 1 + 0.1 * Math.sin((2 * Math.PI * ((month % 12) - 3)) / 12);
          const share = month === currentMonth ? 0.5 : 1;
          const started = Math.round(scale * season * share * (0.88 + 0.24 * r.float()));
          const completed = Math.min(
            started,
            Math.round(started * (service.completion + 0.06 * (r.float() - 0.5))),
          );
          const visits = Math.round(started * (2.2 + r.float()) + (city.population / 1000) * share);
          const ratingsCount = Math.round(completed * (0.05 + 0.06 * r.float()));
          const average =
            ratingsCount === 0
              ? null
              : Math.round(
                  clamp(service.rating + (r.float() - 0.5) * (1.6 / Math.sqrt(ratingsCount)), 1, 5) * 100,
                ) / 100;
          const nps =
            city.asksNps && average !== null
              ? clamp(Math.round((average - 3.6) * 55 + (r.float() - 0.5) * 12), -100, 100)
              : null;
          await put('satisfaction', [
            project.id,
            city.id,
            monthKey(month),
            ratingsCount,
            average,
            nps,
            started,
            completed,
            visits,
            monthStamp(month),
            1,
          ]);
        }
      }
    }
  }
  await flush();
}
