import type { PageVisit } from './pages';
import type { Seeded } from './seed';

export const SESSION_COOKIE = '__Secure-authjs.session-token';

const text = (html: string) => html.replace(/<[^>]*>/g, '').trim();

/**
 * GETs a page and returns its HTML, or throws unless the page itself rendered: HTTP 200
 * (a redirect is not followed), no client-side redirect, and the expected <h1>.
 */
export async function fetchRenderedPage<S = Seeded>(
  baseUrl: string,
  page: PageVisit<S>,
  seeded: S,
): Promise<string> {
  const headers: Record<string, string> = page.cookie
    ? { cookie: `${SESSION_COOKIE}=${page.cookie(seeded)}` }
    : {};
  const res = await fetch(`${baseUrl}${page.path(seeded)}`, { headers, redirect: 'manual' });
  const html = await res.text();
  if (res.status !== 200) {
    throw new Error(
      `${page.name}: HTTP ${res.status}${res.headers.get('location') ? ` to ${res.headers.get('location')}` : ''}, not the page`,
    );
  }
  // A redirect thrown after streaming began arrives as a 200 with a meta refresh.
  if (/__next-page-redirect|http-equiv="refresh"/i.test(html))
    throw new Error(`${page.name}: the page redirected (meta refresh)`);
  const h1 = html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i);
  const heading = h1 ? text(h1[1]) : '(no <h1>)';
  if (!page.heading.test(heading))
    throw new Error(`${page.name}: expected a heading matching ${page.heading}, got "${heading}"`);
  return html;
}
