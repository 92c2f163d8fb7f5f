import { passwordError } from '@koop/domain';
import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, Not } from 'typeorm';
import { Account } from '../accounts/index.js';
import { badField, tooManyRequests, unauthenticated } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Writes, rowOf } from '../database/index.js';
import type { Actor } from './actor.js';
import { LoginFailure } from './login-failure.entity.js';
import { Session } from './session.entity.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SessionService } from './session.service.js';

const WRONG_CREDENTIALS = 'The username or the password is wrong.';

@Injectable()
export class AuthService {
  /** Sign-in attempts per client address, per process; the per-account limit below holds across processes. */
  private readonly perAddress: RateLimiterMemory;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writes: Writes,
    private readonly sessions: SessionService,
  ) {
    this.perAddress = new RateLimiterMemory({
      keyPrefix: 'login',
      points: config.login.maxPerAddress,
      duration: 60,
    });
  }

  /**
   * Checks the password and opens a session. After too many failures for one username in the window,
   * every attempt is refused until the window has passed, the right password too.
   */
  async login(
    usernameInput: string,
    password: string,
    address: string | null,
  ): Promise<{ account: Account; token: string; expiresAt: Date }> {
    await this.perAddress.consume(address ?? 'unknown').catch((refusal: unknown) => {
      const seconds = refusal instanceof RateLimiterRes ? Math.ceil(refusal.msBeforeNext / 1000) : 60;
      throw tooManyRequests(
        `Too many sign-in attempts from this address. Please wait ${seconds} seconds.`,
        seconds,
      );
    });
    const username = usernameInput.trim().toLowerCase();
    const { maxFailures, windowSeconds } = this.config.login;
    const since = new Date(Date.now() - windowSeconds * 1000);
    const failures = await this.dataSource
      .getRepository(LoginFailure)
      .count({ where: { username, at: MoreThan(since) } });
    if (failures >= maxFailures) {
      throw tooManyRequests(
        `Too many failed sign-ins for this account. Please wait up to ${Math.ceil(windowSeconds / 60)} minutes and try again.`,
        windowSeconds,
      );
    }
    const account = await this.dataSource.getRepository(Account).findOneBy({ username });
    const matches = await verifyPassword(account?.passwordHash ?? null, password);
    if (!account || !matches || account.disabled) {
      await this.writes.untracked((manager) =>
        manager.insert(LoginFailure, { username, at: new Date(), address }),
      );
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    return this.writes.untracked(async (manager) => {
      await manager.delete(LoginFailure, { username });
      const session = await this.sessions.create(manager, account.id);
      return { account, ...session };
    });
  }

  /**
   * Replaces the password and ends every other session of the account: a session stolen before the change
   * must not outlive it. The session that made the change (`keepSessionHash`) stays valid.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    keepSessionHash: string | null,
  ): Promise<Account> {
    if (actor.accountId === null) {
      throw unauthenticated();
    }
    const accountId = actor.accountId;
    const problem = passwordError(newPassword, actor.username);
    if (problem) {
      throw badField('newPassword', problem);
    }
    if (newPassword === currentPassword) {
      throw badField('newPassword', 'must differ from the current password');
    }
    const account = await this.dataSource.getRepository(Account).findOneByOrFail({ id: accountId });
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw badField('currentPassword', 'is not the current password');
    }
    const passwordHash = await hashPassword(newPassword);
    return this.writes.change(actor, {
      operation: 'changePassword',
      row: rowOf(Account, accountId),
      // The version whose password was just checked: changed since (another new password, an account
      // disabled), the check no longer holds.
      version: account.version,
      authorize: (row, actor) =>
        row.id === actor.accountId || 'Only the account itself may change its password.',
      values: () => ({ passwordHash, mustChangePassword: false }),
      // A stolen session must not outlive the password it was signed in with: every other session ends.
      write: async (_after, _before, manager) => {
        await manager.delete(
          Session,
          keepSessionHash === null ? { accountId } : { accountId, tokenHash: Not(keepSessionHash) },
        );
        return undefined;
      },
      audit: (before) => ({
        before: { mustChangePassword: before.mustChangePassword },
        after: { mustChangePassword: false },
      }),
    });
  }
}
