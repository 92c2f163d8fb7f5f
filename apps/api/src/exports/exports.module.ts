import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/index.js';
import { OverviewModule } from '../overview/overview.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SatisfactionModule } from '../satisfaction/satisfaction.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** The lists of the dashboard as CSV and XLSX files, read by the services of their views. */
@Module({
  imports: [ProjectsModule, OverviewModule, SatisfactionModule, MeetingsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
