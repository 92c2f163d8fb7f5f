import { createHash } from 'node:crypto';
import { type OidcSignInError, Role, TEXT_LIMITS, USERNAME_PATTERN } from '@koop/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { In, type EntityManager } from 'typeorm';
import { Account, RoleGrant } from '../accounts/index.js';
import { City } from '../cities/index.js';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../config/index.js';
import { Writes, byRoleAlone, rowOf, type WriteUnit } from '../database/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import type { Actor } from './actor.js';
import { claimAt, parseRolesClaim, type ClaimedRole } from './oidc-roles.js';
import { SessionService } from './session.service.js';

/** What the browser keeps, in a signed cookie, between leaving for the provider and coming back. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Where the dashboard continues afterwards: a same-site path. */
  readonly returnTo: string;
  /** Milliseconds since the epoch after which the callback is refused. */
  readonly expiresAt: number;
}

/** How long a sign-in may take at the provider. */
export const PENDING_SIGN_IN_MS = 10 * 60_000;

/** A sign-in that ended without a session; `code` tells the dashboard why. */
export class OidcSignInFailure extends Error {
  constructor(
    readonly code: OidcSignInError,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OidcSignInFailure';
  }
}

type GrantRow = Pick<RoleGrant, 'role' | 'cityId' | 'workingGroupId'>;

/** Errors of the transport or of the provider's server, as opposed to answers that fail validation. */
function isUnreachable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (
      (current instanceof TypeError && current.message === 'fetch failed') ||
      code === 'OAUTH_TIMEOUT' ||
      code === 'OAUTH_ABORT' ||
      code === 'ECONNREFUSED' ||
      code === 'ENOTFOUND' ||
      code === 'ETIMEDOUT'
    ) {
      return true;
    }
    if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
      const response = current.cause;
      return response instanceof Response && response.status >= 500;
    }
  }
  return false;
}

function grantKey(grant: GrantRow): string {
  return `${grant.role}|${grant.cityId ?? ''}|${grant.workingGroupId ?? ''}`;
}

function sameGrants(a: readonly GrantRow[], b: readonly GrantRow[]): boolean {
  const keys = new Set(a.map(grantKey));
  return a.length === b.length && b.every((grant) => keys.has(grantKey(grant)));
}

