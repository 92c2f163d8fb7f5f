import { SEARCH_MAX_HITS, SEARCH_QUERY_MAX } from '@koop/domain';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/index.js';

@ArgsType()
export class SearchArgs {
  @Field({ description: `Words to find, at most ${SEARCH_QUERY_MAX} characters.` })
  @Trim()
  @IsString({ message: 'must not be empty' })
  @MaxLength(SEARCH_QUERY_MAX, { message: `must be at most ${SEARCH_QUERY_MAX} characters` })
  query: string;

  @Field(() => Int, { nullable: true, description: `Most hits, 1 to ${SEARCH_MAX_HITS} (default 20).` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `must be from 1 to ${SEARCH_MAX_HITS}` })
  @Max(SEARCH_MAX_HITS, { message: `must be from 1 to ${SEARCH_MAX_HITS}` })
  first?: number;
}
