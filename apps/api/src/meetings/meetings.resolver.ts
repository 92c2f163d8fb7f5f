import { agendaMinutes as minutesOf, isOverdue, Role, todayIso } from '@koop/domain';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentActor, Roles, SignedIn, type Actor, type HttpContext } from '../auth/index.js';
import { City } from '../cities/index.js';
import { connectionType } from '../common/index.js';
import { Cooperation } from '../cooperations/index.js';
import { required, type GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { ActionItem } from './action-item.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Decision } from './decision.entity.js';
import {
  AddAgendaItemInput,
  CreateMeetingInput,
  RecordActionItemInput,
  RecordDecisionInput,
  SetMeetingStateInput,
  UpdateActionItemInput,
} from './dto/meeting.inputs.js';
import { ActionItemsArgs, MeetingsArgs } from './dto/meetings.args.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
import { Meeting } from './meeting.entity.js';
import { meetingLoaders } from './meetings.loaders.js';
import { MeetingsService } from './meetings.service.js';

const MeetingConnection = connectionType(Meeting, 'Meeting');
const ActionItemConnection = connectionType(ActionItem, 'ActionItem');

/** Everyone who holds meetings: admins, CDOs (annual meetings), working-group leads (their group's). */
const HOLDERS = [Role.ADMIN, Role.CDO, Role.WORKING_GROUP_LEAD] as const;

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(
    private readonly service: MeetingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => MeetingConnection, { description: 'Meetings matching the filter, latest first.' })
  @SignedIn()
  meetings(@Args() args: MeetingsArgs) {
    return this.service.findPage(args);
  }

  @Query(() => Meeting)
  @SignedIn()
  meeting(@Args('id', { type: () => ID }) id: string): Promise<Meeting> {
    return this.service.findOne(id);
  }

  @Mutation(() => Meeting, {
    description: 'Plans a meeting (DRAFT): of a cooperation (annual) or of a working group.',
  })
  @Roles(...HOLDERS)
  createMeeting(@Args('input') input: CreateMeetingInput, @CurrentActor() actor: Actor): Promise<Meeting> {
    return this.service.createMeeting(actor, input);
  }

  @Mutation(() => Meeting, { description: 'Moves a meeting forward; a stale version gives CONFLICT.' })
  @Roles(...HOLDERS)
  setMeetingState(
    @Args('input') input: SetMeetingStateInput,
    @CurrentActor() actor: Actor,
  ): Promise<Meeting> {
    return this.service.setMeetingState(actor, input);
  }

  @Mutation(() => AgendaItem, {
    description: 'Adds an item at the end of the agenda of a meeting not closed.',
  })
  @Roles(...HOLDERS)
  addAgendaItem(@Args('input') input: AddAgendaItemInput, @CurrentActor() actor: Actor): Promise<AgendaItem> {
    return this.service.addAgendaItem(actor, input);
  }

  @Mutation(() => Decision, { description: 'Records a decision of a meeting IN_PROGRESS.' })
  @Roles(...HOLDERS)
  recordDecision(@Args('input') input: RecordDecisionInput, @CurrentActor() actor: Actor): Promise<Decision> {
    return this.service.recordDecision(actor, input);
  }

  @Mutation(() => ActionItem, { description: 'Records an action item of a meeting IN_PROGRESS.' })
  @Roles(...HOLDERS)
  recordActionItem(
    @Args('input') input: RecordActionItemInput,
    @CurrentActor() actor: Actor,
  ): Promise<ActionItem> {
    return this.service.recordActionItem(actor, input);
  }

  @Mutation(() => ActionItem, {
    description: 'Marks an action item done, dropped or open again, or moves its due date.',
  })
  @Roles(...HOLDERS)
  updateActionItem(
    @Args('input') input: UpdateActionItemInput,
    @CurrentActor() actor: Actor,
  ): Promise<ActionItem> {
    return this.service.updateActionItem(actor, input);
  }

  @ResolveField(() => Cooperation, {
    nullable: true,
    description: 'The cooperation; for a working-group meeting the working group’s.',
  })
  cooperation(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<Cooperation | null> {
    return context.loaders.cooperation.load(meeting.cooperationId);
  }

  @ResolveField(() => WorkingGroup, { nullable: true })
  workingGroup(
    @Parent() meeting: Meeting,
    @Context() context: GraphQLContext,
  ): Promise<WorkingGroup | null> | null {
    return meeting.workingGroupId === null ? null : context.loaders.workingGroup.load(meeting.workingGroupId);
  }

  @ResolveField(() => City, { nullable: true })
  hostCity(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<City | null> | null {
    return meeting.hostCityId === null ? null : context.loaders.city.load(meeting.hostCityId);
  }

  @ResolveField(() => Date, { nullable: true, description: 'Start plus the planned duration.' })
  endsAt(@Parent() meeting: Meeting): Date | null {
    return meeting.durationMinutes === null
      ? null
      : new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  }

  @ResolveField(() => [MeetingAttendee])
  attendees(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<MeetingAttendee[]> {
    return meetingLoaders(context, this.dataSource).attendeesByMeeting.load(meeting.id);
  }

  @ResolveField(() => [AgendaItem], { description: 'In order.' })
  agendaItems(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<AgendaItem[]> {
    return meetingLoaders(context, this.dataSource).agendaByMeeting.load(meeting.id);
  }

  @ResolveField(() => Int, { description: 'Sum of the planned minutes of the agenda items.' })
  async agendaMinutes(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<number> {
    const items = await meetingLoaders(context, this.dataSource).agendaByMeeting.load(meeting.id);
    return minutesOf(items);
  }

  @ResolveField(() => Boolean, { description: 'Whether the agenda’s minutes exceed the planned duration.' })
  async agendaOverrun(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<boolean> {
    if (meeting.durationMinutes === null) {
      return false;
    }
    return (await this.agendaMinutes(meeting, context)) > meeting.durationMinutes;
  }

  @ResolveField(() => [Decision], { description: 'In the order they were taken.' })
  decisions(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<Decision[]> {
    return meetingLoaders(context, this.dataSource).decisionsByMeeting.load(meeting.id);
  }

  @ResolveField(() => [ActionItem], { description: 'Recorded at this meeting, by due date.' })
  actionItems(@Parent() meeting: Meeting, @Context() context: GraphQLContext): Promise<ActionItem[]> {
    return meetingLoaders(context, this.dataSource).actionItemsByMeeting.load(meeting.id);
  }

  @ResolveField(() => [ActionItem], {
    description:
      'Action items still OPEN from earlier meetings of the same cooperation (annual) or working group, to settle here.',
  })
  openEarlierActionItems(@Parent() meeting: Meeting): Promise<ActionItem[]> {
    return this.service.openEarlierActionItems(meeting);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in account may hold this meeting.' })
  async mayHold(@Parent() meeting: Meeting, @Context() context: HttpContext): Promise<boolean> {
    const actor = context.req.actor;
    return actor ? this.service.mayHold(actor, meeting) : false;
  }
}

@Resolver(() => MeetingAttendee)
export class MeetingAttendeeResolver {
  @ResolveField(() => City)
  city(@Parent() attendee: MeetingAttendee, @Context() context: GraphQLContext): Promise<City> {
    return required(context.loaders.city.load(attendee.cityId), 'city');
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @ResolveField(() => Project, { nullable: true })
  project(@Parent() item: AgendaItem, @Context() context: GraphQLContext): Promise<Project | null> | null {
    return item.projectId === null ? null : context.loaders.project.load(item.projectId);
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => Meeting)
  meeting(@Parent() decision: Decision, @Context() context: GraphQLContext): Promise<Meeting> {
    return required(meetingLoaders(context, this.dataSource).meeting.load(decision.meetingId), 'meeting');
  }

  @ResolveField(() => [Project])
  projects(@Parent() decision: Decision, @Context() context: GraphQLContext): Promise<Project[]> {
    return meetingLoaders(context, this.dataSource).projectsByDecision.load(decision.id);
  }
}

@Resolver(() => ActionItem)
export class ActionItemResolver {
  constructor(
    private readonly service: MeetingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => ActionItemConnection, { description: 'Action items matching the filter, by due date.' })
  @SignedIn()
  actionItems(@Args() args: ActionItemsArgs) {
    return this.service.findActionItems(args);
  }

  @ResolveField(() => Boolean, { description: 'OPEN and due before today.' })
  overdue(@Parent() item: ActionItem): boolean {
    return isOverdue(item.status, item.dueOn, todayIso());
  }

  @ResolveField(() => City, { nullable: true })
  ownerCity(@Parent() item: ActionItem, @Context() context: GraphQLContext): Promise<City | null> | null {
    return item.ownerCityId === null ? null : context.loaders.city.load(item.ownerCityId);
  }

  @ResolveField(() => WorkingGroup, { nullable: true })
  ownerWorkingGroup(
    @Parent() item: ActionItem,
    @Context() context: GraphQLContext,
  ): Promise<WorkingGroup | null> | null {
    return item.ownerWorkingGroupId === null
      ? null
      : context.loaders.workingGroup.load(item.ownerWorkingGroupId);
  }

  @ResolveField(() => Project, { nullable: true })
  project(@Parent() item: ActionItem, @Context() context: GraphQLContext): Promise<Project | null> | null {
    return item.projectId === null ? null : context.loaders.project.load(item.projectId);
  }

  @ResolveField(() => Meeting)
  meeting(@Parent() item: ActionItem, @Context() context: GraphQLContext): Promise<Meeting> {
    return required(meetingLoaders(context, this.dataSource).meeting.load(item.meetingId), 'meeting');
  }
}
