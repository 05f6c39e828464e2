import { getDatabase } from '@/db';
import type { Db } from '@/db/client';
import { loadViewer, type Viewer } from '@/lib/auth/session';
import { clientIp } from '@/lib/server/request';

type Confirmed<R> = { kind: 'invalid' } | { kind: 'done'; result: R; viewer: Viewer | null };

/**
 * The shared start of every emailed confirmation link (payout change, new email): a token
 * from the form, the person signed in on this browser (if any), and the service's answer.
 */
export async function confirmFromForm<R>(
  formData: FormData,
  confirm: (db: Db, token: string, signedInUserId: string | null, ip: string | null) => Promise<R>,
): Promise<Confirmed<R>> {
  const token = formData.get('token');
  if (typeof token !== 'string' || token === '') return { kind: 'invalid' };
  const viewer = await loadViewer();
  const { db } = await getDatabase();
  const ip = await clientIp();
  return { kind: 'done', result: await confirm(db, token, viewer?.user.id ?? null, ip), viewer };
}

export const INVALID_LINK = 'This confirmation link is not valid.';
