'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { loadViewer } from '@/lib/auth/session';
import { failure, type FormState } from '@/lib/forms';
import { confirmPayoutChange } from '@/lib/payouts/service';

export async function confirmPayoutChangeAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const token = formData.get('token');
  if (typeof token !== 'string' || token === '')
    return failure('This confirmation link is not valid.');
  const viewer = await loadViewer();
  const { db } = await getDatabase();
  const result = await confirmPayoutChange(db, token, viewer?.user.id ?? null);
  if (!result.ok) return failure(result.message);
  if (viewer) redirect('/settings/payout?notice=confirmed');
  return { ok: true, message: 'Change confirmed and applied. We emailed you a notice.' };
}
