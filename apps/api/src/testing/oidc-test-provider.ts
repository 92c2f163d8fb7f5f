import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Interaction } from 'oidc-provider';

/** A person known to the test identity provider, with the claims it vouches for. */
export interface TestPerson {
  readonly password: string;
  readonly claims: {
    preferred_username?: string;
    name?: string;
    given_name?: string;
    family_name?: string;
    email?: string;
    roles?: unknown;
  };
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** People by subject; tests change their claims between sign-ins. */
  readonly people: Map<string, TestPerson>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** A loopback port that was free a moment ago, for a server whose URL must be known before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a loopback port, with one confidential
 * client. Its sign-in and consent pages are small HTTP endpoints a test drives like a browser:
 * `GET /interaction/:uid` tells which prompt is open, `POST /interaction/:uid/login` (login, password)
 * signs in, `POST /interaction/:uid/confirm` consents, `GET /interaction/:uid/abort` refuses.
 */
export async function startTestProvider(options: { redirectUri: string }): Promise<TestProvider> {
  const people = new Map<string, TestPerson>();
  const clientId = 'kooperationscockpit';
  const clientSecret = randomBytes(24).toString('base64url');
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    json(response, 503, { error: 'starting' });
  const server = createServer((request, response) => handle(request, response));
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // As Keycloak's roles mapper does, the roles travel with the profile.
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username', 'roles'],
      email: ['email'],
    },
    async findAccount(_context, sub) {
      const person = people.get(sub);
      return person && { accountId: sub, claims: () => ({ sub, ...person.claims }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(24).toString('base64url')] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
    },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
  });

  async function interact(request: IncomingMessage, response: ServerResponse, action: string | undefined) {
    const details: Interaction = await provider.interactionDetails(request, response);
    const { prompt } = details;
    if (action === undefined && request.method === 'GET') {
      json(response, 200, { uid: details.uid, prompt: prompt.name, details: prompt.details });
    } else if (action === 'abort' && request.method === 'GET') {
      await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
    } else if (action === 'login' && request.method === 'POST' && prompt.name === 'login') {
      const form = await formOf(request);
      const login = form.get('login') ?? '';
      if (people.get(login)?.password !== form.get('password')) {
        json(response, 401, { error: 'wrong login or password' });
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
    } else if (action === 'confirm' && request.method === 'POST' && prompt.name === 'consent') {
      const accountId = details.session?.accountId ?? '';
      const grant =
        (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
        new provider.Grant({ accountId, clientId: details.params.client_id });
      if (prompt.details.missingOIDCScope) {
        grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
      }
      if (prompt.details.missingOIDCClaims) {
        grant.addOIDCClaims(prompt.details.missingOIDCClaims);
      }
      for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      await provider.interactionFinished(
        request,
        response,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    } else {
      json(response, 400, { error: `no ${request.method} ${action ?? ''} for the prompt ${prompt.name}` });
    }
  }

  const providerHandler = provider.callback();
  handle = (request, response) => {
    const path = new URL(request.url ?? '/', issuer).pathname;
    const match = /^\/interaction\/[^/]+(?:\/(login|confirm|abort))?$/.exec(path);
    if (!match) {
      providerHandler(request, response);
      return;
    }
    interact(request, response, match[1]).catch((error: unknown) =>
      json(response, 500, { error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return { issuer, clientId, clientSecret, people, close: () => close(server) };
}
