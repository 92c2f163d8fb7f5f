import { Module } from '@nestjs/common';
import {
  AdoptionMatrixResolver,
  CooperationActivityResolver,
  OverviewResolver,
  WorkingGroupActivityResolver,
} from './overview.resolver.js';
import { OverviewService } from './overview.service.js';

@Module({
  exports: [OverviewService],
  providers: [
    OverviewService,
    OverviewResolver,
    AdoptionMatrixResolver,
    CooperationActivityResolver,
    WorkingGroupActivityResolver,
  ],
})
export class OverviewModule {}
