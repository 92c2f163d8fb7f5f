import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'One result of the one search: a project, a solution, a knowledge entry or a decision.',
})
export class SearchHit {
  @Field({ description: 'What was found: PROJECT, SOLUTION, KNOWLEDGE_ENTRY or DECISION.' })
  kind: string;

  @Field(() => ID, { description: 'The id of the row found, of that kind.' })
  id: string;

  @Field({ description: 'Its title; for a decision, the title of its meeting.' })
  title: string;

  @Field({
    description:
      'HTML: a passage of the text around the first hit, every other character escaped, the hits in <mark>.',
  })
  snippet: string;

  @Field(() => ID, { nullable: true, description: 'For a decision: the meeting it was taken at.' })
  meetingId: string | null;

  @Field(() => Float, { description: 'Relevance; higher first. Comparable only within one search.' })
  score: number;
}
