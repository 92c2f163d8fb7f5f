import type { Adoption } from '../adoptions/index.js';
import type { Actor } from '../auth/index.js';
import { badField, notFound, parseId } from '../common/index.js';
import type { WriteUnit } from '../database/index.js';
import { In } from 'typeorm';
import { Reuse } from './reuse.entity.js';
import { Solution } from './solution.entity.js';
import { developersOf, REUSING_SOURCES, reuseSpec } from './solutions.service.js';

/** The input field of `recordAdoption` that names the reused solution, as messages name it. */
const FIELD = 'reusedSolutionId';

/**
 * Makes the reuse behind an adoption follow what `recordAdoption` said, in the adoption's transaction: the
 * city's reuse of the named solution is linked to the adoption (recorded first if the city had none, since
 * the adoption went live), a reuse linked before is unlinked, and `null` — or a source that takes over
 * nothing — unlinks it. Left out (`undefined`), the link stays as it is. Every reuse it changes is written
 * through `recordReuse`'s own step, so that it is authorized and audited like a reuse recorded by hand.
 */
export async function linkReusedSolution(
  unit: WriteUnit,
  actor: Actor,
  adoption: Adoption,
  reusedSolutionId: string | null | undefined,
): Promise<void> {
  const manager = unit.manager;
  const reusing = adoption.source !== null && REUSING_SOURCES.includes(adoption.source);
  if (reusedSolutionId === undefined && reusing) {
    return;
  }
  const wanted = reusing && reusedSolutionId ? await fittingSolution(unit, adoption, reusedSolutionId) : null;
  const linked = await manager.findOneBy(Reuse, { adoptionId: adoption.id });
  if (linked && linked.solutionId === wanted?.id) {
    return;
  }
  if (linked) {
    await unit.upsert(
      actor,
      reuseSpec({
        solutionId: String(linked.solutionId),
        cityId: String(adoption.cityId),
        adoptionId: null,
        version: linked.version,
      }),
    );
  }
  if (wanted) {
    const existing = await manager.findOneBy(Reuse, { solutionId: wanted.id, cityId: adoption.cityId });
    await unit.upsert(
      actor,
      reuseSpec({
        solutionId: String(wanted.id),
        cityId: String(adoption.cityId),
        adoptionId: String(adoption.id),
        // A reuse recorded along with the adoption started when the service went live, or today.
        ...(existing ? { version: existing.version } : { since: adoption.liveSince ?? undefined }),
      }),
    );
  }
}

/** The named solution, if the adoption may name it: one of its project that the city did not develop. */
async function fittingSolution(unit: WriteUnit, adoption: Adoption, idText: string): Promise<Solution> {
  const solution = await unit.manager.findOneBy(Solution, { id: parseId('Solution', idText, FIELD) });
  if (!solution) {
    throw notFound('Solution', idText, FIELD);
  }
  if (solution.projectId !== null && solution.projectId !== adoption.projectId) {
    throw badField(FIELD, 'must be a solution of the adopted service’s project');
  }
  if ((await developersOf(unit.manager, solution.id)).includes(adoption.cityId)) {
    throw badField(FIELD, 'names a solution the city developed itself; a city does not reuse its own work');
  }
  return solution;
}

/** How many adoption ids one statement looks up at most (SQLite and PostgreSQL bind them as parameters). */
const IDS_PER_STATEMENT = 500;

/**
 * After a batch of adoptions was written (an import, which names no solution): the reuses linked to an
 * adoption whose source no longer takes anything over are unlinked, as `recordAdoption` unlinks the reuse
 * of one. The reuse itself stays (the city did take the solution over, since then). Each is written through
 * `recordReuse`'s own step, authorized and audited like a reuse changed by hand.
 */
export async function unlinkReusesOfOwnWork(
  unit: WriteUnit,
  actor: Actor,
  adoptions: readonly Pick<Adoption, 'id' | 'source'>[],
): Promise<void> {
  const ids = adoptions
    .filter((adoption) => adoption.source === null || !REUSING_SOURCES.includes(adoption.source))
    .map((adoption) => adoption.id);
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const linked = await unit.manager.findBy(Reuse, {
      adoptionId: In(ids.slice(start, start + IDS_PER_STATEMENT)),
    });
    for (const reuse of linked) {
      await unit.upsert(
        actor,
        reuseSpec({
          solutionId: String(reuse.solutionId),
          cityId: String(reuse.cityId),
          adoptionId: null,
          version: reuse.version,
        }),
      );
    }
  }
}
