import Link from 'next/link';
import { BlockerLine } from '@/components/blocker-line';
import { getDatabase } from '@/db';
import { getViewer } from '@/lib/auth/session';
import { loadOnboardingContext, onboardingSteps, paymentBlockers } from '@/lib/onboarding/steps';

/** Personalised help: the signed-in person's own next steps, above the articles. */
export async function PersonalNextSteps() {
  const viewer = await getViewer();
  if (!viewer) return null;
  if (viewer.user.activeSide === 'client') {
    return (
      <section aria-labelledby="next-steps-heading" className="card">
        <h2 id="next-steps-heading">Your next steps</h2>
        <ul>
          <li>
            <Link href="/client/invites/new">Invite a freelancer</Link> you already work with, or{' '}
            <Link href="/client/invites/bulk">invite several at once</Link>.
          </li>
          <li>
            <Link href="/client">Follow your invites</Link>: resend, change the address or edit the
            offer until it is accepted.
          </li>
        </ul>
      </section>
    );
  }
  if (!viewer.isFreelancer) return null;
  const { db } = await getDatabase();
  const ctx = await loadOnboardingContext(db, {
    userId: viewer.user.id,
    profile: viewer.freelancerProfile,
  });
  const open = onboardingSteps(ctx).filter((s) => !s.done);
  const blockers = paymentBlockers(ctx);
  return (
    <section aria-labelledby="next-steps-heading" className="card">
      <h2 id="next-steps-heading">Your next steps</h2>
      {open.length === 0 && blockers.length === 0 ? (
        <p>You have done everything: you are ready to be paid.</p>
      ) : (
        <ul>
          {open.map((s) => (
            <li key={s.key}>
              <Link href={s.href}>{s.label}</Link>
              {s.waitingFor ? `: waiting for ${s.waitingFor}` : null}
            </li>
          ))}
          {blockers
            .filter((b) => !open.some((s) => s.key === b.key))
            .map((b) => (
              <li key={b.key}>
                <BlockerLine blocker={b} />
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
