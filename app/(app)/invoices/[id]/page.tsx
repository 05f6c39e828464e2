import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { ButtonLink } from '@/components/ui/button';
import { requireViewer } from '@/lib/auth/session';
import { invoiceDocument } from '@/lib/invoices/document';
import { moneyStateOf } from '@/lib/invoices/money-state';
import { findInvoiceForViewer } from '@/lib/invoices/queries';
import { contractViewerOf, timeZoneOfViewer } from '../../contracts/viewer';
import { InvoiceView } from './invoice-view';
import { PrintButton } from './print-button';
import styles from './invoice.module.css';

export const metadata: Metadata = { title: 'Invoice' };

type Props = { params: Promise<{ id: string }> };

/**
 * An invoice as a printable page, for the contract's client, its freelancer and ops; anyone
 * else gets the 404 of an unknown id. The PDF (./pdf) renders the same invoiceDocument().
 */
export default async function InvoicePage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const { db } = await getDatabase();
  const found = await findInvoiceForViewer(db, id, contractViewerOf(viewer));
  if (!found) notFound();
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
      <InvoiceView doc={doc} />
    </>
  );
}
