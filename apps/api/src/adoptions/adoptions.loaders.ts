import { AdoptionStage, ProjectKind, ProjectPhase } from '@koop/domain';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byColumn } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { AdoptionChange } from './adoption-change.entity.js';
import { Adoption } from './adoption.entity.js';

/**
 * Number of online services each city runs live (and whose project is live), counted in SQL. Adoptions of standards, platforms and
 * the like are not services a city runs, as in the overview's live adoptions.
 */
function liveAdoptionsCount(dataSource: DataSource): DataLoader<number, number> {
  return new DataLoader(async (cityIds) => {
    const rows: { cityId: number; count: number | string }[] = await dataSource
      .getRepository(Adoption)
      .createQueryBuilder('a')
      .innerJoin(Project, 'p', 'p.id = a.projectId')
      .select('a.cityId', 'cityId')
      .addSelect('COUNT(*)', 'count')
      .where('a.cityId IN (:...cityIds)', { cityIds: [...cityIds] })
      .andWhere('a.stage = :live', { live: AdoptionStage.LIVE })
      .andWhere('p.kind = :onlineService', { onlineService: ProjectKind.ONLINE_SERVICE })
      // As on the cockpit: LIVE while the service is not live yet is doubted, not counted.
      .andWhere('p.phase = :projectLive', { projectLive: ProjectPhase.LIVE })
      .groupBy('a.cityId')
      .getRawMany();
    const counts = new Map(rows.map((row) => [Number(row.cityId), Number(row.count)]));
    return cityIds.map((id) => counts.get(id) ?? 0);
  });
}

/** The adoptions feature's DataLoaders, part of every request's loaders (graphql-context.ts). */
export function adoptionsLoaders(dataSource: DataSource) {
  return {
    adoptionsByProject: byColumn(dataSource, Adoption, 'projectId', { cityId: 'ASC' }),
    adoptionsByCity: byColumn(dataSource, Adoption, 'cityId', { projectId: 'ASC' }),
    liveAdoptionsCountByCity: liveAdoptionsCount(dataSource),
    historyByAdoption: byColumn(dataSource, AdoptionChange, 'adoptionId', { recordedAt: 'DESC', id: 'DESC' }),
  };
}
