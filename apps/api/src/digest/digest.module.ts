import { Global, Module } from '@nestjs/common';
import {
  DigestResolver,
  MilestoneProjectResolver,
  ProjectChangeResolver,
  SatisfactionChangeResolver,
} from './digest.resolver.js';
import { DigestService } from './digest.service.js';

// Global, so that other features' modules use its services without importing this module: modules are
// wired by the composition root (app.module.ts), and no feature imports another feature's module.
@Global()
@Module({
  providers: [
    DigestService,
    DigestResolver,
    ProjectChangeResolver,
    SatisfactionChangeResolver,
    MilestoneProjectResolver,
  ],
  exports: [DigestService],
})
export class DigestModule {}
