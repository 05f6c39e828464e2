import { answerDisputeSchema, decideDisputeSchema, openDisputeSchema } from './review-schemas';

const ID = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('the review forms', () => {
  it('reads ticked entries with holes where boxes were left unticked', () => {
    const parsed = openDisputeSchema.parse({
      contractId: ID,
      invoiceId: ID,
      entryIds: [undefined, OTHER, undefined, ID],
      reason: '  Not agreed.  ',
    });
    expect(parsed.entryIds).toEqual([OTHER, ID]);
    expect(parsed.reason).toBe('Not agreed.');
  });

  it('refuses no entry, a reason over 2000 characters and an empty one', () => {
    const none = openDisputeSchema.safeParse({ contractId: ID, invoiceId: ID, reason: 'x' });
    expect(errorsOf(none)).toEqual(['entryIds']);
    const long = openDisputeSchema.safeParse({
      contractId: ID,
      invoiceId: ID,
      entryIds: [ID],
      reason: 'x'.repeat(2001),
    });
    expect(errorsOf(long)).toEqual(['reason']);
    const blank = openDisputeSchema.safeParse({
      contractId: ID,
      invoiceId: ID,
      entryIds: [ID],
      reason: '   ',
    });
    expect(errorsOf(blank)).toEqual(['reason']);
  });

  it('asks a partial refund for its amount in dollars and a rejection for its reason', () => {
    expect(
      answerDisputeSchema.parse({ disputeId: ID, answer: 'refund_part', amount: '12.50' }).amount,
    ).toBe(1250);
    expect(
      errorsOf(answerDisputeSchema.safeParse({ disputeId: ID, answer: 'refund_part' })),
    ).toEqual(['amount']);
    expect(
      errorsOf(
        answerDisputeSchema.safeParse({ disputeId: ID, answer: 'refund_part', amount: '-3' }),
      ),
    ).toEqual(['amount']);
    expect(errorsOf(answerDisputeSchema.safeParse({ disputeId: ID, answer: 'reject' }))).toEqual([
      'reason',
    ]);
    expect(answerDisputeSchema.safeParse({ disputeId: ID, answer: 'refund_all' }).success).toBe(
      true,
    );
  });

  it("needs ops' note, and an amount for a partial refund", () => {
    expect(errorsOf(decideDisputeSchema.safeParse({ disputeId: ID, decision: 'pay' }))).toEqual([
      'note',
    ]);
    expect(
      errorsOf(
        decideDisputeSchema.safeParse({ disputeId: ID, decision: 'refund_part', note: 'Half.' }),
      ),
    ).toEqual(['amount']);
  });
});
