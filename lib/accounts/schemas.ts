import { z } from 'zod';
import { timeZoneSchema } from '@/lib/geo/time-zone-schema';

/** Trimmed and lower-cased once, here; one plain address, no display names or quotes. */
export const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .min(1, 'Enter an email address.')
  .max(254, 'That email address is too long.')
  .toLowerCase()
  .pipe(
    z.email({
      error: 'Enter one email address, like name@example.com.',
      pattern: z.regexes.email,
    }),
  );

export const workspaceTypes = ['individual', 'company', 'enterprise'] as const;

export const chooseSideSchema = z.discriminatedUnion(
  'side',
  [
    z.object({
      side: z.literal('client'),
      yourName: z
        .string()
        .trim()
        .min(1, 'Enter your name; freelancers see it in your invitations.')
        .max(80, 'Keep your name to 80 characters or fewer.'),
      workspaceName: z
        .string()
        .trim()
        .min(1, 'Give your workspace a name, such as your company or your own name.')
        .max(120, 'Keep the workspace name to 120 characters or fewer.'),
      workspaceType: z.enum(workspaceTypes, {
        error: 'Choose whether you hire as an individual, a company or an enterprise.',
      }),
      timeZone: timeZoneSchema,
    }),
    z.object({ side: z.literal('freelancer') }),
  ],
  { error: 'Choose whether you want to hire or to work.' },
);

/** Settings → Account: the zone the client workspace reads times in. */
export const workspaceTimeZoneSchema = z.object({ timeZone: timeZoneSchema });
