'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { deleteSavedSearch, saveSearch, savedSearchHref } from '@/lib/job-search/saved';
import { saveSearchSchema, savedSearchIdSchema } from '@/lib/job-search/saved-schemas';

/** Saves the search on the page under a name; it becomes the freelancer's own. */
export const saveSearchAction = defineAction({
  actor: 'freelancer',
  schema: saveSearchSchema,
  async handler(form, { db, actor }) {
    const result = await saveSearch(db, actor.userId, form);
    if (!result.ok) return result;
    const filters: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) if (k !== 'name' && k !== 'q' && v) filters[k] = v;
    redirect(`${savedSearchHref({ id: result.id, query: form.q.trim(), filters })}&notice=saved`);
  },
});

/** Deletes one of the freelancer's saved searches (anyone else's id is "not found"). */
export const deleteSavedSearchAction = defineAction({
  actor: 'freelancer',
  schema: savedSearchIdSchema,
  async handler(form, { db, actor }) {
    const result = await deleteSavedSearch(db, actor.userId, form.id);
    if (!result.ok) return result;
    redirect('/find-work/search?notice=deleted');
  },
});
