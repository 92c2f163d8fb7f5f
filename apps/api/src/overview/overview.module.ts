import { Module } from '@nestjs/common';
import {
  AdoptionMatrixResolver,
  CooperationActivityResolver,
  OverviewResolver,
} from './overview.resolver.js';
import { OverviewService } from './overview.service.js';

@Module({
  providers: [OverviewService, OverviewResolver, AdoptionMatrixResolver, CooperationActivityResolver],
})
export class OverviewModule {}
