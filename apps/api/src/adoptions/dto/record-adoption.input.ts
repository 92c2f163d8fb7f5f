import { AdoptionSource, AdoptionStage, MATURITY_MODEL_VERSIONS, TEXT_LIMITS } from '@koop/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { DateScalar, Trim } from '../../common/index.js';

@InputType({ description: 'The whole state of the adoption of one project by one city.' })
export class RecordAdoptionInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ID)
  cityId: string;

  @Field(() => AdoptionStage)
  @IsEnum(AdoptionStage)
  stage: AdoptionStage;

  @Field({ description: 'OZG maturity model: "1.1" (levels 0–4) or "2.0" (levels 0–7).' })
  @Trim()
  @IsIn(MATURITY_MODEL_VERSIONS, { message: `must be one of ${MATURITY_MODEL_VERSIONS.join(', ')}` })
  maturityModel: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  maturityLevel?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Required for stage LIVE; not in the future.' })
  @IsOptional()
  liveSince?: string | null;

  @Field(() => AdoptionSource, { nullable: true })
  @IsOptional()
  @IsEnum(AdoptionSource)
  source?: AdoptionSource | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.notes, { message: `must be at most ${TEXT_LIMITS.notes} characters` })
  notes?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The solution the city reused, for source REUSED_FROM_PARTNER or EFA_SUBSCRIPTION: a solution of the project that the city did not develop. Links the city’s reuse of it to the adoption (recording the reuse if there is none); null unlinks; left out, the link stays. Another source unlinks it.',
  })
  @IsOptional()
  reusedSolutionId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version of the row the client last saw; leave out only when the city has no row yet.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}
