import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** That a row of a cooperation changed: a signal to refetch what shows it, never the row's data. */
@ObjectType({ description: 'A committed change in a cooperation: refetch what shows it. Carries no data.' })
export class ChangeSignal {
  @Field(() => String, { description: 'The kind of row, named as in the audit log, e.g. StatusUpdate.' })
  entity: string;

  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The operation that changed it, e.g. postStatusUpdate.' })
  operation: string;

  @Field(() => Int, { nullable: true, description: 'The row’s version after the change, when it has one.' })
  version: number | null;

  @Field(() => Date, { description: 'When the change was made.' })
  at: Date;
}
