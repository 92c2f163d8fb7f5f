import {
  ProjectHealth,
  ProjectKind,
  ProjectPhase,
  PROGRESS_MAX,
  PROGRESS_MIN,
  TEXT_LIMITS,
} from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateScalar, Trim, UnlessOmitted } from '../../common/index.js';

const LEIKA_MESSAGE = 'must be exactly 14 digits';
const progressRule = { message: `must be an integer from ${PROGRESS_MIN} to ${PROGRESS_MAX}` };

@InputType()
export class MilestoneInput {
  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  title: string;

  @Field(() => DateScalar)
  dueOn: string;
}

@InputType()
export class CreateProjectInput {
  @Field(() => ID)
  workingGroupId: string;

  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  title: string;

  @Field(() => ProjectKind)
  @IsEnum(ProjectKind)
  kind: ProjectKind;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, { message: `must be at most ${TEXT_LIMITS.description} characters` })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The developing city.' })
  @IsOptional()
  ownerCityId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  targetDate?: string | null;

  @Field(() => String, { nullable: true, description: 'LeiKa key, 14 digits.' })
  @Trim()
  @IsOptional()
  @Matches(/^\d{14}$/, { message: LEIKA_MESSAGE })
  leikaKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Key of an OZG topic area, see ozgTopics.' })
  @Trim()
  @IsOptional()
  @IsString()
  ozgTopic?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  isEfa: boolean;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, { message: `must be at most ${TEXT_LIMITS.description} characters` })
  risks?: string | null;

  @Field(() => ProjectPhase, { defaultValue: ProjectPhase.IDEA })
  @IsEnum(ProjectPhase)
  phase: ProjectPhase;

  @Field(() => ProjectHealth, { defaultValue: ProjectHealth.GREEN })
  @IsEnum(ProjectHealth)
  health: ProjectHealth;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt(progressRule)
  @Min(PROGRESS_MIN, progressRule)
  @Max(PROGRESS_MAX, progressRule)
  progress: number;

  @Field(() => [MilestoneInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones?: MilestoneInput[] | null;
}

@InputType({ description: 'Fields left out stay as they are; a nullable field sent as null is cleared.' })
export class UpdateProjectInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  title?: string;

  @Field(() => ProjectKind, { nullable: true })
  @UnlessOmitted()
  @IsEnum(ProjectKind, { message: 'must not be empty' })
  kind?: ProjectKind;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, { message: `must be at most ${TEXT_LIMITS.description} characters` })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  ownerCityId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  targetDate?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @Matches(/^\d{14}$/, { message: LEIKA_MESSAGE })
  leikaKey?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  ozgTopic?: string | null;

  @Field({ nullable: true })
  @UnlessOmitted()
  @IsBoolean({ message: 'must be true or false' })
  isEfa?: boolean;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, { message: `must be at most ${TEXT_LIMITS.description} characters` })
  risks?: string | null;
}

@InputType()
export class PostStatusUpdateInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ProjectPhase)
  @IsEnum(ProjectPhase)
  phase: ProjectPhase;

  @Field(() => ProjectHealth)
  @IsEnum(ProjectHealth)
  health: ProjectHealth;

  @Field(() => Int)
  @IsInt(progressRule)
  @Min(PROGRESS_MIN, progressRule)
  @Max(PROGRESS_MAX, progressRule)
  progress: number;

  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.summary, { message: `must be at most ${TEXT_LIMITS.summary} characters` })
  summary: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.blockers, { message: `must be at most ${TEXT_LIMITS.blockers} characters` })
  blockers?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version of the project the client last saw; a stale one gives CONFLICT. Left out, the update is added to whatever the project is now: two updates posted at once are both kept, the later one sets the current state.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;

  @Field(() => String, {
    nullable: true,
    deprecationReason: 'The author is the signed-in account; a value sent here is ignored.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.name, { message: `must be at most ${TEXT_LIMITS.name} characters` })
  author?: string | null;
}

@InputType()
export class AddMilestoneInput extends MilestoneInput {
  @Field(() => ID)
  projectId: string;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateMilestoneInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  title?: string;

  @Field(() => DateScalar, { nullable: true })
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  dueOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the milestone was reached; null reopens it.',
  })
  @IsOptional()
  doneOn?: string | null;
}
