import { z } from 'zod';
import type { Refusal } from './define-action';

/** The form of an emailed confirmation link's button: the link's token, nothing else. */
export const emailedLinkSchema = z.object({ token: z.string().min(1) });

export const INVALID_LINK: Refusal = { ok: false, message: 'This confirmation link is not valid.' };
