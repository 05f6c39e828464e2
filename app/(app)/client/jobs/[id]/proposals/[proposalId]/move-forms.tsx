'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { moveProposalAction } from '../actions';

type Move = 'shortlist' | 'archive' | 'unarchive';

const LABELS: Record<Move, { label: string; pending: string }> = {
  shortlist: { label: 'Shortlist', pending: 'Shortlisting…' },
  archive: { label: 'Archive', pending: 'Archiving…' },
  unarchive: { label: 'Unarchive', pending: 'Unarchiving…' },
};

/** One small form per move, so each works without JavaScript; the action checks the status again. */
function MoveForm({ proposalId, move }: { proposalId: string; move: Move }) {
  const [state, action] = useActionState(moveProposalAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="move" value={move} />
      <SubmitButton pendingLabel={LABELS[move].pending}>{LABELS[move].label}</SubmitButton>
    </form>
  );
}

export function MoveForms({ proposalId, moves }: { proposalId: string; moves: Move[] }) {
  return (
    <>
      {moves.map((move) => (
        <MoveForm key={move} proposalId={proposalId} move={move} />
      ))}
    </>
  );
}
