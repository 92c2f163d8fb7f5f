import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller.js';
import { OpenDataService } from './open-data.service.js';

/** Open data without sign-in: each cooperation's non-personal figures and their DCAT-AP.de catalog. */
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataService],
})
export class OpenDataModule {}
