import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { FileList } from '@/components/file-list';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { formatLongDate } from '@/lib/dates/format';
import { DURATION_LABELS } from '@/lib/job-posts/labels';
import { formatMoney } from '@/lib/money/money';
import { listProposalFiles } from '@/lib/proposals/attachments';
import { bidText, CLIENT_STATUS_LABELS, skillsInCommon } from '@/lib/proposals/client-view';
import { offerRefusalFor } from '@/lib/proposals/offer';
import { loadClientProposal } from './load-proposal';
import { MoveForms } from './move-forms';

export const metadata: Metadata = { title: 'Proposal' };

const NOTICES: Record<string, string> = {
  shortlisted: 'The proposal is on your shortlist.',
  archived: 'The proposal is archived.',
  unarchived: 'The proposal is back among the others.',
  declined: 'The proposal is declined; we emailed the freelancer.',
};

const MOVES_FROM = {
  submitted: ['shortlist', 'archive'],
  shortlisted: ['archive'],
  archived: ['shortlist', 'unarchive'],
} as const;

type Props = {
  params: Promise<{ id: string; proposalId: string }>;
  searchParams: Promise<{ notice?: string }>;
};

/** One proposal in full for the job's owner; the freelancer shows even with a private profile. */
export default async function ClientProposalPage({ params, searchParams }: Props) {
  const { db, found, name, base } = await loadClientProposal(params);
  const { notice } = await searchParams;
  const { proposal: p, job } = found;
  const moves = p.status in MOVES_FROM ? MOVES_FROM[p.status as keyof typeof MOVES_FROM] : [];
  const canAct = offerRefusalFor(p.status) === null;
  const common = skillsInCommon(job.skills, found.skills);
  const files = await listProposalFiles(db, p.id);
  return (
    <>
      <p>
        <Link href={`/client/jobs/${job.id}/proposals`}>Back to the proposals</Link>
      </p>
      <h1>{name}’s proposal</h1>
      {notice && NOTICES[notice] && (
        <p className="notice success" role="status">
          {NOTICES[notice]}
        </p>
      )}
      <p>
        For “{job.title}” · {CLIENT_STATUS_LABELS[p.status]} · Submitted{' '}
        {formatLongDate(p.submittedAt)}
      </p>
      {p.status === 'declined' && (
        <p>
          You declined it on {formatLongDate(p.declinedAt!)}
          {p.declineReason ? <>: “{p.declineReason}”</> : '.'}
        </p>
      )}
      {p.status === 'offered' && p.inviteId && (
        <p>
          <Link href={`/client/invites/${p.inviteId}`}>Open the offer you sent</Link>
        </p>
      )}
      <section className="card" aria-labelledby="bid-heading">
        <h2 id="bid-heading">The bid</h2>
        <dl>
          <dt>Bid</dt>
          <dd>{bidText(p)}</dd>
          <dt>Estimated duration</dt>
          <dd>{DURATION_LABELS[p.estimatedDuration]}</dd>
        </dl>
        {p.bidShape === 'milestones' && (
          <ol>
            {p.milestones.map((m, i) => (
              <li key={i}>
                {m.description}: {formatMoney(m.amountCents, p.currency)}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="letter-heading">
        <h2 id="letter-heading">Cover letter</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{p.coverLetter}</p>
        {p.answers.length > 0 && (
          <>
            <h3>Answers to your questions</h3>
            <dl>
              {p.answers.map((a, i) => (
                <div key={i}>
                  <dt>{a.question}</dt>
                  <dd style={{ whiteSpace: 'pre-wrap' }}>{a.answer}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </section>
      {files.length > 0 && (
        <section className="card" aria-labelledby="files-heading">
          <h2 id="files-heading">Attachments</h2>
          <FileList
            label="Attachments"
            files={files.map((f) => ({ ...f, href: `/proposals/${p.id}/files/${f.id}` }))}
          />
        </section>
      )}
      <section className="card" aria-labelledby="freelancer-heading">
        <h2 id="freelancer-heading">About {name}</h2>
        <dl>
          {found.title && (
            <>
              <dt>Title</dt>
              <dd>{found.title}</dd>
            </>
          )}
          {found.country && (
            <>
              <dt>Country</dt>
              <dd>{found.country}</dd>
            </>
          )}
          {found.profileRateCents !== null && (
            <>
              <dt>Profile rate</dt>
              <dd>{formatMoney(found.profileRateCents)} an hour</dd>
            </>
          )}
          <dt>Skills</dt>
          <dd>{found.skills?.length ? found.skills.join(', ') : 'None listed'}</dd>
          <dt>Skills in common with the job</dt>
          <dd>{common.length > 0 ? common.join(', ') : 'None'}</dd>
          {found.languages && found.languages.length > 0 && (
            <>
              <dt>Languages</dt>
              <dd>{found.languages.map((l) => `${l.language} (${l.level})`).join(', ')}</dd>
            </>
          )}
        </dl>
        {found.overview && <p style={{ whiteSpace: 'pre-wrap' }}>{found.overview}</p>}
      </section>
      <section className="card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">What next</h2>
        <MoveForms proposalId={p.id} moves={[...moves]} />
        <p>
          <Link href={`/messages/proposal/${p.id}`}>Message {name}</Link>
        </p>
        {canAct ? (
          <p>
            <ButtonLink href={`${base}/offer`}>Send an offer</ButtonLink>{' '}
            <ConfirmLink href={`${base}/decline`}>Decline…</ConfirmLink>
          </p>
        ) : (
          p.status !== 'offered' && <p>{offerRefusalFor(p.status)}</p>
        )}
      </section>
    </>
  );
}
