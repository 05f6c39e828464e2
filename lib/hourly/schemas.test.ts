import { editEntrySchema, manualEntrySchema, weekParamSchema } from './schemas';

const errorsOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('the diary forms', () => {
  it('reads a manual entry as UTC instants; 24:00 is the end of the day', () => {
    const parsed = manualEntrySchema.parse({
      contractId: 'c',
      date: '2026-12-01',
      from: '22:30',
      to: '24:00',
      memo: '  Deploy ',
    });
    expect(parsed).toEqual({
      contractId: 'c',
      memo: 'Deploy',
      startedAt: new Date('2026-12-01T22:30:00Z'),
      endedAt: new Date('2026-12-02T00:00:00Z'),
    });
  });

  it('puts every error next to its field', () => {
    const result = manualEntrySchema.safeParse({
      contractId: 'c',
      date: '2026-02-30x',
      from: '9am',
      to: '25:00',
      memo: 'x'.repeat(501),
    });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(['date', 'from', 'memo', 'to']);
    const backwards = manualEntrySchema.safeParse({
      contractId: 'c',
      date: '2026-12-01',
      from: '10:00',
      to: '09:00',
    });
    expect(errorsOf(backwards)).toEqual({ to: 'The end must be after the start.' });
  });

  it('edits the memo alone, or the memo and all three time fields', () => {
    expect(editEntrySchema.parse({ entryId: 'e', memo: 'New' })).toEqual({
      entryId: 'e',
      memo: 'New',
      span: undefined,
    });
    expect(
      errorsOf(editEntrySchema.safeParse({ entryId: 'e', memo: '', date: '2026-12-01' })),
    ).toEqual({
      date: 'Enter the date, start and end.',
    });
  });

  it('takes only a Monday as the week', () => {
    expect(weekParamSchema.safeParse('2026-11-30').success).toBe(true);
    expect(weekParamSchema.safeParse('2026-12-01').success).toBe(false);
    expect(weekParamSchema.safeParse('next').success).toBe(false);
  });
});
