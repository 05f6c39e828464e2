import type { Metadata } from 'next';
import { requireViewer } from '@/lib/auth/session';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { signOutEverywhereAction } from '../actions';

export const metadata: Metadata = { title: 'Sign out everywhere', robots: { index: false } };

/** "Sign out everywhere?": what it ends, before the action ends it. */
export default async function SignOutEverywherePage() {
  const viewer = await requireViewer();
  return (
    <>
      <h1>Sign out everywhere</h1>
      <ConfirmStep
        question="Sign out of Workbridge on every device?"
        cancelHref="/settings/account"
        cancelLabel="Cancel, stay signed in"
        consequences={[
          'Every session of this account ends: on this browser and on every phone, tablet and computer where you are signed in.',
          `To come back you ask for a sign-in link, which we email to ${viewer.user.email}.`,
          'Nothing else changes: your contracts, payout methods and settings stay as they are.',
        ]}
      >
        <form action={signOutEverywhereAction}>
          <SubmitButton pendingLabel="Signing out…">Sign out everywhere</SubmitButton>
        </form>
      </ConfirmStep>
    </>
  );
}
