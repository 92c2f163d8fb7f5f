import { KNOWLEDGE_LIMITS } from '@koop/domain';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, Validate, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '../../common/index.js';
import { NoNul } from './no-nul.js';

@InputType({ description: 'All given conditions must hold.' })
export class KnowledgeEntryFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  workingGroupId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  projectId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  solutionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries with this tag (any case).' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(KNOWLEDGE_LIMITS.tagLength, {
    message: `must be at most ${KNOWLEDGE_LIMITS.tagLength} characters`,
  })
  @Validate(NoNul)
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find in title or text.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(KNOWLEDGE_LIMITS.title, { message: `must be at most ${KNOWLEDGE_LIMITS.title} characters` })
  @Validate(NoNul)
  search?: string | null;
}

@ArgsType()
export class KnowledgeEntriesArgs extends PageArgs {
  @Field(() => KnowledgeEntryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => KnowledgeEntryFilter)
  filter?: KnowledgeEntryFilter | null;
}
