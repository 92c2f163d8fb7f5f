import { ActionItemStatus } from '@koop/domain';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { DateScalar, PageArgs } from '../../common/index.js';

@InputType({ description: 'All given conditions must hold.' })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: 'Meetings of the cooperation and of its working groups.' })
  @IsOptional()
  cooperationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  workingGroupId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Meetings starting on or after this day (UTC).' })
  @IsOptional()
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Meetings starting on or before this day (UTC).' })
  @IsOptional()
  to?: string | null;
}

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => MeetingFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingFilter)
  filter?: MeetingFilter | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class ActionItemFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  cooperationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Items of the working group’s meetings and items the working group owns.',
  })
  @IsOptional()
  workingGroupId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Items the city owns.' })
  @IsOptional()
  ownerCityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  projectId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  meetingId?: string | null;

  @Field(() => ActionItemStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only items OPEN past their due date (or only others).',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
}

@ArgsType()
export class ActionItemsArgs extends PageArgs {
  @Field(() => ActionItemFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActionItemFilter)
  filter?: ActionItemFilter | null;
}
