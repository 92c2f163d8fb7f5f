import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'One change of a knowledge entry, from the audit log: when, which operation, the version it made, which fields it changed.',
})
export class KnowledgeEntryChange {
  @Field(() => Date)
  at: Date;

  @Field({ description: 'createKnowledgeEntry or updateKnowledgeEntry.' })
  operation: string;

  @Field(() => Int, { nullable: true, description: 'The entry’s version after the change.' })
  version: number | null;

  @Field(() => [String], { description: 'The fields whose values the change set or altered.' })
  changedFields: string[];

  /** The account that made the change (null for none), for `authorName`. */
  accountId: number | null;

  /** The name the change was written under, for `authorName`. */
  username: string;
}
