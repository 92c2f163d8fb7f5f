import {
  CONTACT_MAX_LENGTH,
  EXPERIENCE_MAX,
  EXPERIENCE_MIN,
  SOLUTION_URL_MAX_LENGTH,
  SolutionKind,
  SolutionStatus,
  TEXT_LIMITS,
} from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DateScalar, Trim, UnlessOmitted } from '../../common/index.js';

const titleLimit = { message: `must be at most ${TEXT_LIMITS.title} characters` };
const textLimit = { message: `must be at most ${TEXT_LIMITS.description} characters` };
const experienceRule = { message: `must be a whole number from ${EXPERIENCE_MIN} to ${EXPERIENCE_MAX}` };
/** Most developing cities a solution may name: a cooperation's members fit. */
export const MAX_DEVELOPERS = 50;

const LICENCE_DESCRIPTION =
  'An SPDX licence identifier (https://spdx.org/licenses/, e.g. EUPL-1.2, MIT, Apache-2.0; case does not matter, the canonical spelling is stored) or "proprietary".';
const CONTACT_DESCRIPTION =
  'A role and an office, e.g. "Team Onlinedienste, Amt für Digitalisierung, Stadt Augsburg", optionally with a functional mailbox (digitalisierung@…). Never a person’s name: refused are salutations and titles (Herr, Frau, Dr. …), phone numbers and personal e-mail addresses (vorname.nachname@…).';

@InputType()
export class CreateSolutionInput {
  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.title, titleLimit)
  title: string;

  @Field(() => SolutionKind)
  @IsEnum(SolutionKind, { message: `must be one of ${Object.values(SolutionKind).join(', ')}` })
  kind: SolutionKind;

  @Field(() => SolutionStatus, { defaultValue: SolutionStatus.AVAILABLE })
  @IsEnum(SolutionStatus, { message: `must be one of ${Object.values(SolutionStatus).join(', ')}` })
  status: SolutionStatus;

  @Field()
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.description, textLimit)
  summary: string;

  @Field(() => String, { nullable: true, description: LICENCE_DESCRIPTION })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  licence?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An http(s) link: repository, EfA marketplace, document.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(SOLUTION_URL_MAX_LENGTH, { message: `must be at most ${SOLUTION_URL_MAX_LENGTH} characters` })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, textLimit)
  integrationNotes?: string | null;

  @Field(() => String, { nullable: true, description: CONTACT_DESCRIPTION })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(CONTACT_MAX_LENGTH, { message: `must be at most ${CONTACT_MAX_LENGTH} characters` })
  contact?: string | null;

  @Field(() => ID, { nullable: true, description: 'The project it came from.' })
  @IsOptional()
  projectId?: string | null;

  @Field(() => [ID], { description: 'The cities that developed it; at least one.' })
  @IsArray()
  @ArrayMaxSize(MAX_DEVELOPERS, { message: `must name at most ${MAX_DEVELOPERS} cities` })
  developedByCityIds: string[];
}

@InputType({ description: 'Fields left out stay as they are; a nullable field sent as null is cleared.' })
export class UpdateSolutionInput {
  @Field(() => ID)
  solutionId: string;

  @Field(() => Int, { description: 'The version the client last saw.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.title, titleLimit)
  title?: string;

  @Field(() => SolutionKind, { nullable: true })
  @UnlessOmitted()
  @IsEnum(SolutionKind, { message: `must be one of ${Object.values(SolutionKind).join(', ')}` })
  kind?: SolutionKind;

  @Field(() => SolutionStatus, { nullable: true })
  @UnlessOmitted()
  @IsEnum(SolutionStatus, { message: `must be one of ${Object.values(SolutionStatus).join(', ')}` })
  status?: SolutionStatus;

  @Field({ nullable: true })
  @Trim()
  @UnlessOmitted()
  @IsString({ message: 'must not be empty' })
  @MaxLength(TEXT_LIMITS.description, textLimit)
  summary?: string;

  @Field(() => String, { nullable: true, description: LICENCE_DESCRIPTION })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  licence?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(SOLUTION_URL_MAX_LENGTH, { message: `must be at most ${SOLUTION_URL_MAX_LENGTH} characters` })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, textLimit)
  integrationNotes?: string | null;

  @Field(() => String, { nullable: true, description: CONTACT_DESCRIPTION })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(CONTACT_MAX_LENGTH, { message: `must be at most ${CONTACT_MAX_LENGTH} characters` })
  contact?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  projectId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the developing cities; at least one.' })
  @UnlessOmitted()
  @IsArray({ message: 'must name at least one city' })
  @ArrayMaxSize(MAX_DEVELOPERS, { message: `must name at most ${MAX_DEVELOPERS} cities` })
  developedByCityIds?: string[];
}

@InputType({
  description:
    'A city’s reuse of a solution: one per (solution, city). Recording it again changes it, with the version the client last saw.',
})
export class RecordReuseInput {
  @Field(() => ID)
  solutionId: string;

  @Field(() => ID)
  cityId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Since when the city uses it; not in the future. Left out when first recorded: today.',
  })
  @IsOptional()
  since?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `How it went, ${EXPERIENCE_MIN} (badly) to ${EXPERIENCE_MAX} (very well).`,
  })
  @IsOptional()
  @IsInt(experienceRule)
  @Min(EXPERIENCE_MIN, experienceRule)
  @Max(EXPERIENCE_MAX, experienceRule)
  experience?: number | null;

  @Field(() => String, { nullable: true, description: 'What the city learned.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description, textLimit)
  notes?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The city’s adoption this reuse stands behind: an adoption of the city with source REUSED_FROM_PARTNER or EFA_SUBSCRIPTION.',
  })
  @IsOptional()
  adoptionId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version of the reuse the client last saw; leave out only when the city has none yet.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}
