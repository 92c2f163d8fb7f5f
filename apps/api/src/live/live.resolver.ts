import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { SignedIn } from '../auth/index.js';
import { CooperationsService } from '../cooperations/index.js';
import { ChangeSignal } from './change-signal.model.js';
import { LiveHub } from './live-hub.js';

@Resolver()
export class LiveResolver {
  constructor(
    private readonly cooperations: CooperationsService,
    private readonly hub: LiveHub,
  ) {}

  /**
   * Whoever may read the cooperation (the same rule as the `cooperation` query) may follow its changes.
   * Runs only over the event stream at /graphql/stream; POST /graphql refuses subscriptions.
   */
  @Subscription(() => ChangeSignal, {
    description:
      'A signal for every committed change in the cooperation: refetch what shows it. Carries no data. ' +
      'Operation `resync` (entity Cooperation) means signals may have been missed: refetch everything.',
    resolve: (signal: ChangeSignal) => signal,
  })
  @SignedIn()
  async cooperationChanged(
    @Args('cooperationId', { type: () => ID }) cooperationId: string,
  ): Promise<AsyncIterableIterator<ChangeSignal>> {
    const cooperation = await this.cooperations.findOne(cooperationId, 'cooperationId');
    return this.hub.subscribe(cooperation.id);
  }
}
