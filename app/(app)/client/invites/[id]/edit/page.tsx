import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { OfferForm } from '@/components/offer/offer-form';
import { requireClient } from '@/lib/auth/session';
import { findWorkspaceInvite } from '@/lib/invites/queries';
import { loadTerms } from '@/lib/invites/service';
import { centsToDollarInput } from '@/lib/money/money';
import { editOfferAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit the offer' };

export default async function EditOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const { inviter, viewer } = await requireClient();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  const found = await findWorkspaceInvite(db, inviter.workspaceId, id);
  const terms = found && (await loadTerms(db, id));
  if (!found || !terms) notFound();
  const initial: Record<string, string> = {
    'offer.kind': terms.kind,
    'offer.title': terms.title,
    'offer.description': terms.description,
    'offer.startDate': terms.startDate,
    'offer.hourlyRateDollars':
      terms.hourlyRateCents === null ? '' : centsToDollarInput(terms.hourlyRateCents),
    'offer.weeklyLimit': terms.weeklyLimitHours === null ? '' : String(terms.weeklyLimitHours),
    'offer.allowManualTime': terms.allowManualTime ? 'on' : '',
  };
  terms.milestones.forEach((m, i) => {
    initial[`offer.milestones.${i}.description`] = m.description;
    initial[`offer.milestones.${i}.amountDollars`] = centsToDollarInput(m.amountCents);
    initial[`offer.milestones.${i}.dueDate`] = m.dueDate;
  });
  return (
    <>
      <p>
        <Link href={`/client/invites/${id}`}>Back to the invite</Link>
      </p>
      <h1>Edit the offer to {found.invite.firstName}</h1>
      <p>
        If they already opened the offer, they will be asked to review the new terms before
        accepting.
      </p>
      <OfferForm
        mode="edit"
        action={editOfferAction}
        feeBps={terms.feeBps}
        clientType={viewer.workspace!.type}
        initial={initial}
        hidden={{ inviteId: id }}
        submitLabel="Save the offer"
      />
    </>
  );
}
