import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One result of the search over projects and knowledge entries.' })
export class SearchHit {
  @Field({ description: 'What was found: PROJECT or KNOWLEDGE_ENTRY.' })
  kind: string;

  @Field(() => ID, { description: 'The id of the project or knowledge entry.' })
  id: string;

  @Field()
  title: string;

  @Field({
    description:
      'HTML: a passage of the text around the first hit, every other character escaped, the hits in <mark>.',
  })
  snippet: string;

  @Field(() => Float, { description: 'Relevance; higher first. Comparable only within one search.' })
  score: number;
}
