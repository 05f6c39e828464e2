import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { ButtonLink } from '@/components/ui/button';
import { requireViewer } from '@/lib/auth/session';
import { listBillingMethods } from '@/lib/billing/service';
import { payNowOfferOf } from '@/lib/hourly/pay-now';
import { invoiceDocument } from '@/lib/invoices/document';
import { moneyStateOf } from '@/lib/invoices/money-state';
import { findInvoiceForViewer } from '@/lib/invoices/queries';
import { contractViewerOf, timeZoneOfViewer } from '../../contracts/viewer';
import { InvoiceView } from './invoice-view';
import { PayNowPanel, type PayNowOutcome } from './pay-now-panel';
import { PrintButton } from './print-button';
import styles from './invoice.module.css';

export const metadata: Metadata = { title: 'Invoice' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams?: Promise<{ payment?: string }>;
};

const OUTCOMES: readonly string[] = ['paid', 'processing', 'declined'] satisfies PayNowOutcome[];

/**
 * An invoice as a printable page, for the contract's client, its freelancer and ops; anyone
 * else gets the 404 of an unknown id. The PDF (./pdf) renders the same invoiceDocument().
 * The client sees "Pay now" above a failed hourly invoice (./pay-now-panel.tsx).
 */
export default async function InvoicePage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const [{ id }, query] = await Promise.all([
    params,
    searchParams ?? Promise.resolve<{ payment?: string }>({}),
  ]);
  const { db } = await getDatabase();
  const found = await findInvoiceForViewer(db, id, contractViewerOf(viewer));
  if (!found) notFound();
  const isClient = found.side === 'client';
  const [offer, methods] = isClient
    ? await Promise.all([
        payNowOfferOf(db, found.invoice),
        listBillingMethods(db, found.invoice.workspaceId),
      ])
    : [null, []];
  const payment = query.payment;
  const outcome = payment && OUTCOMES.includes(payment) ? (payment as PayNowOutcome) : undefined;
  const doc = invoiceDocument(
    found.invoice,
    found.lines,
    found.parties,
    { side: found.side, timeZone: timeZoneOfViewer(viewer, found.side) },
    moneyStateOf(found.invoice, found.release),
  );
  return (
    <>
      <nav aria-label="Invoice" className={styles.actions} data-print="hide">
        <a href={`/contracts/${found.contract.id}`}>← {found.contract.title}</a>
        <ButtonLink href={`/invoices/${doc.id}/pdf`} variant="secondary">
          Download PDF
        </ButtonLink>
        <PrintButton />
      </nav>
      {isClient && (
        <PayNowPanel
          invoiceId={doc.id}
          isPaid={found.invoice.paymentStatus === 'paid'}
          offer={offer}
          outcome={outcome}
          cardTitle={methods.find((m) => m.isDefault)?.title ?? null}
          timeZone={timeZoneOfViewer(viewer, found.side)}
        />
      )}
      <InvoiceView doc={doc} />
    </>
  );
}
