import { Global, Module } from '@nestjs/common';
import {
  AdoptionMatrixResolver,
  CooperationActivityResolver,
  OverviewResolver,
  WorkingGroupActivityResolver,
} from './overview.resolver.js';
import { OverviewService } from './overview.service.js';

// Global, so that other features' modules use its services without importing this module: modules are
// wired by the composition root (app.module.ts), and no feature imports another feature's module.
@Global()
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
