import { z } from 'zod';
import { getDatabase } from '@/db';
import { checkSameOrigin } from '@/lib/actions/origin';
import { isClockMovable } from '@/lib/clock';
import { saveDevOffset } from '@/lib/clock/dev-offset';
import { seeOther } from '@/lib/security/same-origin';
import { readFormBody } from '@/lib/server/form-body';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_BODY_BYTES = 1_024;
const offsetSchema = z.coerce.number().min(0).max(365);

/** Development only: sets how far ahead of the real time every process's clock runs. */
export async function POST(request: Request) {
  if (!isClockMovable()) return new Response('Not found', { status: 404 });
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const body = await readFormBody(request, MAX_BODY_BYTES);
  const parsed = offsetSchema.safeParse(body.ok ? body.form.get('offsetDays') : undefined);
  if (!parsed.success) {
    return new Response('offsetDays: a number of days from 0 to 365', { status: 400 });
  }
  const { db } = await getDatabase();
  await saveDevOffset(db, Math.round(parsed.data * DAY_MS));
  return seeOther('/dev/clock');
}
