import { SolutionKind, SolutionStatus, TEXT_LIMITS } from '@koop/domain';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '../../common/index.js';

@InputType({ description: 'All given conditions must hold.' })
export class SolutionFilter {
  @Field(() => SolutionKind, { nullable: true })
  @IsOptional()
  @IsEnum(SolutionKind)
  kind?: SolutionKind | null;

  @Field(() => SolutionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SolutionStatus)
  status?: SolutionStatus | null;

  @Field(() => ID, { nullable: true, description: 'Solutions the city developed or reuses.' })
  @IsOptional()
  cityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in title, summary or integration notes (case, umlauts and ß folded).',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.title, { message: `must be at most ${TEXT_LIMITS.title} characters` })
  search?: string | null;
}

@ArgsType()
export class SolutionsArgs extends PageArgs {
  @Field(() => SolutionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SolutionFilter)
  filter?: SolutionFilter | null;
}
