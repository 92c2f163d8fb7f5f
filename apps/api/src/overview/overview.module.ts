import { Module } from '@nestjs/common';
import { AdoptionMatrixResolver, OverviewResolver } from './overview.resolver.js';
import { OverviewService } from './overview.service.js';

@Module({ providers: [OverviewService, OverviewResolver, AdoptionMatrixResolver] })
export class OverviewModule {}
