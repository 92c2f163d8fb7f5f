import { Module } from '@nestjs/common';
import {
  DigestResolver,
  MilestoneProjectResolver,
  ProjectChangeResolver,
  SatisfactionChangeResolver,
} from './digest.resolver.js';
import { DigestService } from './digest.service.js';

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
