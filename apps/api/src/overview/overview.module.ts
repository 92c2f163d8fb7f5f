import { Module } from '@nestjs/common';
import {
  AdoptionMatrixResolver,
  CooperationActivityResolver,
  OverviewResolver,
  WorkingGroupActivityResolver,
} from './overview.resolver.js';
import { OverviewService } from './overview.service.js';

@Module({
  providers: [
    OverviewService,
    OverviewResolver,
    AdoptionMatrixResolver,
    CooperationActivityResolver,
    WorkingGroupActivityResolver,
  ],
  exports: [OverviewService],
})
export class OverviewModule {}
