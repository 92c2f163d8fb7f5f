import { computed, inject, linkedSignal, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { loaded, queryResource } from '../../core/graphql-resource';
import {
  AuditLogPageDocument,
  type AuditFilter,
  type AuditLogPageQuery,
} from '../../graphql/generated/graphql';

type Page = AuditLogPageQuery['auditLog'];

/**
 * The audit entries of a filter, a page at a time, newest first: the first page as a resource that follows
 * the filter, further pages appended by `loadMore` until the filter changes. `undefined` as the filter
 * means "not now" (no right to read, inputs not ready). Call it in an injection context.
 */
export function auditPages(filter: () => AuditFilter | undefined, pageSize: number) {
  const apollo = inject(Apollo);
  const first = queryResource(AuditLogPageDocument, () => {
    const value = filter();
    return value ? { filter: value, first: pageSize } : undefined;
  });
  const firstPage = computed(() => loaded(first)?.auditLog);
  const more = linkedSignal<Page | undefined, readonly Page[]>({ source: firstPage, computation: () => [] });
  const pages = computed(() => {
    const page = firstPage();
    return page ? [page, ...more()] : [];
  });
  const last = computed(() => pages().at(-1));
  const loadingMore = signal(false);
  const moreError = signal<unknown>(null);

  return {
    first,
    entries: computed(() => pages().flatMap((page) => page.edges.map((edge) => edge.node))),
    total: computed(() => firstPage()?.totalCount ?? 0),
    hasMore: computed(() => last()?.pageInfo.hasNextPage ?? false),
    loadingMore: loadingMore.asReadonly(),
    moreError: moreError.asReadonly(),
    /** Appends the next page; resolves to its entries' ids (empty when nothing came). */
    async loadMore(): Promise<string[]> {
      const value = filter();
      const cursor = last()?.pageInfo.endCursor;
      const base = firstPage();
      if (!value || !cursor || loadingMore()) return [];
      loadingMore.set(true);
      moreError.set(null);
      try {
        const result = await firstValueFrom(
          apollo.query({
            query: AuditLogPageDocument,
            variables: { filter: value, first: pageSize, after: cursor },
            fetchPolicy: 'network-only',
          }),
        );
        const page = result.data?.auditLog;
        // A page of a filter that has changed meanwhile belongs to no list.
        if (!page || firstPage() !== base) return [];
        more.update((pages) => [...pages, page]);
        return page.edges.map((edge) => edge.node.id);
      } catch (error) {
        moreError.set(error);
        return [];
      } finally {
        loadingMore.set(false);
      }
    },
  };
}
