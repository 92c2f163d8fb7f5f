import { liveSinceError, maturityLevelError } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { City } from '../cities/city.entity.js';
import { badField, forbidden, notFound } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { Transactions } from '../database/transactions.js';
import { AuditService } from '../audit/audit.service.js';
import { mayEditCity, type Actor } from '../auth/actor.js';
import { upsertVersioned } from '../database/versioned.js';
import { applyAdoptionChange } from '../figures/index.js';
import { Project } from '../projects/project.entity.js';
import { AdoptionChange } from './adoption-change.entity.js';
import { Adoption } from './adoption.entity.js';
import type { RecordAdoptionInput } from './dto/record-adoption.input.js';

@Injectable()
export class AdoptionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Creates or changes the one row of (project, city) and appends its new state to the history. */
  record(actor: Actor, input: RecordAdoptionInput): Promise<Adoption> {
    const levelProblem = maturityLevelError(input.maturityModel, input.maturityLevel);
    if (levelProblem) {
      throw badField('maturityLevel', levelProblem);
    }
    const liveProblem = liveSinceError(input.stage, input.liveSince);
    if (liveProblem) {
      throw badField('liveSince', liveProblem);
    }
    return this.transactions.run(async (manager) => {
      const projectId = parseId('Project', input.projectId, 'projectId');
      const cityId = parseId('City', input.cityId, 'cityId');
      if (!(await manager.existsBy(Project, { id: projectId }))) {
        throw notFound('Project', input.projectId, 'projectId');
      }
      if (!(await manager.existsBy(City, { id: cityId }))) {
        throw notFound('City', input.cityId, 'cityId');
      }
      if (!mayEditCity(actor, cityId)) {
        throw forbidden('Only the city’s editors, its CDO and administrators may record its adoptions.');
      }
      const state = {
        stage: input.stage,
        maturityModel: input.maturityModel,
        maturityLevel: input.maturityLevel ?? null,
        liveSince: input.liveSince ?? null,
        source: input.source ?? null,
        notes: input.notes ?? null,
        updatedAt: new Date(),
      };
      const existing = await manager.findOneBy(Adoption, { projectId, cityId });
      const adoption = await upsertVersioned(
        manager,
        Adoption,
        existing,
        input.version,
        { projectId, cityId, ...state },
        'adoption',
      );
      const change = await manager.save(AdoptionChange, {
        adoptionId: adoption.id,
        projectId,
        cityId,
        recordedAt: state.updatedAt,
        stage: adoption.stage,
        maturityModel: adoption.maturityModel,
        maturityLevel: adoption.maturityLevel,
        liveSince: adoption.liveSince,
        source: adoption.source,
        notes: adoption.notes,
        version: adoption.version,
      });
      await applyAdoptionChange(manager, change);
      await this.audit.record(manager, actor, {
        operation: 'recordAdoption',
        entity: 'Adoption',
        entityId: adoption.id,
        before: existing,
        after: adoption,
      });
      return adoption;
    });
  }
}
