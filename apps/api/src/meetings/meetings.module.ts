import { Module } from '@nestjs/common';
import { MeetingsController } from './meetings.controller.js';
import {
  ActionItemResolver,
  AgendaItemResolver,
  DecisionResolver,
  MeetingAttendeeResolver,
  MeetingsResolver,
} from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';

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
