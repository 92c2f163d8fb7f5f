import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions.js';
import { badField, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { City } from './city.entity.js';
import type { CreateCityInput } from './dto/create-city.input.js';

@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
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

  async create(input: CreateCityInput): Promise<City> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(City);
      if (await repository.existsBy({ ags: input.ags })) {
        throw badField('ags', `is already used by another city (${input.ags})`);
      }
      return repository.save(repository.create({ ...input }));
    });
  }
}
