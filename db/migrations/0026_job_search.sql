-- Job search (SPEC 5, docs/SEARCH.md): a weighted tsvector over title (A), skills (B) and
-- description (C) with a GIN index, and a vocabulary of title and skill words for "did you mean".
create extension if not exists pg_trgm;
--> statement-breakpoint
-- array_to_string is only STABLE (it calls the element type's output function), so a generated
-- column cannot call it directly; for text[] the result cannot change, so this wrapper is
-- IMMUTABLE by our promise. A generated column (rather than a trigger) keeps the vector right
-- for every writer, including bulk `insert … select`, with no code to forget.
create function job_post_search_document(title text, skills text[], description text)
returns tsvector language sql immutable parallel safe as $$
  select setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(skills, ' '), '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
$$;
--> statement-breakpoint
alter table job_post add column search_vector tsvector
  generated always as (job_post_search_document(title, skills, description)) stored;
--> statement-breakpoint
create index job_post_search_idx on job_post using gin (search_vector);
--> statement-breakpoint
-- Newest first over open posts: the order of an empty (or stop-word) query.
create index job_post_open_newest_idx on job_post (opened_at desc, id desc) where status = 'open';
--> statement-breakpoint
-- Lower-case words of titles and skills, as typed (not stemmed): suggestions are real words.
create table job_search_term (
  word text primary key,
  constraint job_search_term_word_len check (char_length(word) between 3 and 40)
);
--> statement-breakpoint
create index job_search_term_trgm_idx on job_search_term using gin (word gin_trgm_ops);
--> statement-breakpoint
create function job_search_term_words(title text, skills text[]) returns setof text
language sql immutable parallel safe as $$
  select distinct w from regexp_split_to_table(
    lower(coalesce(title, '') || ' ' || coalesce(array_to_string(skills, ' '), '')),
    '[^[:alnum:]]+') as w
  where char_length(w) between 3 and 40 and w !~ '^[0-9]+$'
$$;
--> statement-breakpoint
-- Words are only added (a word a closed post used stays a fine suggestion).
create function job_search_term_collect() returns trigger language plpgsql as $$
begin
  insert into job_search_term (word)
    select w from job_search_term_words(new.title, new.skills) as w
    on conflict (word) do nothing;
  return null;
end
$$;
--> statement-breakpoint
create trigger job_search_term_collect after insert or update of title, skills on job_post
  for each row execute function job_search_term_collect();
