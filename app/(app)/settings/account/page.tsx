import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { findOpenEmailChange } from '@/lib/accounts/email-change';
import { requireViewer } from '@/lib/auth/session';
import { RedirectNotice } from '@/components/redirect-notice';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { formatLongDateTime } from '@/lib/dates/format';
import { AccountSides } from '@/components/add-other-side';
import { TIME_ZONES } from '@/lib/geo/time-zones';
import { ChangeEmailForm } from './change-email-form';
import { WorkspaceTimeZoneForm } from './workspace-time-zone-form';

export const metadata: Metadata = { title: 'Account', robots: { index: false } };

type Props = { searchParams: Promise<{ notice?: string }> };

export default async function AccountSettingsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const open = await findOpenEmailChange(db, viewer.user.id);
  return (
    <>
      <h1>Account</h1>
      <RedirectNotice
        notice={notice}
        messages={{ 'email-changed': `Your account email is now ${viewer.user.email}.` }}
      />
      <section aria-labelledby="email-heading" className="card">
        <h2 id="email-heading">Account email</h2>
        <p>
          You sign in with <strong>{viewer.user.email}</strong>. Sign-in links and security notices
          go there.
        </p>
        {open && (
          <p className="notice">
            A confirmation link was sent to <strong>{open.newEmail}</strong>; it works until{' '}
            {formatLongDateTime(open.expiresAt, viewer.freelancerProfile?.timeZone ?? 'UTC')}. Your
            email changes when you open it.
          </p>
        )}
        <ChangeEmailForm />
      </section>
      {viewer.workspace && (
        <section aria-labelledby="workspace-heading" className="card">
          <h2 id="workspace-heading">Client workspace</h2>
          <p>
            <strong>{viewer.workspace.name}</strong>: times on your client pages are shown in{' '}
            {viewer.workspace.timeZone}
            {viewer.workspace.timeZone === 'UTC' ? '' : ', with UTC beside them'}.
          </p>
          <WorkspaceTimeZoneForm timeZone={viewer.workspace.timeZone} timeZones={TIME_ZONES} />
        </section>
      )}
      <AccountSides hasWorkspace={Boolean(viewer.workspace)} isFreelancer={viewer.isFreelancer} />
      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">Sign out everywhere</h2>
        <p>
          Ends every session of this account: on this browser and on every other device. Use it if
          you signed in on a shared computer or think someone else has access.
        </p>
        <ConfirmLink href="/settings/account/sign-out-everywhere">Sign out everywhere…</ConfirmLink>
      </section>
    </>
  );
}
