import { Controller, Get, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { SignedIn } from '../auth/index.js';
import { City } from '../cities/index.js';
import { notFound } from '../common/index.js';
import { Cooperation } from '../cooperations/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { AgendaItem } from './agenda-item.entity.js';
import { meetingCalendar } from './meetings.ics.js';
import { MeetingsService } from './meetings.service.js';

/** Files of a meeting, beside /graphql: its iCalendar entry. */
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly service: MeetingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get(':file')
  @SignedIn()
  async calendar(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const id = /^(\d+)\.ics$/.exec(file)?.[1];
    if (!id) {
      throw notFound('Meeting', file, 'id');
    }
    const meeting = await this.service.findOne(id);
    const [agenda, hostCity, body] = await Promise.all([
      this.dataSource
        .getRepository(AgendaItem)
        .find({ where: { meetingId: meeting.id }, order: { position: 'ASC' } }),
      meeting.hostCityId === null
        ? null
        : this.dataSource.getRepository(City).findOneBy({ id: meeting.hostCityId }),
      meeting.workingGroupId === null
        ? this.dataSource.getRepository(Cooperation).findOneByOrFail({ id: meeting.cooperationId })
        : this.dataSource.getRepository(WorkingGroup).findOneByOrFail({ id: meeting.workingGroupId }),
    ]);
    const text = meetingCalendar({
      meeting,
      agenda,
      hostCity: hostCity?.name ?? null,
      body: body.name,
      url: null,
    });
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="sitzung-${meeting.id}.ics"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(text);
  }
}
