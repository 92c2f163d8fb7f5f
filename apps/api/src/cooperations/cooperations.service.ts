import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions.js';
import { City } from '../cities/city.entity.js';
import { badField, conflict, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { Cooperation } from './cooperation.entity.js';
import type { AddMembershipInput } from './dto/add-membership.input.js';
import type { CreateCooperationInput } from './dto/create-cooperation.input.js';
import { Membership } from './membership.entity.js';

@Injectable()
export class CooperationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  findAll(): Promise<Cooperation[]> {
    return this.dataSource
      .getRepository(Cooperation)
      .createQueryBuilder('c')
      .orderBy('sort_key(c.name)', 'ASC')
      .getMany();
  }

  async findOne(id: string, field = 'id'): Promise<Cooperation> {
    const cooperation = await this.dataSource
      .getRepository(Cooperation)
      .findOneBy({ id: parseId('Cooperation', id, field) });
    if (!cooperation) {
      throw notFound('Cooperation', id, field);
    }
    return cooperation;
  }

  async create(input: CreateCooperationInput): Promise<Cooperation> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(Cooperation);
      if (await repository.existsBy({ name: input.name })) {
        throw badField('name', 'is already used by another cooperation');
      }
      if (await repository.existsBy({ shortName: input.shortName })) {
        throw badField('shortName', 'is already used by another cooperation');
      }
      return repository.save(repository.create({ ...input, description: input.description ?? null }));
    });
  }

  async addMembership(input: AddMembershipInput): Promise<Membership> {
    return this.transactions.run(async (manager) => {
      const cooperationId = parseId('Cooperation', input.cooperationId, 'cooperationId');
      const cityId = parseId('City', input.cityId, 'cityId');
      if (!(await manager.existsBy(Cooperation, { id: cooperationId }))) {
        throw notFound('Cooperation', input.cooperationId, 'cooperationId');
      }
      if (!(await manager.existsBy(City, { id: cityId }))) {
        throw notFound('City', input.cityId, 'cityId');
      }
      const existing = await manager.findOneBy(Membership, { cooperationId, cityId });
      if (existing) {
        throw conflict('Membership', 'The city is already a member of this cooperation.', existing);
      }
      const repository = manager.getRepository(Membership);
      return repository.save(
        repository.create({
          cooperationId,
          cityId,
          joinedOn: input.joinedOn ?? null,
          role: input.role ?? null,
        }),
      );
    });
  }
}
