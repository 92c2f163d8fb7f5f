import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { City } from '../cities/index.js';
import { badField, notFound, parseId } from '../common/index.js';
import { Cooperation, Membership } from '../cooperations/index.js';
import { mayEditWorkingGroup, type Actor } from '../auth/index.js';
import { Writes, byRoleAlone, rowOf } from '../database/index.js';
import type { CreateWorkingGroupInput } from './dto/create-working-group.input.js';
import type { UpdateWorkingGroupInput } from './dto/update-working-group.input.js';
import { WorkingGroupMember } from './working-group-member.entity.js';
import { WorkingGroup } from './working-group.entity.js';

@Injectable()
export class WorkingGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
  ) {}

  async findByCooperation(cooperationId: string): Promise<WorkingGroup[]> {
    const id = parseId('Cooperation', cooperationId, 'cooperationId');
    if (!(await this.dataSource.getRepository(Cooperation).existsBy({ id }))) {
      throw notFound('Cooperation', cooperationId, 'cooperationId');
    }
    return this.dataSource
      .getRepository(WorkingGroup)
      .createQueryBuilder('wg')
      .where('wg.cooperationId = :id', { id })
      .orderBy('sort_key(wg.name)', 'ASC')
      .getMany();
  }

  async findOne(id: string, field = 'id'): Promise<WorkingGroup> {
    const group = await this.dataSource
      .getRepository(WorkingGroup)
      .findOneBy({ id: parseId('WorkingGroup', id, field) });
    if (!group) {
      throw notFound('WorkingGroup', id, field);
    }
    return group;
  }

  create(actor: Actor, input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    return this.writes.create(actor, {
      operation: 'createWorkingGroup',
      entity: WorkingGroup,
      parents: { cooperation: rowOf(Cooperation, input.cooperationId, 'cooperationId') },
      authorize: byRoleAlone,
      values: async ({ cooperation }, manager) => ({
        cooperationId: cooperation.id,
        name: input.name,
        focus: input.focus,
        description: input.description ?? null,
        leadCityId: await this.memberCity(manager, cooperation.id, input.leadCityId, 'leadCityId'),
        leadPerson: input.leadPerson ?? null,
      }),
      write: async (group, manager) => {
        const memberIds = await this.memberCities(manager, group.cooperationId, input.memberCityIds);
        const members = memberIds ?? (group.leadCityId ? [group.leadCityId] : []);
        await this.replaceMembers(manager, group.id, members);
        return { memberCityIds: members };
      },
    });
  }

  update(actor: Actor, input: UpdateWorkingGroupInput): Promise<WorkingGroup> {
    return this.writes.change(actor, {
      operation: 'updateWorkingGroup',
      row: rowOf(WorkingGroup, input.id),
      version: input.version,
      authorize: (group, actor) =>
        mayEditWorkingGroup(actor, group.id) ||
        `Only the leads of the working group "${group.name}" and administrators may change it.`,
      values: async (group, manager) => {
        const changes: Partial<WorkingGroup> = {};
        if (input.name !== undefined) changes.name = input.name;
        if (input.focus !== undefined) changes.focus = input.focus;
        if (input.description !== undefined) changes.description = input.description;
        if (input.leadPerson !== undefined) changes.leadPerson = input.leadPerson;
        if (input.leadCityId !== undefined) {
          changes.leadCityId = await this.memberCity(
            manager,
            group.cooperationId,
            input.leadCityId,
            'leadCityId',
          );
        }
        return changes;
      },
      write: async (group, _before, manager) => {
        const memberIds = await this.memberCities(manager, group.cooperationId, input.memberCityIds);
        if (!memberIds) {
          return undefined;
        }
        await this.replaceMembers(manager, group.id, memberIds);
        return { memberCityIds: memberIds };
      },
    });
  }

  /** The id of a city that must be a member of the cooperation, or null when none is given. */
  private async memberCity(
    manager: EntityManager,
    cooperationId: number,
    cityId: string | null | undefined,
    field: string,
  ): Promise<number | null> {
    if (cityId === null || cityId === undefined) {
      return null;
    }
    const id = parseId('City', cityId, field);
    if (!(await manager.existsBy(City, { id }))) {
      throw notFound('City', cityId, field);
    }
    if (!(await manager.existsBy(Membership, { cooperationId, cityId: id }))) {
      throw badField(field, `city ${cityId} is not a member of the working group's cooperation`);
    }
    return id;
  }

  private async memberCities(
    manager: EntityManager,
    cooperationId: number,
    cityIds: string[] | null | undefined,
  ): Promise<number[] | null> {
    if (cityIds === null || cityIds === undefined) {
      return null;
    }
    const ids = [...new Set(cityIds.map((id) => parseId('City', id, 'memberCityIds')))];
    const known = new Set((await manager.findBy(City, { id: In(ids) })).map((city) => city.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) {
      throw notFound('City', unknown, 'memberCityIds');
    }
    const members = await manager.findBy(Membership, { cooperationId, cityId: In(ids) });
    const inCooperation = new Set(members.map((m) => m.cityId));
    const strangers = ids.filter((id) => !inCooperation.has(id));
    if (strangers.length > 0) {
      throw badField(
        'memberCityIds',
        `cities ${strangers.join(', ')} are not members of the working group's cooperation`,
      );
    }
    return ids;
  }

  private async replaceMembers(
    manager: EntityManager,
    workingGroupId: number,
    cityIds: number[],
  ): Promise<void> {
    await manager.delete(WorkingGroupMember, { workingGroupId });
    if (cityIds.length > 0) {
      await manager.insert(
        WorkingGroupMember,
        cityIds.map((cityId) => ({ workingGroupId, cityId })),
      );
    }
  }
}
