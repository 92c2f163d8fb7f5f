import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { badField, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { City } from './city.entity.js';
import type { CreateCityInput } from './dto/create-city.input.js';

@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
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

  async create(actor: Actor, input: CreateCityInput): Promise<City> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(City);
      if (await repository.existsBy({ ags: input.ags })) {
        throw badField('ags', `is already used by another city (${input.ags})`);
      }
      const city = await repository.save(repository.create({ ...input }));
      await this.audit.record(manager, actor, {
        operation: 'createCity',
        entity: 'City',
        entityId: city.id,
        before: null,
        after: city,
      });
      return city;
    });
  }
}
