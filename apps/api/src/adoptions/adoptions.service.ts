import { adoptionWarnings, liveSinceError, maturityLevelError } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { City } from '../cities/index.js';
import { badInput, notFound, parseId, type FieldProblem } from '../common/index.js';
import { mayEditCity, type Actor } from '../auth/index.js';
import { Writes, rowOf, type Permission, type RowRef, type UpsertSpec } from '../database/index.js';
import { applyAdoptionChange } from '../figures/index.js';
import { Project } from '../projects/index.js';
import { linkReusedSolution, REUSING_SOURCES } from '../solutions/index.js';
import { AdoptionChange } from './adoption-change.entity.js';
import { Adoption } from './adoption.entity.js';
import { warningsOf, type AdoptionWarning } from './adoption-warning.model.js';
import type { RecordAdoptionInput } from './dto/record-adoption.input.js';

type AdoptionParents = { project: RowRef<Project>; city: RowRef<City> };

@Injectable()
export class AdoptionsService {
  constructor(
    private readonly writes: Writes,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The row of (project, city), or null when the city has none; NOT_FOUND when either does not exist. */
  async findOne(projectIdText: string, cityIdText: string): Promise<Adoption | null> {
    const projectId = parseId('Project', projectIdText, 'projectId');
    const cityId = parseId('City', cityIdText, 'cityId');
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Project, { id: projectId }))) {
      throw notFound('Project', projectIdText, 'projectId');
    }
    if (!(await manager.existsBy(City, { id: cityId }))) {
      throw notFound('City', cityIdText, 'cityId');
    }
    return manager.findOneBy(Adoption, { projectId, cityId });
  }

  /**
   * Creates or changes the one row of (project, city) and appends its new state to the history, with the
   * warnings of that state (a LIVE adoption of a service whose project is not live is kept, but doubted).
   */
  record(actor: Actor, input: RecordAdoptionInput): Promise<Adoption> {
    const problems = adoptionProblems(input);
    if (problems.length > 0) {
      throw badInput(problems);
    }
    const now = new Date();
    let warnings: AdoptionWarning[] = [];
    const spec: UpsertSpec<Adoption, AdoptionParents> = {
      operation: 'recordAdoption',
      entity: Adoption,
      parents: {
        project: rowOf(Project, input.projectId, 'projectId'),
        city: rowOf(City, input.cityId, 'cityId'),
      },
      authorize: ({ city }, actor) => mayRecordAdoption(actor, city.id),
      key: ({ project, city }) => ({ projectId: project.id, cityId: city.id }),
      version: input.version,
      values: ({ project, city }) => {
        warnings = warningsOf(adoptionWarnings(input.stage, project.phase), project.phase);
        return adoptionValues(input, project.id, city.id, now);
      },
      write: async (adoption, _before, manager) => {
        const change = await manager.save(AdoptionChange, historyOf(adoption, now, warnings));
        await applyAdoptionChange(manager, change);
        // The audit entry says so too, so that the city's and the project's history show it.
        return warnings.length > 0 ? { warnings: warnings.map((warning) => warning.code) } : undefined;
      },
    };
    // The reuse behind the adoption follows it in the same transaction: both are written, or neither.
    return this.writes.inOneTransaction(async (unit) => {
      const adoption = await unit.upsert(actor, spec);
      await linkReusedSolution(unit, actor, adoption, input.reusedSolutionId);
      return adoption;
    });
  }
}

/**
 * What breaks the rules of an adoption beyond each field's own (class-validator on the input): every
 * problem, each naming its field. The import checks its rows with the same rules.
 */
export function adoptionProblems(input: RecordAdoptionInput, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const levelProblem = maturityLevelError(input.maturityModel, input.maturityLevel);
  if (levelProblem) {
    problems.push({ field: 'maturityLevel', message: levelProblem });
  }
  const liveProblem = liveSinceError(input.stage, input.liveSince, now);
  if (liveProblem) {
    problems.push({ field: 'liveSince', message: liveProblem });
  }
  if (
    input.reusedSolutionId !== undefined &&
    input.reusedSolutionId !== null &&
    !(input.source && REUSING_SOURCES.includes(input.source))
  ) {
    problems.push({
      field: 'reusedSolutionId',
      message: `names a solution only with source ${REUSING_SOURCES.join(' or ')}`,
    });
  }
  return problems;
}

/** Who may record a city's adoptions: `true`, or the message of the refusal. */
export function mayRecordAdoption(actor: Actor, cityId: number): Permission {
  return (
    mayEditCity(actor, cityId) ||
    'Only the city’s editors, its CDO and administrators may record its adoptions.'
  );
}

/** The stored row of valid input. */
export function adoptionValues(
  input: RecordAdoptionInput,
  projectId: number,
  cityId: number,
  now: Date,
): Omit<Adoption, 'id' | 'version' | 'project' | 'city'> {
  return {
    projectId,
    cityId,
    stage: input.stage,
    maturityModel: input.maturityModel,
    maturityLevel: input.maturityLevel ?? null,
    liveSince: input.liveSince ?? null,
    source: input.source ?? null,
    notes: input.notes ?? null,
    updatedAt: now,
  };
}

/** What an adoption's state is made of; a row whose state is the same is unchanged. */
export const ADOPTION_STATE = [
  'stage',
  'maturityModel',
  'maturityLevel',
  'liveSince',
  'source',
  'notes',
] as const;

/** The history row of an adoption's new state. */
export function historyOf(
  adoption: Adoption,
  recordedAt: Date,
  warnings: readonly AdoptionWarning[] = [],
): Omit<AdoptionChange, 'id' | 'adoption'> {
  return {
    adoptionId: adoption.id,
    projectId: adoption.projectId,
    cityId: adoption.cityId,
    recordedAt,
    stage: adoption.stage,
    maturityModel: adoption.maturityModel,
    maturityLevel: adoption.maturityLevel,
    liveSince: adoption.liveSince,
    source: adoption.source,
    notes: adoption.notes,
    version: adoption.version,
    // The state's doubts (a LIVE adoption of a service not live yet) stay with it in the history.
    warnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
  };
}
