import { adoptionWarnings, liveSinceError, maturityLevelError } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { City } from '../cities/city.entity.js';
import { badField } from '../common/errors.js';
import { mayEditCity, type Actor } from '../auth/actor.js';
import { rowOf, Writes } from '../database/write-path.js';
import { Project } from '../projects/project.entity.js';
import { AdoptionChange } from './adoption-change.entity.js';
import { Adoption } from './adoption.entity.js';
import { warningsOf, type AdoptionWarning } from './adoption-warning.model.js';
import type { RecordAdoptionInput } from './dto/record-adoption.input.js';

@Injectable()
export class AdoptionsService {
  constructor(private readonly writes: Writes) {}

  /**
   * Creates or changes the one row of (project, city) and appends its new state to the history, with the
   * warnings of that state (a LIVE adoption of a service whose project is not live is kept, but doubted).
   */
  record(actor: Actor, input: RecordAdoptionInput): Promise<Adoption> {
    const levelProblem = maturityLevelError(input.maturityModel, input.maturityLevel);
    if (levelProblem) {
      throw badField('maturityLevel', levelProblem);
    }
    const liveProblem = liveSinceError(input.stage, input.liveSince);
    if (liveProblem) {
      throw badField('liveSince', liveProblem);
    }
    const now = new Date();
    let warnings: AdoptionWarning[] = [];
    return this.writes.upsert(actor, {
      operation: 'recordAdoption',
      entity: Adoption,
      parents: {
        project: rowOf(Project, input.projectId, 'projectId'),
        city: rowOf(City, input.cityId, 'cityId'),
      },
      authorize: ({ city }, actor) =>
        mayEditCity(actor, city.id) ||
        'Only the city’s editors, its CDO and administrators may record its adoptions.',
      key: ({ project, city }) => ({ projectId: project.id, cityId: city.id }),
      version: input.version,
      values: ({ project, city }) => {
        warnings = warningsOf(adoptionWarnings(input.stage, project.phase), project.phase);
        return {
          projectId: project.id,
          cityId: city.id,
          stage: input.stage,
          maturityModel: input.maturityModel,
          maturityLevel: input.maturityLevel ?? null,
          liveSince: input.liveSince ?? null,
          source: input.source ?? null,
          notes: input.notes ?? null,
          updatedAt: now,
        };
      },
      write: async (adoption, _before, manager) => {
        await manager.insert(AdoptionChange, {
          adoptionId: adoption.id,
          projectId: adoption.projectId,
          cityId: adoption.cityId,
          recordedAt: now,
          stage: adoption.stage,
          maturityModel: adoption.maturityModel,
          maturityLevel: adoption.maturityLevel,
          liveSince: adoption.liveSince,
          source: adoption.source,
          notes: adoption.notes,
          version: adoption.version,
          warnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
        });
        // The audit entry says so too, so that the city's and the project's history show it.
        return warnings.length > 0 ? { warnings: warnings.map((warning) => warning.code) } : undefined;
      },
    });
  }
}
