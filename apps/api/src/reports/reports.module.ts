import { Module } from '@nestjs/common';
import { DigestModule } from '../digest/index.js';
import { OverviewModule } from '../overview/overview.module.js';
import { SatisfactionModule } from '../satisfaction/satisfaction.module.js';
import { AnnualReportController } from './annual-report.controller.js';
import { AnnualReportReader } from './annual-report.data.js';
import { SatisfactionRankingResolver } from './satisfaction-ranking.resolver.js';

@Module({
  imports: [OverviewModule, SatisfactionModule, DigestModule],
  controllers: [AnnualReportController],
  providers: [AnnualReportReader, SatisfactionRankingResolver],
})
export class ReportsModule {}
