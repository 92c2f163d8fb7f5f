import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/index.js';

@InputType({ description: 'All given conditions must hold.' })
export class AuditFilter {
  @Field({ nullable: true, description: 'Kind of row, e.g. Project, Adoption, WorkingGroup.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entity?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  accountId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Entries about the city: the city itself and the rows that belong to it (adoptions, satisfaction figures, memberships).',
  })
  @IsOptional()
  cityId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Entries about the project: the project itself and the rows that belong to it (status updates, milestones, adoptions, satisfaction figures).',
  })
  @IsOptional()
  projectId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  operation?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilter)
  filter?: AuditFilter | null;
}
