import { Global, Module } from '@nestjs/common';
import { MeetingsController } from './meetings.controller.js';
import {
  ActionItemResolver,
  AgendaItemResolver,
  DecisionResolver,
  MeetingAttendeeResolver,
  MeetingsResolver,
} from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';

// Global, so that other features' modules use its services without importing this module: modules are
// wired by the composition root (app.module.ts), and no feature imports another feature's module.
@Global()
@Module({
  controllers: [MeetingsController],
  providers: [
    MeetingsService,
    MeetingsResolver,
    MeetingAttendeeResolver,
    AgendaItemResolver,
    DecisionResolver,
    ActionItemResolver,
  ],
  exports: [MeetingsService],
})
export class MeetingsModule {}
