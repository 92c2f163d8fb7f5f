import { inject, type ResourceRef } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import { catchError, map, of, throwError } from 'rxjs';

export interface QueryResourceOptions {
  /**
   * Keep the answer out of Apollo's cache: for large answers that nothing else reads, whose writing into
   * the normalised cache would cost more than the request.
   */
  readonly uncached?: boolean;
}

export interface QueryResource<T> extends ResourceRef<T | undefined> {
  /**
   * Fetches the data again in the background, as a live signal asks: the page keeps showing what it has
   * meanwhile, and keeps it if the refetch fails (the live indicator tells about a lost connection), so that
   * a form the user is typing into is never swapped for an error message.
   */
  refresh(): void;
}

/**
 * A resource that runs a typed GraphQL query whenever its variables change; `undefined` variables mean
 * "not ready yet". Figures are always read fresh from the server: they may change under the user.
 */
export function queryResource<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: () => TVariables | undefined,
  options: QueryResourceOptions = {},
): QueryResource<TData> {
  const apollo = inject(Apollo);
  // What the page showed when a background refetch was asked for: kept if that refetch fails.
  let keep: { readonly data: TData | undefined } | null = null;
  const resource = rxResource({
    params: variables,
    stream: ({ params }) => {
      const kept = keep;
      keep = null;
      return apollo
        .query<TData, TVariables>({
          query: document,
          variables: params,
          fetchPolicy: options.uncached ? 'no-cache' : 'network-only',
        } as never)
        .pipe(
          map((result) => result.data as TData),
          catchError((error: unknown) => (kept ? of(kept.data as TData) : throwError(() => error))),
        );
    },
  });
  return Object.assign(resource, {
    refresh: () => {
      // Not while the first load runs or after a failure: then the page shows that state, not data.
      if (!resource.hasValue()) return;
      keep = { data: resource.value() };
      resource.reload();
    },
  });
}

/** The resource's value, or undefined while it loads or after it failed (when `value()` would throw). */
export function loaded<T>(resource: ResourceRef<T | undefined>): T | undefined {
  return resource.hasValue() ? resource.value() : undefined;
}
