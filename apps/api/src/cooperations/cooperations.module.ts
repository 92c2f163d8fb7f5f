import { Global, Module } from '@nestjs/common';
import { CooperationsResolver, MembershipResolver } from './cooperations.resolver.js';
import { CooperationsService } from './cooperations.service.js';

// Global, so that other features' modules use its services without importing this module: modules are
// wired by the composition root (app.module.ts), and no feature imports another feature's module.
@Global()
@Module({
  providers: [CooperationsService, CooperationsResolver, MembershipResolver],
  exports: [CooperationsService],
})
export class CooperationsModule {}
