import { renderToBuffer } from '@react-pdf/renderer';
import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { now } from '@/lib/clock';
import { earningsCertificate } from '@/lib/reports/certificate';
import { parsePeriod } from '@/lib/reports/period';
import { certificatePdf } from './certificate-pdf';

const PRIVATE_HEADERS = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
};

/** The signed-in freelancer's own certificate; nothing in the request says whose. */
export async function GET(request: Request) {
  const actor = await loadActorOf('freelancer');
  if (!actor) {
    return new Response('Not found', {
      status: 404,
      headers: { ...PRIVATE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const params = new URL(request.url).searchParams;
  const parsed = parsePeriod({ from: params.get('from') ?? '', to: params.get('to') ?? '' });
  if (!parsed.ok) {
    return new Response(Object.values(parsed.fieldErrors).join(' '), {
      status: 400,
      headers: { ...PRIVATE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const { db } = await getDatabase();
  const issuedAt = now();
  const doc = await earningsCertificate(db, actor.userId, parsed.period, issuedAt);
  const pdf = await renderToBuffer(certificatePdf(doc, issuedAt));
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename="workbridge-earnings-${parsed.period.fromMonth}-to-${parsed.period.toMonth}.pdf"`,
    },
  });
}
