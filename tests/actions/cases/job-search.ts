import { eq } from 'drizzle-orm';
import { savedSearches } from '@/db/schema';
import { saveSearch } from '@/lib/job-search/saved';
import { saveSearchSchema } from '@/lib/job-search/saved-schemas';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/**
 * One saved search of the victim freelancer's. The fuzzer arranges this once per run and most
 * hostile runs delete nothing, so earlier runs' searches are cleared first: without that the
 * victim reaches the cap of 20 and saving refuses.
 */
async function victimSavedSearch(world: World) {
  await world.db
    .delete(savedSearches)
    .where(eq(savedSearches.freelancerId, world.victimFreelancer.userId));
  const saved = await saveSearch(
    world.db,
    world.victimFreelancer.userId,
    saveSearchSchema.parse({ name: 'Matrix search', q: 'designer', kind: 'hourly' }),
  );
  if (!saved.ok) throw new Error(saved.message);
  return { id: saved.id, protect: [saved.id] };
}

/** Saved job searches (lib/job-search). */
export const JOB_SEARCH_CASES: Record<string, ActionCase> = {
  'app/(app)/find-work/search/actions.ts#saveSearchAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Saves a search as the caller's own; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    form: () => ({ name: 'React jobs', q: 'react', kind: 'fixed', posted: '7d' }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toMatch(
        /^\/find-work\/search\?q=react&kind=fixed&posted=7d&saved=[0-9a-f-]{36}&notice=saved$/,
      );
      const rows = await world.db
        .select()
        .from(savedSearches)
        .where(eq(savedSearches.freelancerId, world.victimFreelancer.userId));
      expect(rows).toContainEqual(
        expect.objectContaining({
          name: 'React jobs',
          query: 'react',
          filters: { kind: 'fixed', posted: '7d' },
        }),
      );
    },
  }),

  'app/(app)/find-work/search/actions.ts#deleteSavedSearchAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason:
      "Only the freelancer who saved a search may delete it; anyone else's id is not found and it stays.",
    rightful: 'victimFreelancer',
    arrange: victimSavedSearch,
    form: ({ target }) => ({ id: target.id }),
    fuzz: { freshEachRun: 'a deleted search is gone' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/find-work/search?notice=deleted');
      const rows = await world.db
        .select()
        .from(savedSearches)
        .where(eq(savedSearches.id, target.id));
      expect(rows).toEqual([]);
    },
  }),
};
