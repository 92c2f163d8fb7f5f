import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { AccountsService } from '../accounts/index.js';
import { AllowedWithInitialPassword, Public, SignedIn } from './access.decorator.js';
import type { Actor } from './actor.js';
import { AuthService } from './auth.service.js';
import { CurrentActor, Http } from './current-actor.decorator.js';
import { Me } from './me.model.js';
import type { HttpContext } from './request-actor.js';
import { SessionService } from './session.service.js';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @MaxLength(200)
  username: string;

  @Field()
  @IsString()
  @MaxLength(200)
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field()
  @IsString()
  @MaxLength(200)
  newPassword: string;
}

@Resolver(() => Me)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly accounts: AccountsService,
  ) {}

  @Mutation(() => Me, { description: 'Signs in; sets an httpOnly session cookie.' })
  @Public()
  async login(@Args() args: LoginArgs, @Http() http: HttpContext): Promise<Me> {
    const { account, token, expiresAt } = await this.auth.login(
      args.username,
      args.password,
      http.req.ip ?? null,
    );
    this.sessions.setCookie(http.res, token, expiresAt);
    return { account, roles: await this.accounts.grantsOf(account.id) };
  }

  @Mutation(() => Boolean, {
    description: 'Signs out: the session ends on the server, the cookie is cleared.',
  })
  @Public()
  @AllowedWithInitialPassword()
  async logout(@Http() http: HttpContext): Promise<boolean> {
    if (http.req.sessionTokenHash) {
      await this.sessions.destroy(http.req.sessionTokenHash);
    }
    this.sessions.clearCookie(http.res);
    return true;
  }

  @Query(() => Me, { nullable: true, description: 'The signed-in account, or null without a session.' })
  @Public()
  @AllowedWithInitialPassword()
  async me(@Http() http: HttpContext): Promise<Me | null> {
    const actor = http.req.actor;
    if (!actor || actor.accountId === null) {
      return null;
    }
    const account = await this.accounts.findOne(actor.accountId);
    return { account, roles: await this.accounts.grantsOf(actor.accountId) };
  }

  @Mutation(() => Me, {
    description:
      'Replaces the password and ends every other session of the account; needed after the first sign-in with an initial password.',
  })
  @SignedIn()
  @AllowedWithInitialPassword()
  async changePassword(
    @Args() args: ChangePasswordArgs,
    @CurrentActor() actor: Actor,
    @Http() http: HttpContext,
  ): Promise<Me> {
    const account = await this.auth.changePassword(
      actor,
      args.currentPassword,
      args.newPassword,
      http.req.sessionTokenHash ?? null,
    );
    return { account, roles: await this.accounts.grantsOf(account.id) };
  }
}