function plainGrants(grants: readonly GrantRow[]): GrantRow[] {
  return grants.map(({ role, cityId, workingGroupId }) => ({ role, cityId, workingGroupId }));
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The account as the actor of the changes its own sign-in makes (audit entries name it). */
function signingIn(account: Account): Actor {
  return { accountId: account.id, username: account.username, grants: [], mustChangePassword: false };
}

type Outcome =
  | { readonly kind: 'session'; readonly token: string; readonly expiresAt: Date }
  | { readonly kind: 'refused'; readonly code: OidcSignInError; readonly reason: string };

/**
 * OpenID Connect sign-in (authorization code flow with PKCE) through openid-client: the provider vouches for
 * the person, its roles claim decides the account's roles at every sign-in.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private discovered: Promise<client.Configuration> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writes: Writes,
    private readonly sessions: SessionService,
  ) {}

  get settings(): OidcConfig | null {
    return this.config.oidc;
  }

  /** The provider's URL to send the browser to, and the checks to keep until it comes back. */
  async start(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.configuration();
    const settings = this.required();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
      expiresAt: Date.now() + PENDING_SIGN_IN_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: 'openid profile email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * Completes the sign-in the provider sent back (`query` of the callback): checks state, exchanges the
   * code, validates the ID token, then finds, links or creates the account, replaces its roles by those the
   * claim names and opens a session. Throws an OidcSignInFailure when no session results.
   */
  async finish(query: URLSearchParams, pending: PendingSignIn): Promise<{ token: string; expiresAt: Date }> {
    if (Date.now() > pending.expiresAt) {
      throw new OidcSignInFailure('expired', 'the sign-in took longer than allowed');
    }
    if (query.get('state') !== pending.state) {
      throw new OidcSignInFailure('state-mismatch', 'the state does not match the sign-in started here');
    }
    const providerError = query.get('error');
    if (providerError !== null) {
      const description = query.get('error_description') ?? '';
      throw new OidcSignInFailure(
        providerError === 'access_denied' ? 'denied' : 'provider-error',
        `the provider answered ${providerError}${description ? `: ${description}` : ''}`,
      );
    }
    const configuration = await this.configuration();
    const settings = this.required();
    const callbackUrl = new URL(settings.redirectUri);
    callbackUrl.search = query.toString();
    const claims = await this.verifiedClaims(configuration, callbackUrl, pending);
    const outcome = await this.signIn(settings, claims);
    if (outcome.kind === 'refused') {
      throw new OidcSignInFailure(outcome.code, outcome.reason);
    }
    return outcome;
  }

  /** The discovered provider, fetched at first use and kept; a failed discovery is retried next time. */
  private configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const settings = this.required();
      this.discovered = client
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          settings.clientSecret,
          client.ClientSecretBasic(settings.clientSecret),
          { execute: settings.allowHttp ? [client.allowInsecureRequests] : [], timeout: 10 },
        )
        .catch((error: unknown) => {
          this.discovered = null;
          throw new OidcSignInFailure(
            'unavailable',
            `discovery of ${settings.issuer} failed: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        });
    }
    return this.discovered;
  }

  private required(): OidcConfig {
    if (!this.config.oidc) {
      throw new Error('OpenID Connect is not configured.');
    }
    return this.config.oidc;
  }

  /** The ID token's claims, completed from the userinfo endpoint when the roles or the username are missing. */
  private async verifiedClaims(
    configuration: client.Configuration,
    callbackUrl: URL,
    pending: PendingSignIn,
  ): Promise<client.IDToken & Record<string, unknown>> {
    const settings = this.required();
    const failure = (step: string, error: unknown) =>
      new OidcSignInFailure(
        isUnreachable(error) ? 'unavailable' : 'invalid-response',
        `${step} failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw failure('the code exchange', error);
    }
    const idToken = tokens.claims();
    if (!idToken) {
      throw new OidcSignInFailure('invalid-response', 'the provider sent no ID token');
    }
    const complete =
      claimAt(idToken, settings.rolesClaim) !== undefined && text(idToken['preferred_username']) !== null;
    if (complete || !configuration.serverMetadata().userinfo_endpoint) {
      return idToken;
    }
    try {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      return { ...userInfo, ...idToken };
    } catch (error) {
      throw failure('the userinfo request', error);
    }
  }

  private signIn(settings: OidcConfig, claims: client.IDToken & Record<string, unknown>): Promise<Outcome> {
    const identity = `${claims.iss}|${claims.sub}`;
    if (identity.length > 300) {
      throw new OidcSignInFailure('invalid-response', 'issuer and subject are longer than 300 characters');
    }
    const claimed = parseRolesClaim(claimAt(claims, settings.rolesClaim));
    const preferred = text(claims['preferred_username'])?.toLowerCase() ?? null;
    return this.writes.inOneTransaction(async (unit): Promise<Outcome> => {
      const { manager } = unit;
      const grants = await this.grantsFor(manager, claimed);
      let account = await manager.findOneBy(Account, { oidcIdentity: identity });
      if (account?.disabled) {
        return {
          kind: 'refused',
          code: 'account-disabled',
          reason: `account ${account.username} is disabled`,
        };
      }
      if (grants.length === 0) {
        if (account) {
          // The provider took every role away: so does the account, before the sign-in is refused.
          await this.replaceGrants(unit, account, grants);
        }
        return {
          kind: 'refused',
          code: 'no-role',
          reason: `${identity} carries no role of this application in the claim ${settings.rolesClaim}`,
        };
      }
      if (!account && preferred !== null) {
        const namesake = await manager.findOneBy(Account, { username: preferred });
        if (namesake?.disabled) {
          return { kind: 'refused', code: 'account-disabled', reason: `account ${preferred} is disabled` };
        }
        if (namesake && namesake.oidcIdentity === null) {
          account = await this.link(unit, namesake, identity);
        }
      }
      if (account) {
        await this.replaceGrants(unit, account, grants);
      } else {
        account = await this.createAccount(unit, claims, identity, preferred, grants);
      }
      return { kind: 'session', ...(await this.sessions.create(manager, account.id)) };
    });
  }

  /** The grants the claimed roles stand for; roles naming an unknown city or working group are left out. */
  private async grantsFor(manager: EntityManager, claimed: readonly ClaimedRole[]): Promise<GrantRow[]> {
    const agsList = claimed.flatMap((c) => ('ags' in c ? [c.ags] : []));
    const groupIds = claimed.flatMap((c) => ('workingGroupId' in c ? [c.workingGroupId] : []));
    const cities = agsList.length ? await manager.findBy(City, { ags: In(agsList) }) : [];
    const groups = groupIds.length ? await manager.findBy(WorkingGroup, { id: In(groupIds) }) : [];
    const cityIdByAgs = new Map(cities.map((city) => [city.ags, city.id]));
    const knownGroups = new Set(groups.map((group) => group.id));
    const grants: GrantRow[] = [];
    for (const role of claimed) {
      if ('ags' in role) {
        const cityId = cityIdByAgs.get(role.ags);
        if (cityId === undefined) {
          this.logger.warn(`Ignoring the role ${role.role} for the unknown AGS ${role.ags}.`);
        } else {
          grants.push({ role: role.role, cityId, workingGroupId: null });
        }
      } else if ('workingGroupId' in role) {
        if (!knownGroups.has(role.workingGroupId)) {
          this.logger.warn(
            `Ignoring the role ${role.role} for the unknown working group ${role.workingGroupId}.`,
          );
        } else {
          grants.push({ role: Role.WORKING_GROUP_LEAD, cityId: null, workingGroupId: role.workingGroupId });
        }
      } else {
        grants.push({ role: role.role, cityId: null, workingGroupId: null });
      }
    }
    return grants;
  }

  /**
   * Links the identity to the account of the same name. The changes a sign-in makes are its own: the
   * provider vouched for the person, so the roles alone decide, and the version is the one just read.
   */
  private link(unit: WriteUnit, account: Account, identity: string): Promise<Account> {
    return unit.change(signingIn(account), {
      operation: 'linkOidcIdentity',
      row: rowOf(Account, account.id),
      version: account.version,
      authorize: byRoleAlone,
      values: () => ({ oidcIdentity: identity }),
      audit: () => ({ before: { oidcIdentity: null }, after: { oidcIdentity: identity } }),
    });
  }

  private async createAccount(
    unit: WriteUnit,
    claims: Readonly<Record<string, unknown>>,
    identity: string,
    preferred: string | null,
    grants: readonly GrantRow[],
  ): Promise<Account> {
    const username = await this.freeUsername(unit.manager, preferred, identity);
    const given = [text(claims['given_name']), text(claims['family_name'])].filter(Boolean).join(' ');
    const displayName = (text(claims['name']) ?? (given || username)).slice(0, TEXT_LIMITS.name);
    const provider: Actor = { accountId: null, username, grants: [], mustChangePassword: false };
    return unit.create(provider, {
      operation: 'createAccountFromOidc',
      entity: Account,
      authorize: byRoleAlone,
      author: signingIn,
      values: () => ({
        username,
        displayName,
        passwordHash: null,
        mustChangePassword: false,
        oidcIdentity: identity,
        disabled: false,
        createdAt: new Date(),
      }),
      write: async (account, manager) => {
        await this.insertGrants(manager, account, grants);
        return { roles: plainGrants(grants) };
      },
    });
  }

  /**
   * The provider's username when it is a valid one that no account holds; else a name derived from it (or
   * from the identity) with a suffix that the identity decides, so that the same person gets the same name.
   */
  private async freeUsername(
    manager: EntityManager,
    preferred: string | null,
    identity: string,
  ): Promise<string> {
    if (preferred !== null && USERNAME_PATTERN.test(preferred)) {
      if (!(await manager.existsBy(Account, { username: preferred }))) {
        return preferred;
      }
    }
    const base = (preferred ?? '').replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'sso';
    const digest = createHash('sha256').update(identity).digest('hex');
    for (let length = 6; length <= digest.length; length += 4) {
      const suffix = `-${digest.slice(0, length)}`;
      const candidate = `${base.slice(0, 60 - suffix.length)}${suffix}`;
      if (!(await manager.existsBy(Account, { username: candidate }))) {
        return candidate;
      }
    }
    throw new OidcSignInFailure('invalid-response', `no free username for ${identity}`);
  }

  /** Replaces the account's roles by the mapped ones; a change is audited. */
  private async replaceGrants(unit: WriteUnit, account: Account, grants: readonly GrantRow[]): Promise<void> {
    const before = await unit.manager.find(RoleGrant, {
      where: { accountId: account.id },
      order: { id: 'ASC' },
    });
    if (sameGrants(before, grants)) {
      return;
    }
    await unit.change(signingIn(account), {
      operation: 'setAccountRolesFromOidc',
      row: rowOf(Account, account.id),
      version: account.version,
      authorize: byRoleAlone,
      write: async (_after, _before, manager) => {
        await manager.delete(RoleGrant, { accountId: account.id });
        await this.insertGrants(manager, account, grants);
        return undefined;
      },
      audit: () => ({ before: { roles: plainGrants(before) }, after: { roles: plainGrants(grants) } }),
    });
  }

  private async insertGrants(
    manager: EntityManager,
    account: Account,
    grants: readonly GrantRow[],
  ): Promise<void> {
    if (grants.length > 0) {
      await manager.insert(
        RoleGrant,
        grants.map((grant) => ({ ...grant, accountId: account.id })),
      );
    }
  }
}
