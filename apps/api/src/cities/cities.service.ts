import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { badField, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { byRoleAlone, rowOf, Writes } from '../database/write-path.js';
import { City } from './city.entity.js';
import type { CreateCityInput } from './dto/create-city.input.js';
import type { UpdateCityInput } from './dto/update-city.input.js';

@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
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
