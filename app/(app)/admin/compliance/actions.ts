'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { loadViewer } from '@/lib/auth/session';
import { approveSchema, rejectSchema } from '@/lib/compliance/schemas';
import { decideCheck, NOT_A_REVIEWER } from '@/lib/compliance/service';
import {
  NOT_A_FORM,
  isForm,
  failure,
  invalid,
  refuseNulCharacters,
  type FormState,
} from '@/lib/forms';
import { clientIp } from '@/lib/server/request';

/** Every action re-checks, on the server, that the caller is an ops reviewer right now. */
async function loadReviewer() {
  const viewer = await loadViewer();
  return viewer?.isAdmin ? { id: viewer.user.id, isAdmin: true } : null;
}

export async function approveCheckAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const reviewer = await loadReviewer();
  if (!reviewer) return failure(NOT_A_REVIEWER);
  const parsed = approveSchema.safeParse({ checkId: formData.get('checkId') });
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const result = await decideCheck(db, {
    reviewer,
    checkId: parsed.data.checkId,
    decision: 'approve',
    ip: await clientIp(),
  });
  if (!result.ok) return failure(result.message);
  redirect(`/admin/compliance?notice=approved`);
}

export async function rejectCheckAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const reviewer = await loadReviewer();
  if (!reviewer) return failure(NOT_A_REVIEWER);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const parsed = rejectSchema.safeParse({
    checkId: formData.get('checkId'),
    reason: formData.get('reason'),
  });
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const result = await decideCheck(db, {
    reviewer,
    checkId: parsed.data.checkId,
    decision: 'reject',
    reason: parsed.data.reason,
    ip: await clientIp(),
  });
  if (!result.ok) return failure(result.message);
  redirect(`/admin/compliance?notice=rejected`);
}
