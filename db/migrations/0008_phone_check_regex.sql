-- 0002 wrote the pattern as '^+…' (the TypeScript template ate the backslash): an invalid
-- regular expression, so saving any phone number failed with an error instead of being stored.
ALTER TABLE "freelancer_profile" DROP CONSTRAINT "freelancer_profile_phone";--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD CONSTRAINT "freelancer_profile_phone" CHECK ("freelancer_profile"."phone" is null or "freelancer_profile"."phone" ~ '^[+][1-9][0-9]{7,14}$');