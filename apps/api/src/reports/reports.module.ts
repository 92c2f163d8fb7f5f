import { Module } from '@nestjs/common';
import { AnnualReportController } from './annual-report.controller.js';
import { AnnualReportReader } from './annual-report.data.js';
import { SatisfactionRankingResolver } from './satisfaction-ranking.resolver.js';

@Module({
  controllers: [AnnualReportController],
  providers: [AnnualReportReader, SatisfactionRankingResolver],
})
export class ReportsModule {}
