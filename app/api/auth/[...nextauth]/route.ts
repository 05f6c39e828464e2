import type { NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { emailSchema } from '@/lib/accounts/schemas';
import { handlers } from '@/lib/auth/config';
import { AUTH_BASE_PATH } from '@/lib/auth/constants';
import { checkSignInLinkLimits } from '@/lib/auth/service';
import { getEnv } from '@/lib/env';
import { clientIp } from '@/lib/server/request';
import { tooManyRequests } from '@/lib/security/same-origin';

/**
 * Auth.js's callback (`/api/auth/callback/email?token=…&email=…`) would use up a sign-in
 * link on a plain GET, as a mail scanner sends, and skip the audit log. Links are used only
 * by the button on our confirmation page, so the callback, GET or POST, is sent there with
 * its query untouched. The action is read as Auth.js reads it; email is our only provider.
 */
function isAuthCallback(request: NextRequest): boolean {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith(AUTH_BASE_PATH)) return false;
  const [action] = pathname.slice(AUTH_BASE_PATH.length).split('/').filter(Boolean);
  return action === 'callback';
}

function redirectToConfirmPage(request: NextRequest): Response {
  const target = new URL('/sign-in/confirm', getEnv().APP_URL);
  target.search = new URL(request.url).search;
  return Response.redirect(target, 303);
}

export async function GET(request: NextRequest): Promise<Response> {
  if (isAuthCallback(request)) return redirectToConfirmPage(request);
  return handlers.GET(request);
}

/**
 * Auth.js's own endpoint for emailing a sign-in link sends links just like our sign-in
 * form: it gets the same limits per email and per IP, answered with 429 and Retry-After,
 * before Auth.js (and its CSRF check) sees the request. Everything else goes to Auth.js.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (isAuthCallback(request)) return redirectToConfirmPage(request);
  if (new URL(request.url).pathname.endsWith('/signin/email')) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = emailSchema.safeParse(form?.get('email'));
    if (email.success) {
      const { db } = await getDatabase();
      const limits = await checkSignInLinkLimits(db, email.data, await clientIp());
      if (!limits.ok)
        return tooManyRequests(limits.message, limits.retryAfterSeconds, {
          href: '/sign-in',
          label: 'Back to sign in',
        });
    }
  }
  return handlers.POST(request);
}
