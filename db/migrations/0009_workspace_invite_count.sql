ALTER TABLE "client_workspace" ADD COLUMN "invite_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "client_workspace" ADD CONSTRAINT "client_workspace_invite_count_nonnegative" CHECK ("client_workspace"."invite_count" >= 0);--> statement-breakpoint
-- The count follows every insert and delete of invites, whichever code makes it: one update
-- per statement and workspace (a bulk invite of 500 rows is one update, not 500).
CREATE OR REPLACE FUNCTION invite_count_added() RETURNS trigger AS $$
BEGIN
  UPDATE "client_workspace" w SET "invite_count" = w."invite_count" + n.added
  FROM (SELECT "workspace_id", count(*)::int AS added FROM new_invites GROUP BY "workspace_id") n
  WHERE w."id" = n."workspace_id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION invite_count_removed() RETURNS trigger AS $$
BEGIN
  UPDATE "client_workspace" w SET "invite_count" = w."invite_count" - o.removed
  FROM (SELECT "workspace_id", count(*)::int AS removed FROM old_invites GROUP BY "workspace_id") o
  WHERE w."id" = o."workspace_id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER invite_count_insert AFTER INSERT ON "invite"
  REFERENCING NEW TABLE AS new_invites FOR EACH STATEMENT EXECUTE FUNCTION invite_count_added();--> statement-breakpoint
CREATE TRIGGER invite_count_delete AFTER DELETE ON "invite"
  REFERENCING OLD TABLE AS old_invites FOR EACH STATEMENT EXECUTE FUNCTION invite_count_removed();--> statement-breakpoint
-- An invite never moves to another workspace.
CREATE OR REPLACE FUNCTION invite_workspace_fixed() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'an invite cannot move to another workspace';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER invite_workspace_fixed BEFORE UPDATE OF "workspace_id" ON "invite"
  FOR EACH ROW WHEN (OLD."workspace_id" IS DISTINCT FROM NEW."workspace_id") EXECUTE FUNCTION invite_workspace_fixed();--> statement-breakpoint
UPDATE "client_workspace" w SET "invite_count" = (SELECT count(*)::int FROM "invite" i WHERE i."workspace_id" = w."id");
