import Link from 'next/link';
import type { Blocker } from '@/lib/checklist';

/**
 * One "what stands between you and your first payment" entry: its words, then where to fix
 * it, or, when it resolves without the freelancer (a review, a hold), what happens next.
 */
export function BlockerLine({ blocker }: { blocker: Blocker }) {
  return (
    <>
      {blocker.text}{' '}
      {'href' in blocker ? (
        <Link href={blocker.href}>Fix this</Link>
      ) : (
        <span className="muted">{blocker.status}</span>
      )}
    </>
  );
}
