import { ACTIVE_PHASES, AdoptionStage, liveSinceError, maturityLevelError, ProjectKind } from '@koop/domain';
import type { DemoRows } from './demo-rows.js';
import { Ids } from './demo-rows.js';
import { generateDemo } from './generate-demo.js';
import { loadReferenceData } from './reference-data.js';

const reference = loadReferenceData();
const generate = (now: Date) => generateDemo(reference, now, new Ids());

/** What the overview needs of a cooperation for a year, computed from the rows as it computes them in SQL. */
function yearFigures(rows: DemoRows, cooperationId: number, year: number) {
  const end = new Date(Date.UTC(year + 1, 0, 1));
  const groups = new Set(
    rows.workingGroups.filter((g) => g.cooperationId === cooperationId).map((g) => g.id),
  );
  const projects = rows.projects.filter((p) => groups.has(p.workingGroupId));
  const members = new Set(
    rows.memberships.filter((m) => m.cooperationId === cooperationId).map((m) => m.cityId),
  );
  const latestBefore = <T extends { id: number }>(list: T[], time: (item: T) => Date) =>
    list
      .filter((item) => time(item) < end)
      .sort((a, b) => time(b).getTime() - time(a).getTime() || b.id - a.id)[0];
  const active = projects.filter((p) => {
    const update = latestBefore(
      rows.statusUpdates.filter((u) => u.projectId === p.id),
      (u) => u.createdAt,
    );
    return update && ACTIVE_PHASES.includes(update.phase);
  }).length;
  const services = new Set(projects.filter((p) => p.kind === ProjectKind.ONLINE_SERVICE).map((p) => p.id));
  const live = rows.adoptions.filter((a) => {
    const change = latestBefore(
      rows.adoptionChanges.filter((c) => c.adoptionId === a.id),
      (c) => c.recordedAt,
    );
    return services.has(a.projectId) && members.has(a.cityId) && change?.stage === AdoptionStage.LIVE;
  }).length;
  const ratings = rows.satisfaction
    .filter((s) => services.has(s.projectId) && members.has(s.cityId) && s.month.startsWith(`${year}-`))
    .reduce((sum, s) => sum + s.ratingsCount, 0);
  return { active, live, ratings };
}

describe('generateDemo', () => {
  // Awkward days: the first of a year, a leap day, the last second of a year, a Sunday.
  const moments = [
    '2026-01-01T00:00:01Z',
    '2028-02-29T12:00:00Z',
    '2027-12-31T23:59:59Z',
    '2026-11-22T18:00:00Z',
  ];

  it.each(moments)('dates nothing after the moment of seeding (%s)', (moment) => {
    const now = new Date(moment);
    const rows = generate(now);
    const day = moment.slice(0, 10);
    const month = moment.slice(0, 7);
    const instants = [
      ...rows.statusUpdates.map((u) => u.createdAt),
      ...rows.projects.map((p) => p.updatedAt),
      ...rows.adoptionChanges.map((c) => c.recordedAt),
      ...rows.adoptions.map((a) => a.updatedAt),
      ...rows.satisfaction.map((s) => s.updatedAt),
    ];
    expect(instants.filter((instant) => instant > now)).toEqual([]);
    const dates = [
      ...rows.adoptionChanges.map((c) => c.liveSince),
      ...rows.milestones.map((m) => m.doneOn),
      ...rows.projects.map((p) => p.startDate),
      ...rows.memberships.map((m) => m.joinedOn),
    ];
    expect(dates.filter((date) => date !== null && date > day)).toEqual([]);
    expect(rows.satisfaction.filter((s) => s.month > month)).toEqual([]);
    for (const change of rows.adoptionChanges) {
      expect(maturityLevelError(change.maturityModel, change.maturityLevel)).toBeNull();
      expect(liveSinceError(change.stage, change.liveSince, now)).toBeNull();
    }
  });

  it.each(moments)('gives both cooperations overview figures for this year and last year (%s)', (moment) => {
    const rows = generate(new Date(moment));
    const year = Number(moment.slice(0, 4));
    for (const cooperation of rows.cooperations) {
      for (const y of [year, year - 1]) {
        const { active, live, ratings } = yearFigures(rows, cooperation.id, y);
        // Named, so that a failure says which cooperation, year and figure is missing.
        expect({
          [`${cooperation.shortName} ${y}`]: { active: active > 0, live: live > 0, ratings: ratings > 0 },
        }).toEqual({
          [`${cooperation.shortName} ${y}`]: { active: true, live: true, ratings: true },
        });
      }
      expect(yearFigures(rows, cooperation.id, year - 2).active).toBeGreaterThan(0);
    }
  });

  it('yields the same rows at any time of the same day', () => {
    expect(generate(new Date('2026-11-21T23:59:59Z'))).toEqual(generate(new Date('2026-11-21T00:00:00Z')));
  });

  it('moves the history along with the day of seeding', () => {
    const monday = generate(new Date('2026-11-23T10:00:00Z'));
    const tuesday = generate(new Date('2026-11-24T10:00:00Z'));
    expect(tuesday.projects.map((p) => p.startDate)).not.toEqual(monday.projects.map((p) => p.startDate));
    expect(tuesday.projects.map((p) => p.title)).toEqual(monday.projects.map((p) => p.title));
  });

  it('numbers rows after the ids it is given', () => {
    const rows = generateDemo(
      reference,
      new Date('2026-11-21T10:00:00Z'),
      new Ids({ city: 100, project: 7 }),
    );
    expect(rows.cities[0].id).toBe(101);
    expect(rows.projects[0].id).toBe(8);
    expect(rows.statusUpdates[0].projectId).toBe(8);
  });
});
