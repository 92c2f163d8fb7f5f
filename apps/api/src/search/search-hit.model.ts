import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One result of the one search: a project, a solution or a knowledge entry.' })
export class SearchHit {
  @Field({ description: 'What was found: PROJECT, SOLUTION or KNOWLEDGE_ENTRY.' })
  kind: string;

  @Field(() => ID, { description: 'The id of the row found, of that kind.' })
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
