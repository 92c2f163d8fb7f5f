import { KNOWLEDGE_LIMITS, KNOWLEDGE_TAG_PATTERN, normaliseTag } from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { Trim, UnlessOmitted } from '../../common/index.js';
import { NoNul } from './no-nul.js';

const TITLE_RULE = { message: `must be at most ${KNOWLEDGE_LIMITS.title} characters` };
const BODY_RULE = { message: `must be at most ${KNOWLEDGE_LIMITS.body} characters` };
const TAGS_RULE = { message: `must be at most ${KNOWLEDGE_LIMITS.tags} tags` };
const TAG_RULE = {
  each: true,
  message:
    'each tag must be lower-case letters or digits, words joined by single hyphens (e.g. "e-akte"), at most 40 characters',
};

/** Tags trimmed and lower-cased, each once, in the order given. */
function NormaliseTags(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? [...new Set(value.map((tag) => (typeof tag === 'string' ? normaliseTag(tag) : tag)))]
      : value,
  );
}

/** Markdown must say something: white space alone is no text. */
@ValidatorConstraint({ name: 'notBlank' })
class NotBlank implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value.trim().length > 0;
  }
  defaultMessage(): string {
    return 'must not be empty';
  }
}

@InputType()
export class CreateKnowledgeEntryInput {
  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(KNOWLEDGE_LIMITS.title, TITLE_RULE)
  @Validate(NoNul)
  title: string;

  @Field({ description: 'Markdown; raw HTML is shown as text.' })
  @IsString({ message: 'must not be empty' })
  @Validate(NotBlank)
  @MaxLength(KNOWLEDGE_LIMITS.body, BODY_RULE)
  @Validate(NoNul)
  body: string;

  @Field(() => [String], { defaultValue: [] })
  @NormaliseTags()
  @IsArray()
  @ArrayMaxSize(KNOWLEDGE_LIMITS.tags, TAGS_RULE)
  @MaxLength(KNOWLEDGE_LIMITS.tagLength, TAG_RULE)
  @Matches(KNOWLEDGE_TAG_PATTERN, TAG_RULE)
  tags: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The working group the entry belongs to; the project’s when left out. None: admins only.',
  })
  @IsOptional()
  workingGroupId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A project of that working group the entry is about.' })
  @IsOptional()
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A solution of the reuse catalogue the entry is about.' })
  @IsOptional()
  solutionId?: string | null;
}

@InputType({ description: 'Fields left out keep their value; the version is the one last seen.' })
export class UpdateKnowledgeEntryInput {
  @Field(() => ID)
  knowledgeEntryId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(KNOWLEDGE_LIMITS.title, TITLE_RULE)
  @Validate(NoNul)
  title?: string;

  @Field({ nullable: true, description: 'Markdown; raw HTML is shown as text.' })
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @Validate(NotBlank)
  @MaxLength(KNOWLEDGE_LIMITS.body, BODY_RULE)
  @Validate(NoNul)
  body?: string;

  @Field(() => [String], { nullable: true })
  @NormaliseTags()
  @UnlessOmitted()
  @IsArray()
  @ArrayMaxSize(KNOWLEDGE_LIMITS.tags, TAGS_RULE)
  @MaxLength(KNOWLEDGE_LIMITS.tagLength, TAG_RULE)
  @Matches(KNOWLEDGE_TAG_PATTERN, TAG_RULE)
  tags?: string[];

  @Field(() => ID, { nullable: true, description: 'null: no working group (admins only).' })
  @IsOptional()
  workingGroupId?: string | null;

  @Field(() => ID, { nullable: true, description: 'null: about no project.' })
  @IsOptional()
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'null: about no solution.' })
  @IsOptional()
  solutionId?: string | null;
}
