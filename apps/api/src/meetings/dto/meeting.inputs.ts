import { ActionItemStatus, MEETING_MINUTES_MAX, MeetingKind, MeetingState, TEXT_LIMITS } from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateScalar, Trim, UnlessOmitted } from '../../common/index.js';

const minutesRule = { message: `must be a whole number of minutes from 1 to ${MEETING_MINUTES_MAX}` };
const titleRules = [
  Trim(),
  IsString({ message: 'must not be empty' }),
  MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` }),
];
function Title(): PropertyDecorator {
  return (target, key) => titleRules.forEach((rule) => rule(target, key));
}

/** Longest decision text. */
const DECISION_TEXT_MAX = TEXT_LIMITS.summary;

@InputType({ description: 'A city attending a meeting, and in which role; never a person’s contact data.' })
export class MeetingAttendeeInput {
  @Field(() => ID)
  cityId: string;

  @Field(() => String, { nullable: true, description: 'E.g. "CDO", "Gastgeber", "Arbeitszirkel-Leitung".' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.role, { message: `must be at most ${TEXT_LIMITS.role} characters` })
  role?: string | null;
}

@InputType()
export class CreateMeetingInput {
  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field()
  @Title()
  title: string;

  @Field(() => Date, { description: 'Start, with its offset (ISO 8601).' })
  @IsDate({ message: 'must be a date and time (ISO 8601)' })
  startsAt: Date;

  @Field(() => Int, { nullable: true, description: 'Planned duration in minutes.' })
  @IsOptional()
  @IsInt(minutesRule)
  @Min(1, minutesRule)
  @Max(MEETING_MINUTES_MAX, minutesRule)
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  location?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  hostCityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For an annual meeting: its cooperation.' })
  @IsOptional()
  cooperationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For a working-group meeting: its working group.' })
  @IsOptional()
  workingGroupId?: string | null;

  @Field(() => [MeetingAttendeeInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MeetingAttendeeInput)
  attendees?: MeetingAttendeeInput[] | null;
}

@InputType()
export class SetMeetingStateInput {
  @Field(() => ID)
  meetingId: string;

  @Field(() => MeetingState, { description: 'A later state than the current one.' })
  @IsEnum(MeetingState)
  state: MeetingState;

  @Field(() => Int)
  @IsInt()
  version: number;
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => ID)
  meetingId: string;

  @Field()
  @Title()
  title: string;

  @Field(() => String, { nullable: true, description: 'A role or a city, as text.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  presenter?: string | null;

  @Field(() => Int, { nullable: true, description: 'Planned minutes.' })
  @IsOptional()
  @IsInt(minutesRule)
  @Min(1, minutesRule)
  @Max(MEETING_MINUTES_MAX, minutesRule)
  durationMinutes?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  projectId?: string | null;
}

@InputType()
export class RecordDecisionInput {
  @Field(() => ID)
  meetingId: string;

  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(DECISION_TEXT_MAX, { message: `must be at most ${DECISION_TEXT_MAX} characters` })
  text: string;

  @Field(() => [ID], { nullable: true, description: 'The projects the decision concerns.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  projectIds?: string[] | null;
}

@InputType()
export class RecordActionItemInput {
  @Field(() => ID)
  meetingId: string;

  @Field()
  @Title()
  title: string;

  @Field(() => DateScalar)
  dueOn: string;

  @Field(() => ID, { nullable: true, description: 'The city that owns it (or ownerWorkingGroupId).' })
  @IsOptional()
  ownerCityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The working group that owns it (or ownerCityId).' })
  @IsOptional()
  ownerWorkingGroupId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  projectId?: string | null;
}

@InputType()
export class UpdateActionItemInput {
  @Field(() => ID)
  actionItemId: string;

  @Field(() => ActionItemStatus, { nullable: true })
  @UnlessOmitted()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus;

  @Field(() => DateScalar, { nullable: true })
  @UnlessOmitted()
  @IsString({ message: 'must not be null' })
  dueOn?: string;

  @Field(() => Int)
  @IsInt()
  version: number;
}
