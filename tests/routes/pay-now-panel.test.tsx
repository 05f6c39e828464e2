import { renderToStaticMarkup } from 'react-dom/server';
import { installRequestMocks } from '@/tests/helpers/request-context';

// The client's Pay now on the invoice page (app/(app)/invoices/[id]/pay-now-panel.tsx): the
// form posts without JavaScript (hidden invoice id and attempt), or the page says where to add
// a card; the answer of the last Pay now is shown next to the button.
installRequestMocks();
const { PayNowPanel } = await import('@/app/(app)/invoices/[id]/pay-now-panel');

const INVOICE = '7b0f7c55-3a51-4c0e-9f55-0d1b0b2e8a11';
const offer = {
  attempt: 4,
  failureReason: 'Your card was declined.',
  nextAttemptAt: null,
};
const render = (props: Partial<Parameters<typeof PayNowPanel>[0]>) =>
  renderToStaticMarkup(
    <PayNowPanel
      invoiceId={INVOICE}
      isPaid={false}
      offer={offer}
      outcome={undefined}
      cardTitle="Visa ending in 4242"
      timeZone="UTC"
      {...props}
    />,
  );

it('offers a plain form with the invoice and the attempt shown, charged to the default card', () => {
  const html = render({});
  expect(html).toContain('<form');
  expect(html).toContain(`name="invoiceId" value="${INVOICE}"`);
  expect(html).toContain('name="attempt" value="4"');
  expect(html).toContain('Pay now</button>');
  expect(html).toContain('Visa ending in 4242');
  expect(html).toContain('No automatic retry is left.');
});

it('links to the billing page instead when there is no billing method', () => {
  const html = render({ cardTitle: null });
  expect(html).not.toContain('<form');
  expect(html).toContain('href="/client/billing"');
  expect(html).toContain('You have no billing method.');
});

it('says the card was declined again next to the button, and paid once paid', () => {
  const declined = render({ outcome: 'declined' });
  expect(declined).toContain('role="alert"');
  expect(declined).toContain('Your card was declined again');
  expect(declined).toContain('<form');
  const paid = render({ isPaid: true, offer: null, outcome: 'paid' });
  expect(paid).toContain('Paid: the invoice is settled');
  expect(paid).not.toContain('<form');
  expect(render({ isPaid: true, offer: null })).toBe('');
});
