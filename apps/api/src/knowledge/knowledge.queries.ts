import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { parseId } from '../common/index.js';
import type { KnowledgeEntryFilter } from './dto/knowledge-entries.args.js';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Narrows a query of knowledge entries (alias `k`) to the filter. */
export function applyKnowledgeFilter<T extends object>(
  query: SelectQueryBuilder<T>,
  filter: KnowledgeEntryFilter,
): SelectQueryBuilder<T> {
  if (filter.workingGroupId) {
    query.andWhere('k.workingGroupId = :workingGroupId', {
      workingGroupId: parseId('WorkingGroup', filter.workingGroupId, 'filter.workingGroupId'),
    });
  }
  if (filter.projectId) {
    query.andWhere('k.projectId = :projectId', {
      projectId: parseId('Project', filter.projectId, 'filter.projectId'),
    });
  }
  if (filter.solutionId) {
    query.andWhere('k.solutionId = :solutionId', {
      solutionId: parseId('Solution', filter.solutionId, 'filter.solutionId'),
    });
  }
  if (filter.tag) {
    // Tags are stored lower-case as a JSON array of strings: the quoted tag is one whole element.
    query.andWhere("k.tags LIKE :tagPattern ESCAPE '\\'", {
      tagPattern: `%${escapeLike(JSON.stringify(filter.tag.toLowerCase()))}%`,
    });
  }
  if (filter.search) {
    // Folded in SQL on both sides (case, diacritics, ß), so that "strasse" finds "Straße".
    const pattern = `%${escapeLike(filter.search)}%`;
    query.andWhere(
      new Brackets((q) =>
        q
          .where("sort_key(k.title) LIKE sort_key(:pattern) ESCAPE '\\'", { pattern })
          .orWhere("sort_key(k.body) LIKE sort_key(:pattern) ESCAPE '\\'", { pattern }),
      ),
    );
  }
  return query;
}
