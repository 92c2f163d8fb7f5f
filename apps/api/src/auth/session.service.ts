import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@koop/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { Account, RoleGrant } from '../accounts/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { VersionedCache, Writes, dataVersion, namedQuery } from '../database/index.js';
import { AppSetting } from '../reference/index.js';
import type { Actor } from './actor.js';
import { Session } from './session.entity.js';
import { ACTOR_OF_SESSION } from './auth.queries.js';

export const SESSION_COOKIE = 'koop_session';
const SECRET_SETTING = 'session_secret';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Server-side sessions: the browser holds a signed random token, the database its hash and expiry. */
interface SessionRow {
  expiresAt: Date | string;
  accountId: number | string;
  username: string;
  mustChangePassword: boolean | number;
  role: string | null;
  cityId: number | string | null;
  workingGroupId: number | string | null;
}

/** A signed-in session's actor as read, with the moment the session ends. */
interface KnownSession {
  readonly actor: Actor;
  readonly expiresAt: number;
}

/** How many sessions' actors are kept at most (about a kilobyte each). */
const KNOWN_SESSIONS = 10_000;

@Injectable()
export class SessionService {
  /**
   * The actors of sessions, kept while no row of the database changes (see data-version.ts): signing out,
   * a new password, a changed grant or a disabled account — here or in another process — is a write, and
   * every write makes the next request read its session again.
   */
  private readonly known = new VersionedCache<KnownSession>(KNOWN_SESSIONS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writes: Writes,
  ) {}

  /**
   * The secret that signs session cookies: SESSION_SECRET, or one generated on first start and kept in the
   * database, so that every process on the same database signs alike.
   */
  async signingSecret(): Promise<string> {
    if (this.config.session.secret) {
      return this.config.session.secret;
    }
    const repository = this.dataSource.getRepository(AppSetting);
    const stored = await repository.findOneBy({ key: SECRET_SETTING });
    if (stored) {
      return stored.value;
    }
    await repository
      .createQueryBuilder()
      .insert()
      .values({ key: SECRET_SETTING, value: randomBytes(48).toString('base64url') })
      .orIgnore()
      .execute();
    return (await repository.findOneByOrFail({ key: SECRET_SETTING })).value;
  }

  async create(manager: EntityManager, accountId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.session.ttlHours * 3600_000);
    await manager.insert(Session, { tokenHash: hashToken(token), accountId, createdAt: now, expiresAt });
    // Expired sessions are of no use to anyone; sweep them while writing anyway.
    await manager.delete(Session, { expiresAt: LessThan(now) });
    return { token, expiresAt };
  }

  /**
   * The actor of an unexpired session of an enabled account, or null. Every signed-in request asks this:
   * it is one statement (the session, its account and the account's role grants together), and its answer
   * is kept until the data changes. `request` shares the request's reading of the data version.
   */
  async actorFor(tokenHash: string, request?: object): Promise<Actor | null> {
    const current = await dataVersion(this.dataSource, request);
    const now = Date.now();
    const known = this.known.get(current, tokenHash);
    if (known && known.expiresAt > now) {
      return known.actor;
    }
    const rows = await namedQuery<SessionRow>(this.dataSource, ACTOR_OF_SESSION, {
      tokenHash,
      now: new Date(now),
      disabled: false,
    });
    const [first] = rows;
    if (!first) {
      return null;
    }
    const actor: Actor = {
      accountId: Number(first.accountId),
      username: first.username,
      mustChangePassword: Boolean(first.mustChangePassword),
      grants: rows
        .filter((row) => row.role !== null)
        .map((row) => ({
          role: row.role as Role,
          cityId: row.cityId === null ? null : Number(row.cityId),
          workingGroupId: row.workingGroupId === null ? null : Number(row.workingGroupId),
        })),
    };
    const expiresAt = this.expiryOf(first.expiresAt);
    if (Number.isFinite(expiresAt)) {
      this.known.set(current, tokenHash, { actor, expiresAt });
    }
    return actor;
  }

  /** The session's end as stored, read as the entity would read it (SQLite keeps UTC text). */
  private expiryOf(raw: Date | string): number {
    const column = this.dataSource.getMetadata(Session).findColumnWithPropertyName('expiresAt');
    const value: unknown = column ? this.dataSource.driver.prepareHydratedValue(raw, column) : raw;
    return value instanceof Date ? value.getTime() : Number.NaN;
  }

  async actorOf(account: Account): Promise<Actor> {
    const grants = await this.dataSource
      .getRepository(RoleGrant)
      .find({ where: { accountId: account.id }, order: { id: 'ASC' } });
    return {
      accountId: account.id,
      username: account.username,
      mustChangePassword: account.mustChangePassword,
      grants: grants.map((g) => ({ role: g.role, cityId: g.cityId, workingGroupId: g.workingGroupId })),
    };
  }

  async destroy(tokenHash: string): Promise<void> {
    await this.writes.untracked((manager) => manager.delete(Session, { tokenHash }));
  }

  setCookie(response: Response, token: string, expiresAt: Date): void {
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.session.cookieSecure,
      signed: true,
      expires: expiresAt,
      path: '/',
    });
  }

  clearCookie(response: Response): void {
    response.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.session.cookieSecure,
      signed: true,
      path: '/',
    });
  }
}
