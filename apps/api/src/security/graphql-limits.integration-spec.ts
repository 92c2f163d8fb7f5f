import type { AddressInfo } from 'node:net';
import { onlyError, startTestApp, type GraphQLResponse, type TestApp } from '../testing/index.js';

/** `{ project { workingGroup { leadCity { ownedProjects { workingGroup … } } } } }`, `levels` fields deep. */
function deepQuery(levels: number): string {
  const chain = ['workingGroup', 'leadCity', 'ownedProjects'];
  let selection = 'id';
  for (let level = levels - 2; level >= 1; level -= 1) {
    selection = `${chain[(level - 1) % chain.length]} { ${selection} }`;
  }
  return `{ project(id: "1") { ${selection} } }`;
}

function aliasQuery(aliases: number): string {
  const fields = Array.from({ length: aliases }, (_, i) => `a${i}: demoData`).join(' ');
  return `{ appInfo { ${fields} } }`;
}

const NORMAL = '{ appInfo { demoData } }';

describe('GraphQL limits', () => {
  let app: TestApp;
  let url: string;
  let cookie: string;

  /** A POST to /graphql signed in as the test admin, with a JSON body unless `body` is a string. */
  async function post(
    body: unknown,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<{ status: number; body: GraphQLResponse }> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { login(username: "test-admin", password: "test-password-0123456789") { account { id } } }',
      }),
    });
    cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^koop_session=/);
  });

  afterAll(() => app.close());

  it('answers a normal query', async () => {
    expect(await post({ query: NORMAL })).toEqual({
      status: 200,
      body: { data: { appInfo: { demoData: false } } },
    });
  });

  it('refuses a query 20 levels deep, naming the limit', async () => {
    const { status, body } = await post({ query: deepQuery(20) });
    expect(status).toBe(400);
    expect(onlyError(body)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'The operation is 20 levels deep; at most 12 are allowed.',
    });
    // The same shape within the limit passes validation (and then finds no project).
    expect(onlyError((await post({ query: deepQuery(12) })).body).code).toBe('NOT_FOUND');
  });

  it('refuses 1,000 aliases, naming the limit', async () => {
    const { status, body } = await post({ query: aliasQuery(1000) });
    expect(status).toBe(400);
    expect(onlyError(body)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'The document uses 1000 aliases; at most 40 are allowed.',
    });
    expect((await post({ query: aliasQuery(40) })).body.errors).toBeUndefined();
  });

  it('refuses a batch of 100 operations', async () => {
    const { status, body } = await post(Array.from({ length: 100 }, () => ({ query: NORMAL })));
    expect(status).toBe(400);
    expect(onlyError(body)).toEqual({
      code: 'BAD_REQUEST',
      message: 'Batched requests are not accepted: send one operation per request (this request held 100).',
      field: undefined,
    });
  });

  it('refuses a 5 MB body, naming the limit', async () => {
    const { status, body } = await post({
      query: NORMAL,
      variables: { filler: 'x'.repeat(5 * 1024 * 1024) },
    });
    expect(status).toBe(413);
    expect(onlyError(body)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 512 KB.',
    });
  });

  it('refuses a query longer than the limit', async () => {
    const padded = `${NORMAL}${' '.repeat(20001 - NORMAL.length)}`;
    const { status, body } = await post({ query: padded });
    expect(status).toBe(400);
    expect(onlyError(body)).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The query is 20001 characters long; at most 20000 are allowed.',
    });
    expect((await post({ query: padded.slice(0, 20000) })).body.errors).toBeUndefined();
  });

  it('keeps answering normal requests while it refuses all of these at once', async () => {
    const attacks = [
      post({ query: deepQuery(20) }),
      post({ query: aliasQuery(1000) }),
      post(Array.from({ length: 100 }, () => ({ query: NORMAL }))),
      post({ query: NORMAL, variables: { filler: 'x'.repeat(5 * 1024 * 1024) } }),
    ];
    const normal = Array.from({ length: 40 }, () => post({ query: NORMAL }));
    const [refused, answered] = await Promise.all([Promise.all(attacks), Promise.all(normal)]);
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 413]);
    expect(refused.map((r) => onlyError(r.body).code)).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_REQUEST',
      'PAYLOAD_TOO_LARGE',
    ]);
    for (const response of answered) {
      expect(response).toEqual({ status: 200, body: { data: { appInfo: { demoData: false } } } });
    }
  });

  it('refuses a query whose pages multiply to a cost above the limit, with `first` from variables too', async () => {
    const query = `query ($n: Int) {
      projects(first: $n) { edges { node { adoptions { city { adoptions { project { title } } } } } } }
    }`;
    // 1 + 100 × (edges 1 + node 1 + adoptions (1 + 10 × (city 1 + adoptions (1 + 10 × 2)))) = 22,301
    const { status, body } = await post({ query, variables: { n: 100 } });
    expect(status).toBe(400);
    expect(onlyError(body)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message:
        'The operation has an estimated cost of 22301; at most 20000 is allowed. Ask for fewer items (first) or fewer fields.',
    });
    const smaller = await post({ query, variables: { n: 10 } });
    expect(smaller.status).toBe(200);
    expect(smaller.body.errors).toBeUndefined();
  });

  it('refuses more root fields than the limit', async () => {
    const fields = (count: number) => Array.from({ length: count }, (_, i) => `r${i}: appInfo { demoData }`);
    const { status, body } = await post({ query: `query Many { ${fields(21).join(' ')} }` });
    expect(status).toBe(400);
    expect(onlyError(body)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'The operation Many asks for 21 top-level fields; at most 20 are allowed.',
    });
    expect((await post({ query: `{ ${fields(20).join(' ')} }` })).body.errors).toBeUndefined();
  });

  it('counts the root fields of fragments and refuses fragments that expand beyond counting', async () => {
    const spread = `fragment Twelve on Query { ${Array.from({ length: 12 }, (_, i) => `f${i}: appInfo { demoData }`).join(' ')} }`;
    const twice = await post({ query: `{ ...Twelve ... on Query { ...Twelve } } ${spread}` });
    expect(onlyError(twice.body).message).toBe(
      'The operation asks for 24 top-level fields; at most 20 are allowed.',
    );
    // Each fragment spreads the next one ten times: 10^8 fields from a few hundred characters.
    const levels = Array.from(
      { length: 8 },
      (_, i) => `fragment L${i} on AppInfo { ${Array.from({ length: 10 }, () => `...L${i + 1}`).join(' ')} }`,
    );
    const bomb = `{ appInfo { ...L0 } } ${levels.join(' ')} fragment L8 on AppInfo { demoData }`;
    const { status, body } = await post({ query: bomb });
    expect(status).toBe(400);
    expect(onlyError(body)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message:
        'The operation expands to too many fields to estimate its cost; at most 20000 is allowed. Ask for fewer items (first) or fewer fields.',
    });
  });

  it('keeps the limits from configuration', async () => {
    const strict = await startTestApp({
      graphql: {
        maxDepth: 3,
        maxCost: 50,
        maxAliases: 2,
        maxRootFields: 1,
        maxQueryLength: 200,
        introspection: false,
      },
    });
    try {
      const codes = async (query: string) => (await strict.gql(query)).errors?.map((e) => e.message);
      expect(await codes('{ project(id: "1") { workingGroup { leadCity { id } } } }')).toEqual([
        'The operation is 4 levels deep; at most 3 are allowed.',
      ]);
      expect(await codes('{ appInfo { a: demoData b: demoData c: demoData } }')).toEqual([
        'The document uses 3 aliases; at most 2 are allowed.',
      ]);
      expect(await codes('{ appInfo { demoData } me { account { id } } }')).toEqual([
        'The operation asks for 2 top-level fields; at most 1 is allowed.',
      ]);
      expect(await codes('{ cities { adoptions { id } } }')).toEqual([
        'The operation has an estimated cost of 111; at most 50 is allowed. Ask for fewer items (first) or fewer fields.',
      ]);
      const ofLength = (length: number) => `{ appInfo { demoData }${' '.repeat(length - 23)}}`;
      expect(await codes(ofLength(201))).toEqual([
        'The query is 201 characters long; at most 200 are allowed.',
      ]);
      expect(await codes(ofLength(200))).toBeUndefined();
    } finally {
      await strict.close();
    }
  });
});
