import { z } from 'zod';
import { canonicalTimeZone } from './time-zones';

/**
 * A time zone field of a form: one of TIME_ZONES (an alias is stored as its listed name),
 * else a field error. The freelancer's basic info and the client's workspace both use it.
 */
export const timeZoneSchema = z
  .string({ error: 'Choose your time zone.' })
  .trim()
  .min(1, { error: 'Choose your time zone.', abort: true })
  .transform((value, ctx) => {
    const timeZone = canonicalTimeZone(value);
    if (timeZone === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'Choose your time zone from the list.',
        input: value,
      });
      return z.NEVER;
    }
    return timeZone;
  });
