import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { methodShortName } from '@/lib/payouts/present';
import { listPayoutMethods, SECURITY_HOLD_DAYS } from '@/lib/payouts/service';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { requireFreelancerViewer } from '../../../viewer';
import { RemoveMethodForm } from './remove-method-form';

export const metadata: Metadata = { title: 'Remove a payout method', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** "Remove …?": what removing this method does, before the action does it. */
export default async function RemovePayoutMethodPage({ params }: Props) {
  const viewer = await requireFreelancerViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  // Only the viewer's own methods are listed, so another person's id finds nothing.
  const methods = await listPayoutMethods(db, viewer.user.id);
  const method = methods.find((m) => m.id === id);
  if (!method) notFound();
  const others = methods.filter((m) => m.id !== id);
  const nextDefault = method.isDefault ? others[0] : undefined;
  return (
    <>
      <h1>Remove a payout method</h1>
      <ConfirmStep
        question={`Remove your ${method.title}?`}
        cancelHref="/settings/payout"
        consequences={[
          `We stop sending withdrawals to the ${methodShortName(method)} at once.`,
          nextDefault
            ? `Your ${methodShortName(nextDefault)} becomes your default method.`
            : others.length === 0
              ? 'You will have no payout method left: we cannot pay you until you add one.'
              : 'Your default method stays as it is.',
          `Adding it again later starts a new ${SECURITY_HOLD_DAYS}-day security hold.`,
          `We email a security notice to ${viewer.user.email}. If you signed in more than 30 minutes ago, we email you a link to confirm the removal first.`,
        ]}
      >
        <RemoveMethodForm methodId={method.id} title={method.title} />
      </ConfirmStep>
    </>
  );
}
