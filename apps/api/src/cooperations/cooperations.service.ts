import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { City } from '../cities/city.entity.js';
import { badField, conflict, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { applyMembership } from '../figures/index.js';
import { Cooperation } from './cooperation.entity.js';
import type { AddMembershipInput } from './dto/add-membership.input.js';
import type { CreateCooperationInput } from './dto/create-cooperation.input.js';
import { Membership } from './membership.entity.js';

@Injectable()
export class CooperationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
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

  async create(actor: Actor, input: CreateCooperationInput): Promise<Cooperation> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(Cooperation);
      if (await repository.existsBy({ name: input.name })) {
        throw badField('name', 'is already used by another cooperation');
      }
      if (await repository.existsBy({ shortName: input.shortName })) {
        throw badField('shortName', 'is already used by another cooperation');
      }
      const cooperation = await repository.save(
        repository.create({ ...input, description: input.description ?? null }),
      );
      await this.audit.record(manager, actor, {
        operation: 'createCooperation',
        entity: 'Cooperation',
        entityId: cooperation.id,
        before: null,
        after: cooperation,
      });
      return cooperation;
    });
  }

  async addMembership(actor: Actor, input: AddMembershipInput): Promise<Membership> {
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
      const membership = await repository.save(
        repository.create({
          cooperationId,
          cityId,
          joinedOn: input.joinedOn ?? null,
          role: input.role ?? null,
        }),
      );
      await applyMembership(manager, null, membership);
      await this.audit.record(manager, actor, {
        operation: 'addMembership',
        entity: 'Membership',
        entityId: membership.id,
        before: null,
        after: membership,
      });
      return membership;
    });
  }
}
