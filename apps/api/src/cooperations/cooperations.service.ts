import { membershipEndError } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/index.js';
import { City } from '../cities/index.js';
import { badField, conflict, notFound, parseId } from '../common/index.js';
import { Writes, byRoleAlone, rowOf } from '../database/index.js';
import { applyMembership } from '../figures/index.js';
import { Cooperation } from './cooperation.entity.js';
import type { AddMembershipInput } from './dto/add-membership.input.js';
import type {
  EndMembershipInput,
  UpdateCooperationInput,
  UpdateMembershipInput,
} from './dto/change-membership.input.js';
import type { CreateCooperationInput } from './dto/create-cooperation.input.js';
import { Membership } from './membership.entity.js';

@Injectable()
export class CooperationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
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

  create(actor: Actor, input: CreateCooperationInput): Promise<Cooperation> {
    return this.writes.create(actor, {
      operation: 'createCooperation',
      entity: Cooperation,
      authorize: byRoleAlone,
      values: async (_parents, manager) => {
        if (await manager.existsBy(Cooperation, { name: input.name })) {
          throw badField('name', 'is already used by another cooperation');
        }
        if (await manager.existsBy(Cooperation, { shortName: input.shortName })) {
          throw badField('shortName', 'is already used by another cooperation');
        }
        return { ...input, description: input.description ?? null };
      },
    });
  }

  addMembership(actor: Actor, input: AddMembershipInput): Promise<Membership> {
    return this.writes.create(actor, {
      operation: 'addMembership',
      entity: Membership,
      parents: {
        cooperation: rowOf(Cooperation, input.cooperationId, 'cooperationId'),
        city: rowOf(City, input.cityId, 'cityId'),
      },
      authorize: byRoleAlone,
      values: async ({ cooperation, city }, manager) => {
        const existing = await manager.findOneBy(Membership, {
          cooperationId: cooperation.id,
          cityId: city.id,
        });
        if (existing?.endedOn) {
          // One membership per city and cooperation: the ended one stays as the history of those years.
          throw conflict(
            'Membership',
            `The city was already a member of this cooperation until ${existing.endedOn}; an ended membership is kept as history and cannot be started again.`,
            existing,
          );
        }
        if (existing) {
          throw conflict('Membership', 'The city is already a member of this cooperation.', existing);
        }
        return {
          cooperationId: cooperation.id,
          cityId: city.id,
          joinedOn: input.joinedOn ?? null,
          role: input.role ?? null,
        };
      },
      // The cooperation's figures count the city's adoptions and satisfaction from its start on.
      write: async (membership, manager) => {
        await applyMembership(manager, null, membership);
        return undefined;
      },
    });
  }

  updateCooperation(actor: Actor, input: UpdateCooperationInput): Promise<Cooperation> {
    return this.writes.change(actor, {
      operation: 'updateCooperation',
      row: rowOf(Cooperation, input.id),
      version: input.version,
      authorize: byRoleAlone,
      values: async (cooperation, manager) => {
        const changes: Partial<Cooperation> = {};
        if (input.name !== undefined && input.name !== cooperation.name) {
          if (await manager.existsBy(Cooperation, { name: input.name })) {
            throw badField('name', 'is already used by another cooperation');
          }
          changes.name = input.name;
        }
        if (input.shortName !== undefined && input.shortName !== cooperation.shortName) {
          if (await manager.existsBy(Cooperation, { shortName: input.shortName })) {
            throw badField('shortName', 'is already used by another cooperation');
          }
          changes.shortName = input.shortName;
        }
        if (input.description !== undefined) changes.description = input.description;
        return changes;
      },
    });
  }

  /** Changes the joining date or role; the figures follow a new joining date. */
  updateMembership(actor: Actor, input: UpdateMembershipInput): Promise<Membership> {
    return this.writes.change(actor, {
      operation: 'updateMembership',
      row: rowOf(Membership, input.id),
      version: input.version,
      authorize: byRoleAlone,
      values: (membership) => {
        const changes: Partial<Membership> = {};
        if (input.joinedOn !== undefined) {
          if (
            input.joinedOn !== null &&
            membership.endedOn !== null &&
            membership.endedOn <= input.joinedOn
          ) {
            throw badField('joinedOn', `must be before the end of the membership (${membership.endedOn})`);
          }
          changes.joinedOn = input.joinedOn;
        }
        if (input.role !== undefined) changes.role = input.role;
        return changes;
      },
      write: async (after, before, manager) => {
        await applyMembership(manager, before, after);
        return undefined;
      },
    });
  }

  /**
   * Ends a membership from a date on: the row stays (the cooperation's history and its figures of the years
   * the city was a member), and the figures no longer count the city from that date on.
   */
  endMembership(actor: Actor, input: EndMembershipInput): Promise<Membership> {
    return this.writes.change(actor, {
      operation: 'endMembership',
      row: rowOf(Membership, input.id),
      version: input.version,
      authorize: byRoleAlone,
      values: (membership) => {
        if (membership.endedOn !== null) {
          throw badField('id', `the membership already ended on ${membership.endedOn}`);
        }
        const problem = membershipEndError(membership.joinedOn, input.endedOn);
        if (problem) {
          throw badField('endedOn', problem);
        }
        return { endedOn: input.endedOn };
      },
      write: async (after, before, manager) => {
        await applyMembership(manager, before, after);
        return undefined;
      },
    });
  }
}
