import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Adoption } from '../adoptions/index.js';
import { City } from '../cities/index.js';
import { byColumn, byId } from '../loaders/index.js';
import { Reuse } from './reuse.entity.js';
import { SolutionDeveloper } from './solution-developer.entity.js';
import { Solution } from './solution.entity.js';

/** The developing cities of each solution, by name: two statements a batch. */
function citiesBySolution(dataSource: DataSource): DataLoader<number, City[]> {
  return new DataLoader(async (solutionIds) => {
    const links = await dataSource
      .getRepository(SolutionDeveloper)
      .findBy({ solutionId: In([...solutionIds]) });
    const cityIds = [...new Set(links.map((link) => link.cityId))];
    const cities =
      cityIds.length === 0 ? [] : await dataSource.getRepository(City).findBy({ id: In(cityIds) });
    const collator = new Intl.Collator('de');
    cities.sort((a, b) => collator.compare(a.name, b.name));
    return solutionIds.map((solutionId) => {
      const mine = new Set(links.filter((link) => link.solutionId === solutionId).map((link) => link.cityId));
      return cities.filter((city) => mine.has(city.id));
    });
  });
}

/** The solutions each city developed, by title. */
function solutionsByDeveloper(dataSource: DataSource): DataLoader<number, Solution[]> {
  return new DataLoader(async (cityIds) => {
    const rows = await dataSource
      .getRepository(Solution)
      .createQueryBuilder('s')
      .innerJoin(SolutionDeveloper, 'd', 'd.solutionId = s.id')
      .addSelect('d.cityId', 'developer')
      .where('d.cityId IN (:...cityIds)', { cityIds: [...cityIds] })
      .orderBy('sort_key(s.title)', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getRawAndEntities<{ developer: number; s_id: number }>();
    const groups = new Map<number, Solution[]>(cityIds.map((id) => [id, []]));
    const byIdMap = new Map(rows.entities.map((solution) => [solution.id, solution]));
    for (const raw of rows.raw) {
      const solution = byIdMap.get(Number(raw.s_id));
      if (solution) groups.get(Number(raw.developer))?.push(solution);
    }
    return cityIds.map((id) => groups.get(id) ?? []);
  });
}

/** The reuse catalogue's DataLoaders, part of every request's loaders. */
export function solutionLoaders(dataSource: DataSource) {
  return {
    solution: byId(dataSource, Solution),
    adoptionOfReuse: byId(dataSource, Adoption),
    developersBySolution: citiesBySolution(dataSource),
    solutionsByDeveloper: solutionsByDeveloper(dataSource),
    reusesBySolution: byColumn(dataSource, Reuse, 'solutionId', { since: 'ASC', id: 'ASC' }),
    reusesByCity: byColumn(dataSource, Reuse, 'cityId', { since: 'ASC', id: 'ASC' }),
    reusesByAdoption: byColumn(dataSource, Reuse, 'adoptionId', { id: 'ASC' }),
    solutionsByProject: byColumn(dataSource, Solution, 'projectId', { title: 'ASC' }),
  };
}
