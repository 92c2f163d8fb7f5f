import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/index.js';
import { badField, notFound, parseId } from '../common/index.js';
import { MATURITY_MODEL_VERSIONS } from '@koop/domain';
import { Cooperation } from '../cooperations/index.js';
import { Reads, Writes, byRoleAlone, rowOf } from '../database/index.js';
import type { CityRank } from './city-rank.model.js';
import { cityRankingQuery, type CityRankingRow } from './city-ranking.queries.js';
import { City } from './city.entity.js';
import type { CityRankingArgs } from './dto/city-ranking.args.js';
import type { CreateCityInput } from './dto/create-city.input.js';
import type { UpdateCityInput } from './dto/update-city.input.js';

/** Counts and sums come back from SQL as numbers or numeric strings, depending on the driver. */
const num = (value: number | string | null | undefined): number => Number(value ?? 0);

@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
    private readonly reads: Reads,
  ) {}

  findAll(): Promise<City[]> {
    return this.dataSource
      .getRepository(City)
      .createQueryBuilder('c')
      .orderBy('sort_key(c.name)', 'ASC')
      .getMany();
  }

  async findOne(id: string): Promise<City> {
    const city = await this.dataSource.getRepository(City).findOneBy({ id: parseId('City', id) });
    if (!city) {
      throw notFound('City', id);
    }
    return city;
  }

  create(actor: Actor, input: CreateCityInput): Promise<City> {
    return this.writes.create(actor, {
      operation: 'createCity',
      entity: City,
      authorize: byRoleAlone,
      values: async (_parents, manager) => {
        if (await manager.existsBy(City, { ags: input.ags })) {
          throw badField('ags', `is already used by another city (${input.ags})`);
        }
        return { ...input };
      },
    });
  }

  /** The ranking of the cities (of one cooperation), computed in one SQL statement off the event loop. */
  async ranking(args: CityRankingArgs): Promise<CityRank[]> {
    if (args.to < args.from) {
      throw badField('to', 'must not be before from');
    }
    let cooperationId: number | null = null;
    if (args.cooperationId) {
      cooperationId = parseId('Cooperation', args.cooperationId, 'cooperationId');
      if (!(await this.dataSource.getRepository(Cooperation).existsBy({ id: cooperationId }))) {
        throw notFound('Cooperation', args.cooperationId, 'cooperationId');
      }
    }
    const { sql, parameters } = cityRankingQuery(cooperationId, args);
    const rows = await this.reads.query<CityRankingRow>(sql, parameters);
    return rows.map((row) => {
      const ratingsCount = num(row.ratingsCount);
      return {
        cityId: num(row.cityId),
        rank: num(row.rank),
        servicesLive: num(row.servicesLive),
        maturity: MATURITY_MODEL_VERSIONS.map((model, index) => {
          const assessed = num(row[`assessed${index}`]);
          const atLeastThree = num(row[`atLeast${index}`]);
          return { model, assessed, atLeastThree, share: assessed > 0 ? atLeastThree / assessed : null };
        }),
        ratingsCount,
        averageRating: ratingsCount > 0 ? num(row.weightedRating) / ratingsCount : null,
      };
    });
  }

  update(actor: Actor, input: UpdateCityInput): Promise<City> {
    return this.writes.change(actor, {
      operation: 'updateCity',
      row: rowOf(City, input.id),
      version: input.version,
      authorize: byRoleAlone,
      values: async (city, manager) => {
        if (
          input.ags !== undefined &&
          input.ags !== city.ags &&
          (await manager.existsBy(City, { ags: input.ags }))
        ) {
          throw badField('ags', `is already used by another city (${input.ags})`);
        }
        const changes: Partial<City> = {};
        for (const field of ['name', 'ags', 'population', 'district', 'kind'] as const) {
          if (input[field] !== undefined) Object.assign(changes, { [field]: input[field] });
        }
        return changes;
      },
    });
  }
}
