import { renderToBuffer } from '@react-pdf/renderer';
import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { invoiceDocument } from '@/lib/invoices/document';
import { moneyStateOf } from '@/lib/invoices/money-state';
import { findInvoiceForViewer } from '@/lib/invoices/queries';
import { contractViewerOf, timeZoneOfViewer } from '../../../contracts/viewer';
import { invoicePdf } from './invoice-pdf';

type Params = { params: Promise<{ id: string }> };

/** Never cached by a browser or a proxy, and never rendered as anything but what it is. */
const PRIVATE_HEADERS = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
};

/** The same answer for an unknown id, someone else's invoice and a signed-out visitor. */
function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...PRIVATE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The invoice as a PDF attachment, for whoever may read its page (the contract's client,
 * its freelancer, ops), built from the same invoiceDocument() as the page.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id } = await params;
  const actor = await loadActorOf('signed-in');
  if (!actor) return notFound();
  const { db } = await getDatabase();
  const found = await findInvoiceForViewer(db, id, contractViewerOf(actor.viewer));
  if (!found) return notFound();
  const doc = invoiceDocument(
    found.invoice,
    found.lines,
    found.parties,
    { side: found.side, timeZone: timeZoneOfViewer(actor.viewer, found.side) },
    moneyStateOf(found.invoice, found.release),
  );
  const pdf = await renderToBuffer(invoicePdf(doc, found.invoice.issuedAt));
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      // WB-001001: letters, digits and a hyphen only, safe inside the quotes.
      'content-disposition': `attachment; filename="${doc.number}.pdf"`,
    },
  });
}
