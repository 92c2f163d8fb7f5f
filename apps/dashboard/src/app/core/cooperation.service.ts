import { computed, Injectable } from '@angular/core';
import { CooperationListDocument } from '../graphql/generated/graphql';
import { loaded, queryResource } from './graphql-resource';

/** The cooperations, loaded once; pages pick one through the `kooperation` URL parameter. */
@Injectable({ providedIn: 'root' })
export class CooperationService {
  readonly list = queryResource(CooperationListDocument, () => ({}));
  readonly cooperations = computed(() => loaded(this.list)?.cooperations ?? []);

  /** The cooperation named by `id`, or the first one when `id` is empty or unknown. */
  pick(id: string | null | undefined): string | undefined {
    const cooperations = this.cooperations();
    return (cooperations.find((c) => c.id === id) ?? cooperations[0])?.id;
  }
}
