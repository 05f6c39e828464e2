import { renderToStaticMarkup } from 'react-dom/server';
import { NetPayPreview, type PreviewInput } from '@/components/offer/net-pay-preview';
import { OfferSummary } from '@/components/offer/offer-summary';
import { HOURLY_TERMS as terms } from '@/tests/helpers/invite-fixtures';

const preview: PreviewInput = {
  kind: 'hourly',
  hourlyRateCents: 4500,
  weeklyLimitHours: 40,
  milestones: [],
  feeBps: 500,
};

/** The text a person reads, one space between the parts of each term. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('an offer worded for who reads it', () => {
  it("shows the client what they pay and what the freelancer receives, in the client's words", () => {
    const summary = textOf(renderToStaticMarkup(<OfferSummary terms={terms} audience="client" />));
    expect(summary).toContain('You pay per hour $45.00');
    expect(summary).toContain('Freelancer receives per hour $42.75');
    expect(summary).not.toMatch(/you receive/i);

    const live = textOf(renderToStaticMarkup(<NetPayPreview input={preview} audience="client" />));
    expect(live).toContain('You pay per hour $45.00');
    expect(live).toContain('Freelancer receives per hour $42.75');
    expect(live).toContain('You pay $1,800.00, freelancer receives $1,710.00 (40 h)');
  });

  it('shows the freelancer what they receive', () => {
    const summary = textOf(
      renderToStaticMarkup(<OfferSummary terms={terms} audience="freelancer" />),
    );
    expect(summary).toContain('Hourly rate $45.00');
    expect(summary).toContain('You receive per hour $42.75');
    expect(summary).toContain('You receive for a full week $1,710.00');
  });

  it('shows ops the terms in the third person', () => {
    const summary = textOf(renderToStaticMarkup(<OfferSummary terms={terms} audience="ops" />));
    expect(summary).toContain('Hourly rate $45.00');
    expect(summary).toContain('Freelancer receives per hour $42.75');
    expect(summary).not.toMatch(/you (pay|receive)/i);
  });
});
