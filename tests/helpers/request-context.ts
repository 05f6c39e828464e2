import { createRequire } from 'node:module';
import { jest } from '@jest/globals';
import { sessionCookieName } from '@/lib/auth/constants';
import { getEnv } from '@/lib/env';
import { PEER_ADDRESS_HEADER } from '@/lib/server/peer-address';

/**
 * A stand-in for the request that Next.js gives server actions and route handlers: the
 * browser's cookie jar and its headers, set by the test before each call. Register it with
 * installRequestMocks() before any module that reads `next/headers` is imported.
 */
export const REQUEST_IP = '198.51.100.77';

type CookieOptions = { expires?: Date; maxAge?: number };

const jar = new Map<string, string>();
let routerRefreshes = 0;
let extraHeaders: Record<string, string> = {};

/** What a same-origin form post from the app's own pages carries. */
function baseHeaders(): Record<string, string> {
  const origin = new URL(getEnv().APP_URL);
  return {
    host: origin.host,
    origin: origin.origin,
    'sec-fetch-site': 'same-origin',
    'x-forwarded-proto': origin.protocol.replace(':', ''),
    'x-forwarded-for': REQUEST_IP,
    // What lib/server/peer-address.ts sets from the connection in the real server.
    [PEER_ADDRESS_HEADER]: REQUEST_IP,
  };
}

function cookieHeader(): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function requestHeaders(): Headers {
  const headers = new Headers({ ...baseHeaders(), ...extraHeaders });
  if (jar.size > 0) headers.set('cookie', cookieHeader());
  return headers;
}

const cookieStore = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set(
    nameOrCookie: string | { name: string; value: string },
    value?: string,
    options: CookieOptions = {},
  ) {
    const cookie =
      typeof nameOrCookie === 'string'
        ? { name: nameOrCookie, value: value ?? '', ...options }
        : nameOrCookie;
    const { expires, maxAge } = cookie as CookieOptions;
    const expired =
      cookie.value === '' ||
      (expires !== undefined && expires.getTime() <= Date.now()) ||
      maxAge === 0;
    if (expired) jar.delete(cookie.name);
    else jar.set(cookie.name, cookie.value);
    return cookieStore;
  },
  delete(name: string) {
    jar.delete(name);
    return cookieStore;
  },
};

export function installRequestMocks(): void {
  jest.unstable_mockModule('next/headers', () => ({
    cookies: async () => cookieStore,
    headers: async () => requestHeaders(),
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  }));
  // Outside a request Next's cache functions throw; the pages they refresh are not under
  // test, only whether an action asked the browser's router to render again (refresh()).
  const noop = () => {};
  jest.unstable_mockModule('next/cache', () => ({
    revalidatePath: noop,
    revalidateTag: noop,
    updateTag: noop,
    refresh: () => {
      routerRefreshes += 1;
    },
    unstable_noStore: noop,
    unstable_cache: <T>(fn: T) => fn,
  }));
  // Auth.js renders its pages with preact. Jest's transform turns preact's .mjs builds into
  // CommonJS that then fails to load as ES modules, so hand Auth.js the CommonJS builds.
  const require = createRequire(import.meta.url);
  for (const name of ['preact', 'preact/jsx-runtime', 'preact-render-to-string']) {
    jest.unstable_mockModule(name, () => require(name) as Record<string, unknown>);
  }
}

/** A browser with no cookies (or with this session token), posting from our own pages. */
export function startRequest(
  sessionToken: string | null,
  headers: Record<string, string> = {},
): void {
  jar.clear();
  routerRefreshes = 0;
  extraHeaders = headers;
  if (sessionToken) jar.set(sessionCookieName(getEnv().secureCookies), sessionToken);
}

/** How many times actions called refresh() since the test's startRequest(). */
export function routerRefreshCount(): number {
  return routerRefreshes;
}

/** The session cookie the browser holds now (after an action set or cleared it). */
export function currentSessionCookie(): string | undefined {
  return jar.get(sessionCookieName(getEnv().secureCookies));
}

/** The Cookie header of the current browser, for route handlers that read the request. */
export function browserCookieHeader(): string {
  return cookieHeader();
}
