import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dialectOf, namedQuery } from '../database/index.js';
import { queryWords, stemOf } from './german-words.js';
import { documentKey, documentOf, SearchKind } from './search-kinds.js';
import type { SearchHit } from './search-hit.model.js';
import { POSTGRES_SEARCH, POSTGRES_TITLE_SEARCH, SQLITE_SEARCH, sqliteTitleMatch } from './search.queries.js';
import { SOURCES, type SearchDocument } from './search-sources.js';
import { snippetOf } from './snippet.js';

const DEFAULT_HITS = 20;

/**
 * The one search over what the cooperation wrote down. Every kind in the index is one that every signed-in
 * account may read (projects, solutions, knowledge entries, decisions); accounts, sessions and the audit log are never indexed.
 * A hit whose row no longer exists is left out, so a search never names a row that cannot be opened.
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: string, first = DEFAULT_HITS): Promise<SearchHit[]> {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const ranked = await this.ranked(words, first);
    const documents = await this.documents(ranked.map((r) => r.key));
    const stems = words.map(stemOf);
    return ranked.flatMap(({ key, score }) => {
      const document = documents.get(key);
      if (!document) return [];
      return [
        {
          kind: document.kind,
          id: String(document.id),
          title: document.title,
          // The body's passage around the hit; a hit in the title alone quotes the beginning of the body.
          snippet: snippetOf(document.text || document.title, stems),
          meetingId: document.meetingId === undefined ? null : String(document.meetingId),
          score,
        },
      ];
    });
  }

  /**
   * Document keys and scores, best first: hits in the title before hits in the text alone. Scores are 1 and
   * more for a title hit, below 1 otherwise, so that they fall along the list.
   */
  private async ranked(words: readonly string[], limit: number): Promise<{ key: number; score: number }[]> {
    const postgres = dialectOf(this.dataSource).name === 'postgres';
    // Words are letters and digits only (german-words.ts), so they cannot break either query syntax.
    const tsquery = words.map((word) => `${word}:*`).join(' & ');
    const match = words.map((word) => `"${stemOf(word)}"*`).join(' AND ');
    const run = async (sql: string, parameters: Record<string, unknown>) =>
      (await namedQuery<{ key: string | number; score: number }>(this.dataSource, sql, parameters)).map(
        (row) => ({ key: Number(row.key), score: Number(row.score) }),
      );
    const inTitles = postgres
      ? await run(POSTGRES_TITLE_SEARCH, { tsquery, limit })
      : await run(SQLITE_SEARCH, { match: sqliteTitleMatch(match), limit });
    const scaled = (score: number) => Math.max(0, score) / (1 + Math.max(0, score));
    const hits = inTitles.map(({ key, score }) => ({ key, score: 1 + scaled(score) }));
    if (hits.length < limit) {
      const found = new Set(hits.map((hit) => hit.key));
      const everywhere = postgres
        ? await run(POSTGRES_SEARCH, { tsquery, limit: limit + hits.length })
        : await run(SQLITE_SEARCH, { match, limit: limit + hits.length });
      for (const { key, score } of everywhere) {
        if (hits.length >= limit) break;
        if (!found.has(key)) hits.push({ key, score: scaled(score) });
      }
    }
    return hits;
  }

  /** The titles and texts of the hits, read from their rows, by document key. */
  private async documents(keys: readonly number[]): Promise<Map<number, SearchDocument>> {
    const idsByKind = new Map<SearchKind, number[]>();
    for (const key of keys) {
      const document = documentOf(key);
      if (document) idsByKind.set(document.kind, [...(idsByKind.get(document.kind) ?? []), document.id]);
    }
    const result = new Map<number, SearchDocument>();
    for (const [kind, ids] of idsByKind) {
      for (const document of await SOURCES[kind].read(this.dataSource, ids)) {
        result.set(documentKey(document.kind, document.id), document);
      }
    }
    return result;
  }
}
