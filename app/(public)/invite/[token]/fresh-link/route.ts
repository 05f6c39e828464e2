import { getDatabase } from '@/db';
import { requestFreshInviteLink } from '@/lib/invites/fresh-link';
import { clientIp } from '@/lib/server/request';
import { isSameOriginPost, seeOther } from '@/lib/security/same-origin';

/** "Email me a fresh link" on an expired invite. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const back = `/invite/${encodeURIComponent(token)}`;
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return seeOther('/invite/unknown');
  if (!isSameOriginPost(request)) return new Response('Cross-site request refused', { status: 403 });
  const { db } = await getDatabase();
  const result = await requestFreshInviteLink(db, token, await clientIp());
  if (result.ok) return seeOther(`${back}?notice=fresh-link-sent`);
  if (result.reason === 'rate-limited') {
    // A plain page (the form posts without JavaScript too) with the status and Retry-After.
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many requests · Workbridge</title></head><body><main><h1>Too many requests</h1><p>${result.message}</p><p><a href="${back}">Back to the invitation</a></p></main></body></html>`;
    return new Response(page, {
      status: 429,
      headers: { 'retry-after': String(result.retryAfterSeconds), 'content-type': 'text/html; charset=utf-8' },
    });
  }
  return seeOther(back);
}
