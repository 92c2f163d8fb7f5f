import { ProjectHealth, ProjectKind, ProjectPhase, TEXT_LIMITS } from '@koop/domain';
import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '../../common/index.js';

export enum ProjectSortField {
  TITLE = 'TITLE',
  PHASE = 'PHASE',
  HEALTH = 'HEALTH',
  PROGRESS = 'PROGRESS',
  TARGET_DATE = 'TARGET_DATE',
  UPDATED_AT = 'UPDATED_AT',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(ProjectSortField, { name: 'ProjectSortField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'All given conditions must hold; a list matches any of its values.' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  cooperationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  workingGroupId?: string | null;

  @Field(() => [ProjectPhase], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ProjectPhase, { each: true })
  phases?: ProjectPhase[] | null;

  @Field(() => [ProjectHealth], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ProjectHealth, { each: true })
  healths?: ProjectHealth[] | null;

  @Field(() => [ProjectKind], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ProjectKind, { each: true })
  kinds?: ProjectKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Projects the city develops, or has adopted at a stage other than NOT_PLANNED.',
  })
  @IsOptional()
  cityId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  isEfa?: boolean | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  ozgTopic?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find in title or description.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  search?: string | null;
}

@InputType()
export class ProjectOrder {
  @Field(() => ProjectSortField)
  @IsEnum(ProjectSortField)
  field: ProjectSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction: SortDirection;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilter)
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { nullable: true, description: 'Default: by title.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectOrder)
  orderBy?: ProjectOrder | null;
}
