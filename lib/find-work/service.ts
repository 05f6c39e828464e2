import type { DbOrTx } from '@/db/client';
import {
  listSavedSearchesWithTsquery,
  savedSearchHref,
  searchOfSaved,
} from '@/lib/job-search/saved';
import { newestMatchesOf, type JobSearchHit } from '@/lib/job-search/search';
import type { Availability } from '@/lib/profile/availability';
import { findProfile } from '@/lib/profile/queries';
import type { Visibility } from '@/lib/profile/visibility';
import {
  listProposalsInProgress,
  readNewestOpenPosts,
  readPostsMatchingSkills,
  type FeedItem,
} from './queries';

export type { FeedItem } from './queries';

/** How many posts the home shows: per saved search, and for the skills or newest lists. */
export const PER_SAVED_SEARCH = 5;
export const FEED_SIZE = 20;
const PROPOSALS_SHOWN = 5;

/**
 * One block of the feed. A saved search's section links to the whole search; the skills and
 * newest sections are what the feed falls back on, in that order.
 */
export type FeedSection =
  | {
      kind: 'saved-search';
      savedSearchId: string;
      name: string;
      searchPath: string;
      items: FeedItem[];
    }
  | { kind: 'skills'; skills: string[]; items: FeedItem[] }
  | { kind: 'newest'; items: FeedItem[] };

function feedItemOf(hit: JobSearchHit): FeedItem {
  return {
    id: hit.id,
    title: hit.title,
    skills: hit.skills,
    budgetKind: hit.budgetKind,
    hourlyMinCents: hit.hourlyMinCents,
    hourlyMaxCents: hit.hourlyMaxCents,
    fixedBudgetCents: hit.fixedBudgetCents,
    currency: hit.currency,
    postedAt: hit.openedAt,
  };
}

/**
 * The feed (SPEC 5): each saved search's newest matches (the search page's own search, its
 * filters applied) when the freelancer has saved searches, even when none matches yet: the
 * freelancer chose what to follow; else open posts sharing a skill with their profile; else,
 * with no such post, the newest open posts.
 */
export async function loadFindWorkFeed(db: DbOrTx, freelancerId: string): Promise<FeedSection[]> {
  const searches = await listSavedSearchesWithTsquery(db, freelancerId);
  if (searches.length > 0) {
    // Two statements whatever the number of saved searches: the rows, then every search's
    // newest matches at once (the search page's conditions, sort newest).
    const matches = await newestMatchesOf(
      db,
      { userId: freelancerId },
      searches.map(searchOfSaved),
      PER_SAVED_SEARCH,
    );
    const sections: FeedSection[] = searches.map((search) => ({
      kind: 'saved-search',
      savedSearchId: search.id,
      name: search.name,
      searchPath: savedSearchHref(search),
      items: (matches.get(search.id) ?? []).map(feedItemOf),
    }));
    return sections;
  }
  const skills = (await findProfile(db, freelancerId))?.skills ?? [];
  const matching = await readPostsMatchingSkills(db, skills, FEED_SIZE);
  if (matching.length > 0) return [{ kind: 'skills', skills, items: matching }];
  return [{ kind: 'newest', items: await readNewestOpenPosts(db, FEED_SIZE) }];
}

export type FindWorkMenu = {
  visibility: Visibility;
  availability: Availability;
  publicPath: string | null;
  proposals: Awaited<ReturnType<typeof listProposalsInProgress>>;
};

/** The side menu: the profile's two settings (defaults before a profile exists) and proposals. */
export async function loadFindWorkMenu(db: DbOrTx, freelancerId: string): Promise<FindWorkMenu> {
  const [profile, proposals] = await Promise.all([
    findProfile(db, freelancerId),
    listProposalsInProgress(db, freelancerId, PROPOSALS_SHOWN),
  ]);
  return {
    visibility: profile?.visibility ?? 'private',
    availability: profile?.availability ?? 'available',
    publicPath: profile ? `/freelancers/${profile.slug}` : null,
    proposals,
  };
}
