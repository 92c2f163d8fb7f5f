import { computed, inject, Injectable } from '@angular/core';
import { CooperationListDocument } from '../graphql/generated/graphql';
import { AuthService } from './auth.service';
import { loaded, queryResource } from './graphql-resource';

/** What the default choice needs to know of a cooperation. */
export interface CooperationChoice {
  readonly id: string;
  readonly memberCityIds: readonly string[];
  readonly workingGroups: readonly { readonly id: string }[];
}

/**
 * The cooperation a user's pages open on: the first one their own city belongs to (CDOs, city editors),
 * else the first one with a working group they lead, else the first of all.
 */
export function defaultCooperation(
  cooperations: readonly CooperationChoice[],
  ownCityId: string | null,
  ledWorkingGroupIds: readonly string[],
): string | undefined {
  const own =
    (ownCityId && cooperations.find((c) => c.memberCityIds.includes(ownCityId))) ||
    cooperations.find((c) => c.workingGroups.some((g) => ledWorkingGroupIds.includes(g.id)));
  return (own || cooperations[0])?.id;
}

/** The cooperations, loaded once; pages pick one through the `kooperation` URL parameter. */
@Injectable({ providedIn: 'root' })
export class CooperationService {
  private readonly auth = inject(AuthService);
  readonly list = queryResource(CooperationListDocument, () => ({}));
  readonly cooperations = computed(() => loaded(this.list)?.cooperations ?? []);

  /**
   * The cooperation named by `id`, or, when `id` is empty or unknown, the user's own (see
   * defaultCooperation). Undefined until both the cooperations and the account are known.
   */
  pick(id: string | null | undefined): string | undefined {
    const cooperations = this.cooperations();
    const named = cooperations.find((c) => c.id === id);
    if (named) return named.id;
    if (!this.auth.known()) return undefined;
    return defaultCooperation(cooperations, this.auth.ownCityId(), this.auth.ledWorkingGroupIds());
  }
}
