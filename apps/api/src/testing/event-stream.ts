/**
 * A client of /graphql/stream for tests, on plain fetch: it sees the HTTP status of a refusal and each
 * message and comment as the server sent it. (The dashboard uses graphql-sse's client.)
 */

export const DEMO_PASSWORD = 'Kooperation-Demo-2026';

export interface Signal {
  entity: string;
  id: string;
  operation: string;
  version: number | null;
  at: string;
}

export interface StreamMessage {
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL result, read by path
  data: any;
}

export interface EventStream {
  readonly status: number;
  /** The JSON body of a refused stream. */
  readonly refusal: { errors: { message: string; extensions?: { code?: string } }[] } | null;
  /** The signals received so far, in order. */
  readonly signals: Signal[];
  /** Every message received so far, signals and others. */
  readonly messages: StreamMessage[];
  /** Number of comment lines (heartbeats) received so far. */
  readonly comments: number;
  /** Resolves once the server closed the stream. */
  readonly ended: Promise<void>;
  /** The next signal to arrive (or one already received beyond `after`), within `timeoutMs`. */
  nextSignal(after: number, timeoutMs?: number): Promise<Signal>;
  close(): void;
}

export const SUBSCRIPTION =
  'subscription($id: ID!) { cooperationChanged(cooperationId: $id) { entity id operation version at } }';

/** Signs in through POST /graphql and returns the session cookie. */
export async function signInCookie(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: password },
    }),
  });
  const body = (await response.json()) as { errors?: unknown };
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (body.errors || !cookie)
    throw new Error(`Sign-in of ${username} failed: ${JSON.stringify(body.errors)}`);
  return cookie;
}

/** Opens a stream for the cooperation's signals; resolves once the server answered (or refused). */
export async function openStream(
  url: string,
  cookie: string | null,
  cooperationId: string,
  options: { query?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql/stream`, {
    method: options.method ?? 'POST',
    signal: controller.signal,
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json; charset=utf-8',
      ...(cookie ? { cookie } : {}),
      ...options.headers,
    },
    body:
      (options.method ?? 'POST') === 'POST'
        ? JSON.stringify({ query: options.query ?? SUBSCRIPTION, variables: { id: cooperationId } })
        : undefined,
  });
  const signals: Signal[] = [];
  const messages: StreamMessage[] = [];
  const waiters = new Set<() => void>();
  let comments = 0;
  const isStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  const refusal = isStream ? null : ((await response.json().catch(() => null)) as EventStream['refusal']);
  const ended = (async () => {
    if (!isStream || !response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) {
            comments += 1;
            continue;
          }
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
          const data = /^data: ?(.*)$/m.exec(block)?.[1] ?? '';
          const message = { event, data: data ? JSON.parse(data) : null };
          messages.push(message);
          const signal = message.data?.data?.cooperationChanged as Signal | undefined;
          if (event === 'next' && signal) signals.push(signal);
        }
        waiters.forEach((wake) => wake());
      }
    } catch {
      // aborted by close()
    }
    waiters.forEach((wake) => wake());
  })();
  let finished = false;
  void ended.then(() => (finished = true));
  return {
    status: response.status,
    refusal,
    signals,
    messages,
    get comments() {
      return comments;
    },
    ended,
    nextSignal(after, timeoutMs = 1000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const signal = signals[after];
          if (signal) {
            cleanup();
            resolve(signal);
          } else if (finished) {
            cleanup();
            reject(new Error('The stream ended before the signal came.'));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No signal within ${timeoutMs} ms.`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
