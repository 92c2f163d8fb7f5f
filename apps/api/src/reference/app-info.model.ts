import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Facts about this installation.' })
export class AppInfo {
  @Field({ description: 'True when the database holds generated demo data, not real figures.' })
  demoData: boolean;

  @Field(() => String, { nullable: true, description: 'When the demo data was loaded (ISO 8601).' })
  demoLoadedAt: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the browser starts an OpenID Connect sign-in (append `?returnTo=<path>`); null when not configured.',
  })
  oidcLoginUrl: string | null;
}
