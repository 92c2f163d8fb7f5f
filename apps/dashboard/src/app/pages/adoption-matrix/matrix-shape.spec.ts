import type { AdoptionStage } from '../../graphql/generated/graphql';
import {
  cellKey,
  type MatrixAdoption,
  type MatrixData,
  shapeMatrix,
  topicsInUse,
  withAdoption,
} from './matrix-shape';

function adoption(cityId: string, projectId: string, stage: AdoptionStage, version = 1): MatrixAdoption {
  return {
    id: `${cityId}-${projectId}`,
    stage,
    maturityModel: '1.1',
    maturityLevel: 2,
    liveSince: stage === 'LIVE' ? '2025-01-01' : null,
    source: null,
    notes: null,
    version,
    updatedAt: '2026-01-01T00:00:00Z',
    city: { id: cityId },
    project: { id: projectId },
  };
}

/** Augsburg, Bamberg, Coburg × Gewerbe (UNTERNEHMEN), Wohngeld (BAUEN), Sperrmüll (UMWELT), Ausweis (none). */
const data: MatrixData = {
  cooperationId: '1',
  cities: [
    { id: 'a', name: 'Augsburg' },
    { id: 'b', name: 'Bamberg' },
    { id: 'c', name: 'Coburg' },
  ],
  projects: [
    { id: 'p1', title: 'Gewerbe anmelden', ozgTopic: 'UNTERNEHMEN' },
    { id: 'p2', title: 'Wohngeld beantragen', ozgTopic: 'BAUEN' },
    { id: 'p3', title: 'Sperrmüll anmelden', ozgTopic: 'UMWELT' },
    { id: 'p4', title: 'Personalausweis beantragen', ozgTopic: null },
  ],
  cells: [
    adoption('a', 'p1', 'LIVE'),
    adoption('a', 'p2', 'LIVE'),
    adoption('a', 'p3', 'PLANNED'),
    adoption('b', 'p1', 'LIVE'),
    adoption('b', 'p2', 'EVALUATING'),
    adoption('c', 'p4', 'PLANNED'),
  ],
};

const stages = (rows: ReturnType<typeof shapeMatrix>['cells']) =>
  rows.map((row) => row.map((cell) => (cell.matches ? (cell.adoption?.stage ?? '·') : 'x')));

describe('shapeMatrix', () => {
  it('puts every record in the cell of its city and service, and leaves cells without one empty', () => {
    const m = shapeMatrix(data, { topic: null, stage: null });
    expect(m.cities.map((c) => c.name)).toEqual(['Augsburg', 'Bamberg', 'Coburg']);
    expect(m.services.map((s) => s.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(stages(m.cells)).toEqual([
      ['LIVE', 'LIVE', 'PLANNED', '·'],
      ['LIVE', 'EVALUATING', '·', '·'],
      ['·', '·', '·', 'PLANNED'],
    ]);
    expect(m.cells[1][0].city.id).toBe('b');
    expect(m.cells[1][0].service.id).toBe('p1');
    expect(m.cells[2][0].adoption).toBeNull();
  });

  it('counts live adoptions per city and per service, and in all', () => {
    const m = shapeMatrix(data, { topic: null, stage: null });
    expect(m.cityTotals).toEqual([2, 1, 0]);
    expect(m.serviceTotals).toEqual([2, 1, 0, 0]);
    expect(m.total).toBe(3);
    expect(m.hiddenCities).toBe(0);
    expect(m.hiddenServices).toBe(0);
  });

  it('keeps only the services of the chosen topic area, with the totals of what stays visible', () => {
    const m = shapeMatrix(data, { topic: 'BAUEN', stage: null });
    expect(m.services.map((s) => s.id)).toEqual(['p2']);
    expect(m.cities).toHaveLength(3);
    expect(stages(m.cells)).toEqual([['LIVE'], ['EVALUATING'], ['·']]);
    expect(m.cityTotals).toEqual([1, 0, 0]);
    expect(m.serviceTotals).toEqual([1]);
    expect(m.hiddenServices).toBe(3);
  });

  it('with a stage, keeps the cities and services that have such a cell and blanks the others', () => {
    const m = shapeMatrix(data, { topic: null, stage: 'PLANNED' });
    expect(m.cities.map((c) => c.id)).toEqual(['a', 'c']);
    expect(m.services.map((s) => s.id)).toEqual(['p3', 'p4']);
    expect(stages(m.cells)).toEqual([
      ['PLANNED', 'x'],
      ['x', 'PLANNED'],
    ]);
    // Live totals still count the visible row and column, whatever the stage filter blanks.
    expect(m.cityTotals).toEqual([0, 0]);
    expect(m.hiddenCities).toBe(1);
    expect(m.hiddenServices).toBe(2);
  });

  it('combines topic and stage, and can leave nothing', () => {
    expect(shapeMatrix(data, { topic: 'UNTERNEHMEN', stage: 'LIVE' }).cities.map((c) => c.id)).toEqual([
      'a',
      'b',
    ]);
    const none = shapeMatrix(data, { topic: 'UMWELT', stage: 'LIVE' });
    expect(none.cities).toEqual([]);
    expect(none.services).toEqual([]);
    expect(none.total).toBe(0);
  });

  it('shapes 25 cities × 50 services quickly, with totals that add up', () => {
    const cities = Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, name: `Stadt ${i}` }));
    const projects = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      title: `Dienst ${i}`,
      ozgTopic: 'BAUEN',
    }));
    const cells = cities.flatMap((c, i) =>
      projects
        .filter((_, j) => (i + j) % 3 !== 0)
        .map((p, j) => adoption(c.id, p.id, j % 2 ? 'LIVE' : 'PLANNED')),
    );
    const started = performance.now();
    const m = shapeMatrix({ cooperationId: '9', cities, projects, cells }, { topic: null, stage: null });
    expect(performance.now() - started).toBeLessThan(200);
    expect(m.cells).toHaveLength(25);
    expect(m.cells.every((row) => row.length === 50)).toBe(true);
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(m.cityTotals)).toBe(m.total);
    expect(sum(m.serviceTotals)).toBe(m.total);
    expect(m.total).toBe(cells.filter((c) => c.stage === 'LIVE').length);
  });
});

describe('topicsInUse', () => {
  it('lists each topic area of the services once and skips services without one', () => {
    expect(topicsInUse(data)).toEqual(['UNTERNEHMEN', 'BAUEN', 'UMWELT']);
  });
});

describe('withAdoption', () => {
  it('replaces the record of the same city and service, so that the totals follow at once', () => {
    const changed = withAdoption(data, adoption('b', 'p2', 'LIVE', 2));
    expect(changed.cells).toHaveLength(data.cells.length);
    const m = shapeMatrix(changed, { topic: null, stage: null });
    expect(m.cells[1][1].adoption?.version).toBe(2);
    expect(m.cityTotals).toEqual([2, 2, 0]);
    expect(m.serviceTotals).toEqual([2, 2, 0, 0]);
  });

  it('adds a record to a cell that had none', () => {
    const changed = withAdoption(data, adoption('c', 'p1', 'LIVE'));
    expect(changed.cells.map((c) => cellKey(c.city.id, c.project.id))).toContain('c:p1');
    expect(shapeMatrix(changed, { topic: null, stage: null }).serviceTotals[0]).toBe(3);
  });
});
