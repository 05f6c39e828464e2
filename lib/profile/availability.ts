import { z } from 'zod';

export const availabilities = ['available', 'limited', 'unavailable'] as const;
export type Availability = (typeof availabilities)[number];

/** What the Find Work menu offers and the profile page says about taking on new work. */
export const AVAILABILITY_LABELS: Record<Availability, { label: string; hint: string }> = {
  available: { label: 'Available', hint: 'Open to new work.' },
  limited: { label: 'Limited', hint: 'Some time for new work, not much.' },
  unavailable: { label: 'Unavailable', hint: 'Not taking on new work for now.' },
};

export const availabilitySchema = z.object({
  availability: z.enum(availabilities, { error: 'Choose how available you are for new work.' }),
});

export type AvailabilityInput = z.output<typeof availabilitySchema>;
