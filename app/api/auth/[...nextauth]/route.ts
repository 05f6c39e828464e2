import type { NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { emailSchema } from '@/lib/accounts/schemas';
import { handlers } from '@/lib/auth/config';
import { checkSignInLinkLimits } from '@/lib/auth/service';
import { clientIp } from '@/lib/server/request';
import { tooManyRequests } from '@/lib/security/same-origin';

export const { GET } = handlers;

/**
 * Auth.js's own endpoint for emailing a sign-in link sends links just like our sign-in
 * form: it gets the same limits per email and per IP, answered with 429 and Retry-After,
 * before Auth.js (and its CSRF check) sees the request. Everything else goes to Auth.js.
 */
export async function POST(request: NextRequest): Promise<Response> {
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
