import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter, AdapterSession } from 'next-auth/adapters';
import type { Db } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';

/**
 * The Drizzle adapter with one change: session tokens are stored as their SHA-256, so a
 * copy of the database holds no usable session.
 */
export function createAuthAdapter(db: Db): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  const withToken = (session: AdapterSession, token: string) => ({
    ...session,
    sessionToken: token,
  });
  return {
    ...base,
    async createSession(session) {
      const created = await base.createSession!({
        ...session,
        sessionToken: hashToken(session.sessionToken),
      });
      return withToken(created, session.sessionToken);
    },
    async getSessionAndUser(token) {
      const found = await base.getSessionAndUser!(hashToken(token));
      return found && { ...found, session: withToken(found.session, token) };
    },
    async updateSession(session) {
      const updated = await base.updateSession!({
        ...session,
        sessionToken: hashToken(session.sessionToken),
      });
      return updated && withToken(updated, session.sessionToken);
    },
    async deleteSession(token) {
      await base.deleteSession!(hashToken(token));
    },
  };
}
