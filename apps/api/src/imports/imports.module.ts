import { Module } from '@nestjs/common';
import { ImportsController, PreflightGuard } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  controllers: [ImportsController],
  providers: [ImportsService, PreflightGuard],
  exports: [ImportsService],
})
export class ImportsModule {}
