import { sizeBandOf } from '@koop/domain';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byId } from '../loaders/index.js';
import { City } from './city.entity.js';

/** Cities per size band: one statement however many bands or cities ask. */
function citiesBySizeBand(dataSource: DataSource): DataLoader<string, City[]> {
  return new DataLoader(async (bands) => {
    const cities = await dataSource
      .getRepository(City)
      .createQueryBuilder('c')
      .orderBy('sort_key(c.name)', 'ASC')
      .getMany();
    return bands.map((band) => cities.filter((city) => sizeBandOf(city.population) === band));
  });
}

/** The cities feature's DataLoaders, part of every request's loaders (graphql-context.ts). */
export function citiesLoaders(dataSource: DataSource) {
  return {
    city: byId(dataSource, City),
    citiesBySizeBand: citiesBySizeBand(dataSource),
  };
}
