import type { ReactNode } from 'react';
import { getViewer } from '@/lib/auth/session';
import { SettingsNav } from './settings-nav';

// Pages here show payout and tax data: always rendered per request, never cached.
export const dynamic = 'force-dynamic';

/**
 * Each page checks who may see it. The layout does not redirect, so the confirmation links
 * (/settings/confirm, /settings/account/confirm-email) also open in a signed-out browser.
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return <>{children}</>;
  return (
    <div className="settings-layout">
      <SettingsNav isFreelancer={viewer.isFreelancer} />
      <div>{children}</div>
    </div>
  );
}
