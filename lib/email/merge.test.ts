import { createElement } from 'react';
import InvoiceIssuedEmail, { type InvoiceIssuedEmailProps } from '@/emails/invoice-issued';
import { fillMergeTemplate, renderMergeTemplate } from './merge';
import { renderEmail } from './render';

type Field = Exclude<keyof InvoiceIssuedEmailProps, 'side'>;
const FIELDS: Field[] = [
  'firstName',
  'otherPartyName',
  'contractTitle',
  'invoiceNumber',
  'weekLabel',
  'hours',
  'total',
  'fee',
  'net',
  'reviewEnds',
  'url',
];

const tricky: Record<Field, string> = {
  firstName: `Ann & "Bo" <b>O'Neil</b>`,
  otherPartyName: 'Acme <script>alert(1)</script>',
  contractTitle: "Logo $& $' $$ WBMERGEMARK0END",
  invoiceNumber: 'WB-001234',
  weekLabel: 'Nov 30 – Dec 6, 2026 (2026-W49)',
  hours: '12.5 hours',
  total: '$625.00',
  fee: '$31.25',
  net: '$593.75',
  reviewEnds: 'Friday, December 11, 2026, 23:59 UTC',
  url: 'https://app.example.com/invoices/1?a=1&b="2"',
};

// React Email pads the hidden preview text with invisible characters up to a fixed length,
// so the padding follows the length of the marks, not of the values.
const withoutPreviewFiller = (html: string) => html.replace(/<div>[^<]*<\/div><\/div>/, '</div>');

describe('mail merge', () => {
  it.each(['client', 'freelancer'] as const)(
    'fills the %s template exactly as rendering it with the values would',
    async (side) => {
      const template = await renderMergeTemplate(FIELDS, (marks) =>
        createElement(InvoiceIssuedEmail, { side, ...marks }),
      );
      const direct = await renderEmail(createElement(InvoiceIssuedEmail, { side, ...tricky }));
      const filled = fillMergeTemplate(template, tricky);
      expect(filled.text).toBe(direct.text);
      expect(withoutPreviewFiller(filled.html)).toBe(withoutPreviewFiller(direct.html));
    },
  );

  it('leaves no mark behind and escapes markup in the HTML only', async () => {
    const template = await renderMergeTemplate(FIELDS, (marks) =>
      createElement(InvoiceIssuedEmail, { side: 'client', ...marks }),
    );
    const filled = fillMergeTemplate(template, tricky);
    expect(filled.html).not.toContain('<script>');
    expect(filled.html).toContain('Acme &lt;script&gt;');
    expect(filled.text).toContain('Acme <script>alert(1)</script>');
    // The title spells a mark: it is shown as typed, not filled in again.
    expect(filled.text).toContain("Logo $& $' $$ WBMERGEMARK0END");
  });
});
