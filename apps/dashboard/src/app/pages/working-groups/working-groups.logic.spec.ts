import { countByHealth, sortByText } from './working-groups.logic';

describe('countByHealth', () => {
  it('counts every health, also those no project has', () => {
    expect(countByHealth([{ health: 'RED' }, { health: 'GREEN' }, { health: 'GREEN' }])).toEqual([
      { health: 'GREEN', count: 2 },
      { health: 'AMBER', count: 0 },
      { health: 'RED', count: 1 },
    ]);
    expect(countByHealth([]).map((c) => c.count)).toEqual([0, 0, 0]);
  });
});

describe('sortByText', () => {
  it('sorts German names with umlauts beside their base letter, without changing the input', () => {
    const cities = [{ name: 'Nürnberg' }, { name: 'Augsburg' }, { name: 'Neu-Ulm' }, { name: 'Ansbach' }];
    expect(sortByText(cities, (c) => c.name).map((c) => c.name)).toEqual([
      'Ansbach',
      'Augsburg',
      'Neu-Ulm',
      'Nürnberg',
    ]);
    expect(cities[0].name).toBe('Nürnberg');
  });
});
