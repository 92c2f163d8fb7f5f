import { type CellSummary, encodeCell } from '@koop/domain';
import type { AdoptionStage } from '../../graphql/generated/graphql';
import {
  type MatrixAdoption,
  type MatrixData,
  shapeMatrix,
  type ShapedMatrix,
  topicsInUse,
  withAdoption,
} from './matrix-shape';

function adoption(cityId: string, projectId: string, stage: AdoptionStage, version = 1): MatrixAdoption {
  return {
    id: `${cityId}-${projectId}`,
    cityId,
    projectId,
    stage,
    maturityModel: '1.1',
    maturityLevel: 2,
    liveSince: stage === 'LIVE' ? '2025-01-01' : null,
    source: null,
    notes: null,
    version,
    updatedAt: '2026-01-01T00:00:00Z',
    reusedSolution: null,
  };
}

/** The matrix as the API sends it: one row of cell codes per city. */
function matrixOf(
  cities: MatrixData['cities'],
  projects: MatrixData['projects'],
  cells: readonly MatrixAdoption[],
): MatrixData {
  const byKey = new Map(cells.map((cell) => [`${cell.cityId}:${cell.projectId}`, cell]));
  return {
    cooperationId: '1',
    cities,
    projects,
    rows: cities.map((city) => ({
      cityId: city.id,
      codes: projects
        .map((project) => {
          const cell = byKey.get(`${city.id}:${project.id}`);
          return encodeCell(cell ? (cell as unknown as CellSummary) : null);
        })
        .join(''),
    })),
  };
}

/** Augsburg, Bamberg, Coburg × Gewerbe (UNTERNEHMEN), Wohngeld (BAUEN), Sperrmüll (UMWELT), Ausweis (none). */
const data: MatrixData = matrixOf(
  [
    { id: 'a', name: 'Augsburg' },
    { id: 'b', name: 'Bamberg' },
    { id: 'c', name: 'Coburg' },
  ],
  [
    { id: 'p1', title: 'Gewerbe anmelden', ozgTopic: 'UNTERNEHMEN' },
    { id: 'p2', title: 'Wohngeld beantragen', ozgTopic: 'BAUEN' },
    { id: 'p3', title: 'Sperrmüll anmelden', ozgTopic: 'UMWELT' },
    { id: 'p4', title: 'Personalausweis beantragen', ozgTopic: null },
  ],
  [
    adoption('a', 'p1', 'LIVE'),
    adoption('a', 'p2', 'LIVE'),
    adoption('a', 'p3', 'PLANNED'),
    adoption('b', 'p1', 'LIVE'),
    adoption('b', 'p2', 'EVALUATING'),
    adoption('c', 'p4', 'PLANNED'),
  ],
);

/** Every cell of the shaped grid: its stage, · for no record, x for blanked by the stage filter. */
const stages = (m: ShapedMatrix) =>
  m.cities.map((_, row) =>
    m.services.map((_, col) => {
      const cell = m.cellAt(row, col);
      return cell.matches ? (cell.adoption?.stage ?? '·') : 'x';
    }),
  );

describe('shapeMatrix', () => {
  it('puts every record in the cell of its city and service, and leaves cells without one empty', () => {
    const m = shapeMatrix(data, { topic: null, stage: null });
    expect(m.cities.map((c) => c.name)).toEqual(['Augsburg', 'Bamberg', 'Coburg']);
    expect(m.services.map((s) => s.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(stages(m)).toEqual([
      ['LIVE', 'LIVE', 'PLANNED', '·'],
      ['LIVE', 'EVALUATING', '·', '·'],
      ['·', '·', '·', 'PLANNED'],
    ]);
    expect(m.cellAt(1, 0).city.id).toBe('b');
    expect(m.cellAt(1, 0).service.id).toBe('p1');
    expect(m.cellAt(1, 0).adoption).toEqual({ stage: 'LIVE', maturityModel: '1.1', maturityLevel: 2 });
    expect(m.cellAt(2, 0).adoption).toBeNull();
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
    expect(stages(m)).toEqual([['LIVE'], ['EVALUATING'], ['·']]);
    expect(m.cityTotals).toEqual([1, 0, 0]);
    expect(m.serviceTotals).toEqual([1]);
    expect(m.hiddenServices).toBe(3);
  });

  it('with a stage, keeps the cities and services that have such a cell and blanks the others', () => {
    const m = shapeMatrix(data, { topic: null, stage: 'PLANNED' });
    expect(m.cities.map((c) => c.id)).toEqual(['a', 'c']);
    expect(m.services.map((s) => s.id)).toEqual(['p3', 'p4']);
    expect(stages(m)).toEqual([
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

  it('shapes 100 cities × 600 services quickly, with totals that add up', () => {
    const cities = Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, name: `Stadt ${i}` }));
    const projects = Array.from({ length: 600 }, (_, i) => ({
      id: `p${i}`,
      title: `Dienst ${i}`,
      ozgTopic: i % 2 ? 'BAUEN' : 'UMWELT',
    }));
    const cells = cities.flatMap((c, i) =>
      projects
        .filter((_, j) => (i + j) % 3 !== 0)
        .map((p, j) => adoption(c.id, p.id, j % 2 ? 'LIVE' : 'PLANNED')),
    );
    const matrix = matrixOf(cities, projects, cells);
    const started = performance.now();
    const m = shapeMatrix(matrix, { topic: null, stage: null });
    const filtered = shapeMatrix(matrix, { topic: 'BAUEN', stage: 'LIVE' });
    expect(performance.now() - started).toBeLessThan(200);
    expect(m.cities).toHaveLength(100);
    expect(m.services).toHaveLength(600);
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(m.cityTotals)).toBe(m.total);
    expect(sum(m.serviceTotals)).toBe(m.total);
    expect(m.total).toBe(cells.filter((c) => c.stage === 'LIVE').length);
    expect(m.cellAt(99, 599)).toMatchObject({ city: { id: 'c99' }, service: { id: 'p599' } });
    expect(filtered.total).toBe(
      cells.filter((c) => c.stage === 'LIVE' && Number(c.projectId.slice(1)) % 2 === 1).length,
    );
  });
});

describe('topicsInUse', () => {
  it('lists each topic area of the services once and skips services without one', () => {
    expect(topicsInUse(data)).toEqual(['UNTERNEHMEN', 'BAUEN', 'UMWELT']);
  });
});

describe('withAdoption', () => {
  it('replaces the record of the same city and service, so that the totals follow at once', () => {
    const changed = withAdoption(data, { ...adoption('b', 'p2', 'LIVE', 2), maturityLevel: 3 });
    const m = shapeMatrix(changed, { topic: null, stage: null });
    expect(m.cellAt(1, 1).adoption).toEqual({ stage: 'LIVE', maturityModel: '1.1', maturityLevel: 3 });
    expect(m.cityTotals).toEqual([2, 2, 0]);
    expect(m.serviceTotals).toEqual([2, 2, 0, 0]);
    // the other rows are as they were
    expect(changed.rows[0]).toBe(data.rows[0]);
  });

  it('adds a record to a cell that had none', () => {
    const changed = withAdoption(data, adoption('c', 'p1', 'LIVE'));
    expect(shapeMatrix(changed, { topic: null, stage: null }).cellAt(2, 0).adoption?.stage).toBe('LIVE');
    expect(shapeMatrix(changed, { topic: null, stage: null }).serviceTotals[0]).toBe(3);
  });

  it('leaves the matrix as it is for a service it does not show', () => {
    expect(withAdoption(data, adoption('a', 'p9', 'LIVE'))).toBe(data);
  });
});
