import NextAuth from 'next-auth';
import type { EmailConfig } from 'next-auth/providers/email';
import { getDatabase } from '@/db';
import { getEnv } from '@/lib/env';
import { createAuthAdapter } from './adapter';
import {
  AUTH_BASE_PATH,
  SESSION_MAX_AGE_SECONDS,
  SIGN_IN_LINK_MAX_AGE_SECONDS,
  sessionCookieName,
} from './constants';
import { enqueueSignInEmail } from './sign-in-email';

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const env = getEnv();
  const { db } = await getDatabase();
  const emailProvider: EmailConfig = {
    id: 'email',
    type: 'email',
    name: 'Email',
    from: env.EMAIL_FROM,
    maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
    options: {},
    sendVerificationRequest: ({ identifier, token, expires, url }) =>
      enqueueSignInEmail(db, {
        email: identifier,
        token,
        expires,
        callbackUrl: new URL(url).searchParams.get('callbackUrl') ?? undefined,
      }),
  };
  return {
    adapter: createAuthAdapter(db),
    secret: env.AUTH_SECRET,
    trustHost: true,
    basePath: AUTH_BASE_PATH,
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: env.secureCookies,
    cookies: {
      sessionToken: {
        name: sessionCookieName(env.secureCookies),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: env.secureCookies },
      },
    },
    providers: [emailProvider],
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
  };
});
