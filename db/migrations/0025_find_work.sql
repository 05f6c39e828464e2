CREATE TYPE "public"."bid_shape" AS ENUM('hourly', 'project', 'milestones');--> statement-breakpoint
CREATE TYPE "public"."experience_level" AS ENUM('entry', 'intermediate', 'expert');--> statement-breakpoint
CREATE TYPE "public"."job_budget_kind" AS ENUM('hourly', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."job_close_reason" AS ENUM('hired', 'not_hired');--> statement-breakpoint
CREATE TYPE "public"."job_duration" AS ENUM('under_1_month', '1_to_3_months', '3_to_6_months', 'over_6_months');--> statement-breakpoint
CREATE TYPE "public"."job_post_status" AS ENUM('draft', 'open', 'closed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."job_visibility" AS ENUM('public', 'invite_only');--> statement-breakpoint
CREATE TYPE "public"."job_workload" AS ENUM('under_10', '10_to_30', 'over_30');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('submitted', 'shortlisted', 'archived', 'declined', 'withdrawn', 'offered');--> statement-breakpoint
CREATE TYPE "public"."profile_availability" AS ENUM('available', 'limited', 'unavailable');--> statement-breakpoint
CREATE TABLE "job_post_invitation" (
	"job_post_id" uuid NOT NULL,
	"freelancer_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_post_invitation_job_post_id_freelancer_id_pk" PRIMARY KEY("job_post_id","freelancer_id")
);
--> statement-breakpoint
CREATE TABLE "job_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_by_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"skills" text[] NOT NULL,
	"budget_kind" "job_budget_kind" NOT NULL,
	"hourly_min_cents" integer,
	"hourly_max_cents" integer,
	"fixed_budget_cents" integer,
	"currency" text DEFAULT 'USD' NOT NULL,
	"experience" "experience_level" NOT NULL,
	"duration" "job_duration" NOT NULL,
	"workload" "job_workload" NOT NULL,
	"visibility" "job_visibility" DEFAULT 'public' NOT NULL,
	"questions" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "job_post_status" DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"expiry_reminder_sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" "job_close_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_post_title_len" CHECK (char_length("job_post"."title") between 1 and 120),
	CONSTRAINT "job_post_description_len" CHECK (char_length("job_post"."description") between 1 and 10000),
	CONSTRAINT "job_post_skills_count" CHECK (cardinality("job_post"."skills") between 1 and 15),
	CONSTRAINT "job_post_questions_count" CHECK (cardinality("job_post"."questions") <= 5),
	CONSTRAINT "job_post_budget" CHECK (("job_post"."budget_kind" = 'hourly' and "job_post"."fixed_budget_cents" is null and "job_post"."hourly_min_cents" between 300 and 99999 and "job_post"."hourly_max_cents" between "job_post"."hourly_min_cents" and 99999)
        or ("job_post"."budget_kind" = 'fixed' and "job_post"."hourly_min_cents" is null and "job_post"."hourly_max_cents" is null and "job_post"."fixed_budget_cents" between 500 and 100000000)),
	CONSTRAINT "job_post_open_dates" CHECK ("job_post"."status" = 'draft' or ("job_post"."opened_at" is not null and "job_post"."expires_at" is not null)),
	CONSTRAINT "job_post_closed" CHECK (("job_post"."status" = 'closed') = ("job_post"."closed_at" is not null and "job_post"."close_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "message_read" (
	"thread_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"last_read_at" timestamp with time zone,
	"last_emailed_at" timestamp with time zone,
	CONSTRAINT "message_read_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "message_thread" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid,
	"contract_id" uuid,
	"workspace_id" uuid NOT NULL,
	"freelancer_id" text NOT NULL,
	"last_message_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_thread_one_subject" CHECK (("message_thread"."proposal_id" is null) <> ("message_thread"."contract_id" is null))
);
--> statement-breakpoint
CREATE TABLE "message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_body_len" CHECK (char_length("message"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "proposal_attachment" (
	"proposal_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_attachment_proposal_id_file_id_pk" PRIMARY KEY("proposal_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_post_id" uuid NOT NULL,
	"freelancer_id" text NOT NULL,
	"cover_letter" text NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bid_shape" "bid_shape" NOT NULL,
	"hourly_rate_cents" integer,
	"bid_cents" integer,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"estimated_duration" "job_duration" NOT NULL,
	"status" "proposal_status" DEFAULT 'submitted' NOT NULL,
	"decline_reason" text,
	"declined_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"invite_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_cover_letter_len" CHECK (char_length("proposal"."cover_letter") between 1 and 5000),
	CONSTRAINT "proposal_bid" CHECK (("proposal"."bid_shape" = 'hourly' and "proposal"."hourly_rate_cents" between 300 and 99999 and "proposal"."bid_cents" is null)
        or ("proposal"."bid_shape" in ('project', 'milestones') and "proposal"."hourly_rate_cents" is null and "proposal"."bid_cents" between 500 and 100000000)),
	CONSTRAINT "proposal_declined" CHECK (("proposal"."status" = 'declined') = ("proposal"."declined_at" is not null)),
	CONSTRAINT "proposal_withdrawn" CHECK (("proposal"."status" = 'withdrawn') = ("proposal"."withdrawn_at" is not null)),
	CONSTRAINT "proposal_offered" CHECK ("proposal"."status" <> 'offered' or "proposal"."invite_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "saved_search" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"freelancer_id" text NOT NULL,
	"name" text NOT NULL,
	"query" text DEFAULT '' NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_visited_at" timestamp with time zone NOT NULL,
	"last_digest_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_search_name_len" CHECK (char_length("saved_search"."name") between 1 and 80),
	CONSTRAINT "saved_search_query_len" CHECK (char_length("saved_search"."query") <= 200)
);
--> statement-breakpoint
ALTER TABLE "profile" ADD COLUMN "availability" "profile_availability" DEFAULT 'available' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_post_invitation" ADD CONSTRAINT "job_post_invitation_job_post_id_job_post_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_invitation" ADD CONSTRAINT "job_post_invitation_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post" ADD CONSTRAINT "job_post_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post" ADD CONSTRAINT "job_post_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_read" ADD CONSTRAINT "message_read_thread_id_message_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_read" ADD CONSTRAINT "message_read_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_thread" ADD CONSTRAINT "message_thread_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_thread" ADD CONSTRAINT "message_thread_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_thread" ADD CONSTRAINT "message_thread_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_thread" ADD CONSTRAINT "message_thread_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message" ADD CONSTRAINT "message_thread_id_message_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message" ADD CONSTRAINT "message_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_attachment" ADD CONSTRAINT "proposal_attachment_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_attachment" ADD CONSTRAINT "proposal_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_job_post_id_job_post_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_invite_id_invite_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."invite"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search" ADD CONSTRAINT "saved_search_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_post_invitation_freelancer_idx" ON "job_post_invitation" USING btree ("freelancer_id");--> statement-breakpoint
CREATE INDEX "job_post_workspace_idx" ON "job_post" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "job_post_open_expiry_idx" ON "job_post" USING btree ("expires_at") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "message_thread_proposal_uq" ON "message_thread" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_thread_contract_uq" ON "message_thread" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "message_thread_freelancer_idx" ON "message_thread" USING btree ("freelancer_id","last_message_at");--> statement-breakpoint
CREATE INDEX "message_thread_workspace_idx" ON "message_thread" USING btree ("workspace_id","last_message_at");--> statement-breakpoint
CREATE INDEX "message_thread_time_idx" ON "message" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_job_freelancer_uq" ON "proposal" USING btree ("job_post_id","freelancer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_invite_uq" ON "proposal" USING btree ("invite_id");--> statement-breakpoint
CREATE INDEX "proposal_job_idx" ON "proposal" USING btree ("job_post_id","submitted_at");--> statement-breakpoint
CREATE INDEX "proposal_freelancer_idx" ON "proposal" USING btree ("freelancer_id","submitted_at");--> statement-breakpoint
CREATE INDEX "saved_search_freelancer_idx" ON "saved_search" USING btree ("freelancer_id","created_at");