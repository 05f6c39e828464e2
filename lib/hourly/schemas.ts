import { z } from 'zod';

/**
 * The diary's forms. Manual times are entered in UTC, the diary's own time (the week, the
 * days and the 24-hour rule are all UTC), so a daylight-saving change in the freelancer's
 * zone never makes a time ambiguous; the page shows their local time beside each entry.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

const idField = (message: string) => z.string({ error: message }).trim().catch('');

const memo = z.string().trim().max(500, 'Keep the memo under 500 characters.').default('');

export const contractIdSchema = z.object({ contractId: idField('Missing contract.') });

export const startTimerSchema = z.object({ contractId: idField('Missing contract.'), memo });

export const entryIdSchema = z.object({ entryId: idField('Missing entry.') });

const date = z
  .string({ error: 'Enter the date.' })
  .trim()
  .refine((value) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    message: 'Enter the date as YYYY-MM-DD.',
  });
const time = (label: string) =>
  z
    .string({ error: `Enter the ${label} time.` })
    .trim()
    .refine((value) => TIME.test(value) && value <= '24:00', {
      message: `Enter the ${label} time as HH:MM (24-hour, UTC).`,
    });

/** Date + from + to (to may be 24:00, the end of the day) as UTC instants. */
const spanFields = {
  date,
  from: time('start'),
  to: time('end'),
};

function toSpan(value: { date: string; from: string; to: string }) {
  return {
    startedAt: new Date(`${value.date}T${value.from}:00Z`),
    endedAt:
      value.to === '24:00'
        ? new Date(Date.parse(`${value.date}T00:00:00Z`) + 86_400_000)
        : new Date(`${value.date}T${value.to}:00Z`),
  };
}

function checkOrder(value: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (value.from === '24:00') {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'Start the entry by 23:50 UTC.' });
  } else if (value.to <= value.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must be after the start.' });
  }
}

export const manualEntrySchema = z
  .object({ contractId: idField('Missing contract.'), memo, ...spanFields })
  .superRefine(checkOrder)
  .transform((value) => ({ contractId: value.contractId, memo: value.memo, ...toSpan(value) }));
export type ManualEntryInput = z.output<typeof manualEntrySchema>;

/** The edit form: the memo, and for manual time the date and times (all or none). */
export const editEntrySchema = z
  .object({
    entryId: idField('Missing entry.'),
    memo,
    date: date.optional(),
    from: time('start').optional(),
    to: time('end').optional(),
  })
  .superRefine((value, ctx) => {
    const given = [value.date, value.from, value.to].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'Enter the date, start and end.' });
    } else if (given === 3) checkOrder({ from: value.from!, to: value.to! }, ctx);
  })
  .transform((value) => ({
    entryId: value.entryId,
    memo: value.memo,
    span:
      value.date !== undefined && value.from !== undefined && value.to !== undefined
        ? toSpan({ date: value.date, from: value.from, to: value.to })
        : undefined,
  }));
export type EditEntryInput = z.output<typeof editEntrySchema>;

/** `?week=YYYY-MM-DD`: a Monday, else null (the page then shows the current week). */
export const weekParamSchema = z
  .string()
  .regex(DATE)
  .refine((value) => new Date(`${value}T00:00:00Z`).getUTCDay() === 1);

/** The diary's `?skipped=&closed=&cut=` after a stop that left time out (display only). */
export const notRecordedParamsSchema = z.object({
  skipped: z.coerce.number().int().min(1).max(1_000_000),
  closed: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : []))
    .pipe(z.array(weekParamSchema).max(100)),
  cut: z.enum(['paused', 'ended']).optional(),
});
