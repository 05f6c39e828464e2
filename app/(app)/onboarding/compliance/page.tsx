import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import type { ComplianceContext } from '@/lib/compliance/onboarding';
import { listCheckDocuments } from '@/lib/compliance/queries';
import { describeRequirement } from '@/lib/compliance/rule';
import {
  describeState,
  formatComplianceDate,
  LEVEL_LABELS,
  reasonInSentence,
} from '@/lib/compliance/state';
import { timeZoneOf } from '@/lib/onboarding/steps';
import { enterComplianceStep } from '../context';
import { ComplianceForm } from './compliance-form';
import { ContinueToNext, StepRail } from '../step-rail';
import { readProblems } from './submission';

export const metadata: Metadata = { title: 'Compliance check' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Why a new check is due, when there is more to say than the status line. */
function SubmitContext({ ctx, timeZone }: { ctx: ComplianceContext; timeZone: string }) {
  const { state } = ctx;
  if (state.kind !== 'to-submit') return null;
  return (
    <>
      {state.lastRejection && (
        <p>
          Your last check was rejected: <q>{reasonInSentence(state.lastRejection)}</q>. You can
          submit a new one now.
        </p>
      )}
      {state.expiredAt && (
        <p>
          Your previous approval ran out on {formatComplianceDate(state.expiredAt, timeZone)}: an
          approval counts for one year, so the check is due again.
        </p>
      )}
      {state.coveredLevel === 'questionnaire' && state.level === 'questionnaire_and_documents' && (
        <p>
          Your current approval covers the questionnaire only; a contract now needs business
          documents as well.
        </p>
      )}
      <p>{describeRequirement(state.level, 'freelancer')}</p>
    </>
  );
}

export default async function CompliancePage({ searchParams }: Props) {
  // The onboarding context (loaded once per request, also for the step rail) already holds
  // the contracts and checks: only the latest check's documents are read here.
  const onboarding = (await enterComplianceStep()).ctx;
  const ctx = onboarding.compliance;
  if (!ctx) notFound();
  const timeZone = timeZoneOf(onboarding);
  const params = await searchParams;
  const problems = readProblems(params);
  const { db } = await getDatabase();
  const documents = ctx.latest ? await listCheckDocuments(db, ctx.latest.id) : [];
  const { state } = ctx;
  const waiting = ctx.contracts.filter((c) => c.status === 'awaiting_compliance');
  return (
    <>
      <StepRail current="compliance" />
      <h1>Compliance check</h1>
      {params.notice === 'submitted' && state.kind === 'under-review' && (
        <p className="notice success" role="status">
          Thank you: your check is submitted. We will email you when a reviewer has decided.
        </p>
      )}
      {problems?.closed && (
        <p className="notice error" role="status">
          Nothing was submitted: your check is not open for a new submission. Where it stands is
          below.
        </p>
      )}
      <p>
        Some contracts need a short check that you work as an independent contractor rather than as
        an employee. One approval counts for a year, for all your clients.{' '}
        <Link href="/help/compliance-check">What is the compliance check?</Link>
      </p>
      <section
        aria-labelledby="compliance-status-heading"
        className={`card compliance-state compliance-${state.kind}`}
      >
        <h2 id="compliance-status-heading">Where your check stands</h2>
        <p className="status">{describeState(state, timeZone)}</p>
        {state.kind === 'under-review' && (
          <p className="muted">
            Submitted {formatComplianceDate(state.submittedAt, timeZone)} (
            {LEVEL_LABELS[state.level].toLowerCase()}).
          </p>
        )}
        {state.kind === 'not-needed' && ctx.openRequired !== 'none' && (
          <p>
            One of your offers will need it once you accept:{' '}
            {describeRequirement(ctx.openRequired, 'freelancer')}{' '}
            <Link href="/onboarding/contract">Review your offers</Link>
          </p>
        )}
        <SubmitContext ctx={ctx} timeZone={timeZone} />
        {state.kind !== 'to-submit' && documents.length > 0 && (
          <p>
            Documents you sent:{' '}
            {documents.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                {/* A plain link: the download is an attachment from a route handler. */}
                <a href={`/compliance/documents/${d.id}`}>{d.fileName}</a>
              </span>
            ))}
          </p>
        )}
      </section>
      {waiting.length > 0 && (
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">Contracts waiting for this check</h2>
          <ul>
            {waiting.map((c) => (
              <li key={c.id}>
                “{c.title}” from {c.workspaceName} starts after the compliance check.
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.kind === 'to-submit' && (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">Your answers</h2>
          <p className="hint">Answer as things actually are; a reviewer reads every answer.</p>
          <ComplianceForm
            needsDocuments={state.level === 'questionnaire_and_documents'}
            problems={problems}
          />
        </section>
      )}
      <ContinueToNext current="compliance" />
    </>
  );
}
