interface StoredCookie {
  readonly value: string;
  readonly path: string;
}

export interface Visit {
  readonly url: URL;
  readonly response: Response;
}

function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

/**
 * An HTTP client that behaves like a browser in what a sign-in needs: it keeps the cookies of every host
 * (by host name, as browsers do, and honouring each cookie's path and expiry) and follows redirects.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  /** Sends one request without following a redirect. */
  async request(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie) {
      headers.set('cookie', cookie);
    }
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.store(target, response.headers.getSetCookie());
    return response;
  }

  /**
   * Opens `url` and follows redirects until a response that is not one, or until the next location
   * satisfies `stopBefore`: then that location is returned without having been requested.
   */
  async navigate(url: URL | string, stopBefore: (next: URL) => boolean = () => false): Promise<Visit> {
    let current = new URL(url);
    for (let hop = 0; hop < 20; hop++) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (!isRedirect(response.status) || location === null) {
        return { url: current, response };
      }
      await response.arrayBuffer();
      const next = new URL(location, current);
      if (stopBefore(next)) {
        return { url: next, response };
      }
      current = next;
    }
    throw new Error(`More than 20 redirects from ${String(url)}`);
  }

  /** Submits a form like a browser (urlencoded POST) and follows the redirects that answer it. */
  async submit(
    url: URL | string,
    fields: Record<string, string>,
    stopBefore?: (next: URL) => boolean,
  ): Promise<Visit> {
    const response = await this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const location = response.headers.get('location');
    if (!isRedirect(response.status) || location === null) {
      return { url: new URL(url), response };
    }
    await response.arrayBuffer();
    const next = new URL(location, url);
    return stopBefore?.(next) ? { url: next, response } : this.navigate(next, stopBefore);
  }

  /** The value of a cookie as the browser would send it to `url`, or undefined. */
  cookie(url: URL | string, name: string): string | undefined {
    const target = new URL(url);
    const stored = this.jar.get(target.hostname)?.get(name);
    return stored && this.pathMatches(target.pathname, stored.path) ? stored.value : undefined;
  }

  setCookie(url: URL | string, name: string, value: string, path = '/'): void {
    const host = new URL(url).hostname;
    const cookies = this.jar.get(host) ?? new Map<string, StoredCookie>();
    cookies.set(name, { value, path });
    this.jar.set(host, cookies);
  }

  private cookieHeader(url: URL): string {
    const cookies = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
    return [...cookies.entries()]
      .filter(([, cookie]) => this.pathMatches(url.pathname, cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private pathMatches(requestPath: string, cookiePath: string): boolean {
    return (
      requestPath === cookiePath ||
      (requestPath.startsWith(cookiePath) &&
        (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'))
    );
  }

  private store(url: URL, setCookies: string[]): void {
    const cookies = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      let path = '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key, ...rest] = attribute.split('=');
        const attributeValue = rest.join('=');
        switch (key.toLowerCase()) {
          case 'path':
            path = attributeValue || '/';
            break;
          case 'max-age':
            expired ||= Number(attributeValue) <= 0;
            break;
          case 'expires':
            expired ||= Date.parse(attributeValue) <= Date.now();
            break;
        }
      }
      if (expired) {
        cookies.delete(name);
      } else {
        cookies.set(name, { value, path });
      }
    }
    this.jar.set(url.hostname, cookies);
  }
}
