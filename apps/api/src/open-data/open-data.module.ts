import { Module } from '@nestjs/common';
import { OverviewModule } from '../overview/overview.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SatisfactionModule } from '../satisfaction/satisfaction.module.js';
import { OpenDataController } from './open-data.controller.js';
import { OpenDataService } from './open-data.service.js';

/** Open data without sign-in: each cooperation's non-personal figures and their DCAT-AP.de catalog. */
@Module({
  imports: [OverviewModule, ProjectsModule, SatisfactionModule],
  controllers: [OpenDataController],
  providers: [OpenDataService],
})
export class OpenDataModule {}
