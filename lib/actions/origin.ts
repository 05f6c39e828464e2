import { headers } from 'next/headers';
import { isSameOriginHeaders, isSameOriginPost } from '@/lib/security/same-origin';

/**
 * The one origin rule for everything that changes state: server actions (through the
 * wrapper) and the route handlers that stay. Next.js checks a server action's Origin
 * against its Host too; this check also holds behind a proxy that rewrites the host.
 */
export async function isSameOriginAction(): Promise<boolean> {
  return isSameOriginHeaders(await headers());
}

/** For a route handler: a 403 to return when the post is not from our own pages, else null. */
export function checkSameOrigin(request: Request): Response | null {
  return isSameOriginPost(request)
    ? null
    : new Response('Cross-site request refused', { status: 403 });
}
