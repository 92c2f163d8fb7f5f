import type { EntityManager } from 'typeorm';

// The rows are named by entity name, not class: the database layer imports nothing of the features at run
// time, so that the features' entry files, which all lead here, form no cycle through it.

/** The keys a changed row carries that place it in cooperations. */
export interface ChangeScope {
  /** The entity, named as in the audit log. */
  readonly entity: string;
  readonly id: number;
  /** The row's own cooperation (a working group's, a membership's). */
  readonly cooperationId: number | null;
  /** The project the row is or belongs to. */
  readonly projectId: number | null;
  /** The city the row is or belongs to. */
  readonly cityId: number | null;
}

/**
 * The cooperations whose figures or lists show a changed row: a cooperation itself; the cooperation of a
 * working group or membership; the cooperation of a project's working group for the project and its rows,
 * and for a row of a project in a city (adoption, satisfaction figures) only when the city is a member;
 * every cooperation a city is a member of, for the city. Undefined for rows outside any cooperation.
 */
export async function concernedCooperations(
  manager: EntityManager,
  scope: ChangeScope,
): Promise<number[] | undefined> {
  if (scope.entity === 'Cooperation') {
    return [scope.id];
  }
  if (scope.cooperationId !== null) {
    return [scope.cooperationId];
  }
  if (scope.projectId !== null) {
    const query = manager
      .createQueryBuilder('WorkingGroup', 'wg')
      .select('wg.cooperationId', 'id')
      .innerJoin('Project', 'p', 'p.workingGroupId = wg.id')
      .where('p.id = :projectId', { projectId: scope.projectId });
    if (scope.cityId !== null) {
      query.innerJoin('Membership', 'm', 'm.cooperationId = wg.cooperationId AND m.cityId = :cityId', {
        cityId: scope.cityId,
      });
    }
    return ids(await query.getRawMany<{ id: number | string }>());
  }
  if (scope.cityId !== null) {
    const rows = await manager
      .createQueryBuilder('Membership', 'm')
      .select('m.cooperationId', 'id')
      .where('m.cityId = :cityId', { cityId: scope.cityId })
      .orderBy('m.cooperationId', 'ASC')
      .getRawMany<{ id: number | string }>();
    return ids(rows);
  }
  return undefined;
}

function ids(rows: readonly { id: number | string }[]): number[] {
  return rows.map((row) => Number(row.id));
}

/**
 * `concernedCooperations` of many rows at once (a batch write): the rows of a project in a city (adoptions,
 * satisfaction figures) from one statement over the projects' cooperations and their members, any other
 * row as above.
 */
export async function concernedCooperationsOfMany(
  manager: EntityManager,
  scopes: readonly ChangeScope[],
): Promise<(number[] | undefined)[]> {
  const ofProjectInCity = (scope: ChangeScope) =>
    scope.entity !== 'Cooperation' &&
    scope.cooperationId === null &&
    scope.projectId !== null &&
    scope.cityId !== null;
  const projectIds = [...new Set(scopes.filter(ofProjectInCity).map((scope) => scope.projectId as number))];
  const members = new Map<string, number[]>();
  if (projectIds.length > 0) {
    const rows = await manager
      .createQueryBuilder('WorkingGroup', 'wg')
      .select('p.id', 'projectId')
      .addSelect('m.cityId', 'cityId')
      .addSelect('wg.cooperationId', 'cooperationId')
      .innerJoin('Project', 'p', 'p.workingGroupId = wg.id')
      .innerJoin('Membership', 'm', 'm.cooperationId = wg.cooperationId')
      .where('p.id IN (:...projectIds)', { projectIds })
      .getRawMany<{ projectId: number | string; cityId: number | string; cooperationId: number | string }>();
    for (const row of rows) {
      const key = `${Number(row.projectId)}:${Number(row.cityId)}`;
      members.set(key, [...(members.get(key) ?? []), Number(row.cooperationId)]);
    }
  }
  const result: (number[] | undefined)[] = [];
  for (const scope of scopes) {
    result.push(
      ofProjectInCity(scope)
        ? (members.get(`${scope.projectId}:${scope.cityId}`) ?? [])
        : await concernedCooperations(manager, scope),
    );
  }
  return result;
}
