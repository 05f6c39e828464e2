import type { Metadata } from 'next';
import Link from 'next/link';
import { OfferForm } from '@/components/offer/offer-form';
import { getEnv } from '@/lib/env';
import { offerPrefill, offerRefusalFor } from '@/lib/proposals/offer';
import { sendOfferFromProposalAction } from '../../actions';
import { loadClientProposal } from '../load-proposal';

export const metadata: Metadata = { title: 'Send an offer' };

type Props = { params: Promise<{ id: string; proposalId: string }> };

/**
 * The invite's offer form, filled from the proposal's bid and the job. The offer goes out as
 * an invite to the freelancer's account, reviewed and accepted like any other.
 */
export default async function OfferFromProposalPage({ params }: Props) {
  const { viewer, found, name, base: back } = await loadClientProposal(params);
  const refusal = offerRefusalFor(found.proposal.status);
  return (
    <>
      <p>
        <Link href={back}>Back to the proposal</Link>
      </p>
      <h1>Send {name} an offer</h1>
      {refusal ? (
        <p>
          {refusal}{' '}
          {found.proposal.inviteId && (
            <Link href={`/client/invites/${found.proposal.inviteId}`}>Open the offer</Link>
          )}
        </p>
      ) : (
        <>
          <p>
            The terms start from {name}’s bid; change anything before you send. {name} gets an email
            to review the offer and accept it, as with any invite.
          </p>
          <OfferForm
            mode="edit"
            action={sendOfferFromProposalAction}
            feeBps={getEnv().SERVICE_FEE_BPS}
            clientType={viewer.workspace!.type}
            initial={offerPrefill(found.proposal, found.job)}
            hidden={{ proposalId: found.proposal.id }}
            submitLabel="Send the offer"
          />
        </>
      )}
    </>
  );
}
