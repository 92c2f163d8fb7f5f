import { Global, Module } from '@nestjs/common';
import { CitySatisfactionResolver, SatisfactionResolver } from './satisfaction.resolver.js';
import { SatisfactionService } from './satisfaction.service.js';

// Global, so that other features' modules use its services without importing this module: modules are
// wired by the composition root (app.module.ts), and no feature imports another feature's module.
@Global()
@Module({
  providers: [SatisfactionService, SatisfactionResolver, CitySatisfactionResolver],
  exports: [SatisfactionService],
})
export class SatisfactionModule {}
