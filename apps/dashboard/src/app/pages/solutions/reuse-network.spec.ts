import { layoutNetwork } from './reuse-network';

const city = (id: string, name: string) => ({ id, name });

describe('layoutNetwork', () => {
  it('puts givers left and takers right, a city that does both on both sides, one line per pair', () => {
    const layout = layoutNetwork({
      nodes: [
        { city: city('1', 'Augsburg'), member: true, gave: 2, took: 0 },
        { city: city('2', 'Kempten (Allgäu)'), member: true, gave: 1, took: 1 },
        { city: city('3', 'Ulm'), member: false, gave: 0, took: 2 },
      ],
      edges: [
        { fromCityId: '1', toCityId: '2', count: 1, averageExperience: 4, solutions: [] },
        { fromCityId: '1', toCityId: '3', count: 1, averageExperience: null, solutions: [] },
        { fromCityId: '2', toCityId: '3', count: 10, averageExperience: 5, solutions: [] },
      ],
    });
    expect(layout.givers.map((c) => [c.name, c.count])).toEqual([
      ['Augsburg', 2],
      ['Kempten (Allgäu)', 1],
    ]);
    expect(layout.takers.map((c) => [c.name, c.count, c.member])).toEqual([
      ['Kempten (Allgäu)', 1, true],
      ['Ulm', 2, false],
    ]);
    const [first, , heavy] = layout.lines;
    expect(first).toMatchObject({
      from: 'Augsburg',
      to: 'Kempten (Allgäu)',
      y1: layout.givers[0].y,
      y2: layout.takers[0].y,
    });
    // Thicker with more solutions, but never so thick that it hides its neighbours.
    expect(heavy.width).toBe(9);
    expect(layout.height).toBeGreaterThan(layout.takers[1].y);
  });
});
