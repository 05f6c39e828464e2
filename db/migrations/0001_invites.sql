CREATE TYPE "public"."contract_kind" AS ENUM('hourly', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."contract_status" AS ENUM('offered', 'awaiting_compliance', 'active', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."delivery_event" AS ENUM('delivered', 'bounced', 'complained');--> statement-breakpoint
CREATE TYPE "public"."invite_event_type" AS ENUM('created', 'resent', 'email_changed', 'offer_edited', 'revoked', 'opened', 'delivered', 'bounced', 'complained', 'delivery_failed', 'reminder_sent', 'fresh_link_requested', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."invite_status" AS ENUM('pending', 'accepted', 'declined', 'revoked', 'expired');--> statement-breakpoint
CREATE TABLE "contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invite_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"freelancer_id" text,
	"status" "contract_status" DEFAULT 'offered' NOT NULL,
	"kind" "contract_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"hourly_rate_cents" integer,
	"weekly_limit_hours" integer,
	"allow_manual_time" boolean DEFAULT false NOT NULL,
	"fee_bps" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_title_len" CHECK (char_length("contract"."title") between 1 and 120),
	CONSTRAINT "contract_description_len" CHECK (char_length("contract"."description") <= 5000),
	CONSTRAINT "contract_currency" CHECK ("contract"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "contract_fee_bps" CHECK ("contract"."fee_bps" between 0 and 5000),
	CONSTRAINT "contract_hourly_terms" CHECK (("contract"."kind" = 'hourly' and "contract"."hourly_rate_cents" between 300 and 99999 and ("contract"."weekly_limit_hours" is null or "contract"."weekly_limit_hours" between 1 and 80))
        or ("contract"."kind" = 'fixed' and "contract"."hourly_rate_cents" is null and "contract"."weekly_limit_hours" is null))
);
--> statement-breakpoint
CREATE TABLE "invite_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invite_id" uuid NOT NULL,
	"type" "invite_event_type" NOT NULL,
	"actor_id" text,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invite_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"invite_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "invite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"invited_by_id" text NOT NULL,
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"message" text,
	"status" "invite_status" DEFAULT 'pending' NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_outbox_id" uuid,
	"delivery_event" "delivery_event",
	"opened_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"accepted_by_id" text,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invite_accepted_has_time" CHECK ("invite"."status" <> 'accepted' or ("invite"."accepted_at" is not null and "invite"."accepted_by_id" is not null)),
	CONSTRAINT "invite_declined_has_time" CHECK ("invite"."status" <> 'declined' or "invite"."declined_at" is not null),
	CONSTRAINT "invite_revoked_has_time" CHECK ("invite"."status" <> 'revoked' or "invite"."revoked_at" is not null),
	CONSTRAINT "invite_message_len" CHECK ("invite"."message" is null or char_length("invite"."message") <= 2000),
	CONSTRAINT "invite_email_lower" CHECK ("invite"."email" = lower("invite"."email"))
);
--> statement-breakpoint
CREATE TABLE "milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"due_date" date NOT NULL,
	CONSTRAINT "milestone_position_range" CHECK ("milestone"."position" between 1 and 10),
	CONSTRAINT "milestone_amount_positive" CHECK ("milestone"."amount_cents" between 100 and 100000000)
);
--> statement-breakpoint
CREATE TABLE "webhook_event" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_invite_id_invite_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."invite"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_event" ADD CONSTRAINT "invite_event_invite_id_invite_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."invite"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_event" ADD CONSTRAINT "invite_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_token" ADD CONSTRAINT "invite_token_invite_id_invite_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."invite"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite" ADD CONSTRAINT "invite_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite" ADD CONSTRAINT "invite_invited_by_id_user_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite" ADD CONSTRAINT "invite_last_outbox_id_email_outbox_id_fk" FOREIGN KEY ("last_outbox_id") REFERENCES "public"."email_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite" ADD CONSTRAINT "invite_accepted_by_id_user_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_invite_uq" ON "contract" USING btree ("invite_id");--> statement-breakpoint
CREATE INDEX "contract_workspace_idx" ON "contract" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "contract_freelancer_idx" ON "contract" USING btree ("freelancer_id");--> statement-breakpoint
CREATE INDEX "invite_event_invite_idx" ON "invite_event" USING btree ("invite_id","created_at");--> statement-breakpoint
CREATE INDEX "invite_token_invite_idx" ON "invite_token" USING btree ("invite_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invite_token_hash_uq" ON "invite" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "invite_one_pending_per_email_uq" ON "invite" USING btree ("workspace_id","email") WHERE "invite"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "invite_workspace_created_idx" ON "invite" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "invite_email_idx" ON "invite" USING btree ("email");--> statement-breakpoint
CREATE INDEX "invite_last_outbox_idx" ON "invite" USING btree ("last_outbox_id");--> statement-breakpoint
CREATE INDEX "invite_pending_expiry_idx" ON "invite" USING btree ("expires_at") WHERE "invite"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_position_uq" ON "milestone" USING btree ("contract_id","position");--> statement-breakpoint
CREATE INDEX "email_outbox_provider_idx" ON "email_outbox" USING btree ("provider_message_id");