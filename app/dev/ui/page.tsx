import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { isMailboxEnabled } from '@/lib/email/mailbox';
import { BadgesSection, ButtonsSection, CardsSection, TokensSection } from './basics';
import { EmptyStatesSection, NoticesSection, TablesSection, TermsSection } from './content';
import { FlowSection } from './flow';
import styles from './gallery.module.css';

export const metadata: Metadata = { title: 'UI gallery', robots: { index: false } };

/**
 * Every component of components/ui in every state, for people designing pages and for the
 * screenshot test (tests/e2e/ui-gallery.spec.ts). A development page like /dev/mail: it
 * exists only while email goes to the local mailbox, never in production.
 */
export default function UiGalleryPage() {
  if (!isMailboxEnabled()) notFound();
  return (
    <div className={styles.gallery}>
      <PageHeader
        title="UI gallery"
        description={
          <p>
            The components in <code>components/ui</code>, each in every state. Tokens and the
            reasons behind them: docs/DESIGN.md.
          </p>
        }
        back={<Link href="/dev/mail">Local mailbox</Link>}
      />
      <nav aria-label="Gallery sections">
        <ul className={styles.toc}>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <TokensSection />
      <ButtonsSection />
      <BadgesSection />
      <CardsSection />
      <TablesSection />
      <TermsSection />
      <NoticesSection />
      <EmptyStatesSection />
      <FlowSection />
      <Card title="Page header">
        <p>
          The heading at the top of this page is a <code>PageHeader</code>: the one{' '}
          <code>&lt;h1&gt;</code>, a description, an optional way back and the main actions.
        </p>
      </Card>
    </div>
  );
}

const SECTIONS = [
  ['tokens', 'Tokens'],
  ['buttons', 'Buttons'],
  ['badges', 'Status badges'],
  ['cards', 'Cards'],
  ['tables', 'Tables'],
  ['terms', 'Terms and money'],
  ['notices', 'Notices'],
  ['empty', 'Empty states'],
  ['flow', 'Rail and confirmations'],
] as const;
