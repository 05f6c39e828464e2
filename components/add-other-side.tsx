import Link from 'next/link';

/** Which sides one login holds: a client workspace, a freelancer profile, or both. */
export type HeldSides = { hasWorkspace: boolean; isFreelancer: boolean };

/**
 * The way to add the side a person does not hold yet (one login may hire and work). Nothing
 * when they hold both: the header switches between them.
 */
export function AddOtherSide({ hasWorkspace, isFreelancer }: HeldSides) {
  if (hasWorkspace && isFreelancer) return null;
  return hasWorkspace ? (
    <p>
      Want to take on work yourself too?{' '}
      <Link href="/welcome?add=freelancer">Work as a freelancer</Link> with the same account.
    </p>
  ) : (
    <p>
      Want to hire someone too? <Link href="/welcome?add=client">Start hiring</Link> with the same
      account.
    </p>
  );
}

/** Settings → Account: the sides this login holds, and the way to add the other. */
export function AccountSides({ hasWorkspace, isFreelancer }: HeldSides) {
  const held = [
    hasWorkspace && 'a client workspace',
    isFreelancer && 'a freelancer profile',
  ].filter(Boolean);
  return (
    <section aria-labelledby="sides-heading" className="card">
      <h2 id="sides-heading">Hiring and working</h2>
      <p>
        {held.length === 0
          ? 'This account has not chosen a side yet.'
          : `This account holds ${held.join(' and ')}.`}{' '}
        {hasWorkspace && isFreelancer && 'Switch between them from the header.'}
      </p>
      {!hasWorkspace && !isFreelancer ? (
        <p>
          <Link href="/welcome">Choose how you use Workbridge</Link>
        </p>
      ) : (
        <AddOtherSide hasWorkspace={hasWorkspace} isFreelancer={isFreelancer} />
      )}
    </section>
  );
}
