import { inject, type ResourceRef } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import { map } from 'rxjs';

export interface QueryResourceOptions {
  /**
   * Keep the answer out of Apollo's cache: for large answers that nothing else reads, whose writing into
   * the normalised cache would cost more than the request.
   */
  readonly uncached?: boolean;
}

/**
 * A resource that runs a typed GraphQL query whenever its variables change; `undefined` variables mean
 * "not ready yet". Figures are always read fresh from the server: they may change under the user.
 */
export function queryResource<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: () => TVariables | undefined,
  options: QueryResourceOptions = {},
): ResourceRef<TData | undefined> {
  const apollo = inject(Apollo);
  return rxResource({
    params: variables,
    stream: ({ params }) =>
      apollo
        .query<TData, TVariables>({
          query: document,
          variables: params,
          fetchPolicy: options.uncached ? 'no-cache' : 'network-only',
        } as never)
        .pipe(map((result) => result.data as TData)),
  });
}

/** The resource's value, or undefined while it loads or after it failed (when `value()` would throw). */
export function loaded<T>(resource: ResourceRef<T | undefined>): T | undefined {
  return resource.hasValue() ? resource.value() : undefined;
}
