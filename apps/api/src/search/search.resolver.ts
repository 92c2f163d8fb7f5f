import { Args, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/index.js';
import { SearchArgs } from './dto/search.args.js';
import { SearchHit } from './search-hit.model.js';
import { SearchService } from './search.service.js';

@Resolver(() => SearchHit)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => [SearchHit], {
    description:
      'One search over projects, solutions, knowledge entries and decisions, best first, with German word forms and spellings (Antrag/Anträge, Straße/Strasse).',
  })
  @SignedIn()
  search(@Args() args: SearchArgs): Promise<SearchHit[]> {
    return this.service.search(args.query, args.first);
  }
}
