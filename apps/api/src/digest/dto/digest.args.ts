import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { DateScalar } from '../../common/index.js';

@ArgsType()
export class DigestArgs {
  @Field(() => ID)
  cooperationId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day; default: the day of the cooperation’s last annual meeting before `to`.',
  })
  @IsOptional()
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day (included); default: today.' })
  @IsOptional()
  to?: string | null;
}
