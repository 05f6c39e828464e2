import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { DevBanner } from '@/components/dev-banner';
import { SiteHeader } from '@/components/site-header';
import { getViewer } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { signOutAction, switchSideAction } from './(app)/actions';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Workbridge', template: '%s · Workbridge' },
  description: 'Bring the freelancers you already know onto one platform.',
  icons: { icon: '/favicon.svg' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const env = getEnv();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <DevBanner
          mailbox={env.EMAIL_TRANSPORT === 'mailbox'}
          simulatedPayments={env.PAYMENTS_PROVIDER === 'simulated'}
        />
        <SiteHeader
          viewer={viewer}
          unreadMessages={viewer?.unreadMessages ?? 0}
          signOutAction={signOutAction}
          switchSideAction={switchSideAction}
        />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
