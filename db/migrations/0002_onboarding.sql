ALTER TYPE "public"."invite_event_type" ADD VALUE 'activated' BEFORE 'accepted';--> statement-breakpoint
CREATE TABLE "contract_acceptance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"freelancer_id" text NOT NULL,
	"contract_version" integer NOT NULL,
	"terms" text NOT NULL,
	"terms_hash" text NOT NULL,
	"ip" text,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_change_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"new_email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "first_name" text;--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "last_name" text;--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "terms_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "basic_info_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_acceptance" ADD CONSTRAINT "contract_acceptance_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_acceptance" ADD CONSTRAINT "contract_acceptance_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_change_request" ADD CONSTRAINT "email_change_request_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_acceptance_contract_uq" ON "contract_acceptance" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_change_token_uq" ON "email_change_request" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "email_change_user_idx" ON "email_change_request" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invite_event_opened_once_uq" ON "invite_event" USING btree ("invite_id") WHERE "invite_event"."type" = 'opened';--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD CONSTRAINT "freelancer_profile_country" CHECK ("freelancer_profile"."country" is null or "freelancer_profile"."country" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD CONSTRAINT "freelancer_profile_phone" CHECK ("freelancer_profile"."phone" is null or "freelancer_profile"."phone" ~ '^+[1-9][0-9]{7,14}$');--> statement-breakpoint
ALTER TABLE "freelancer_profile" ADD CONSTRAINT "freelancer_profile_basic_info_complete" CHECK ("freelancer_profile"."basic_info_completed_at" is null or ("freelancer_profile"."first_name" is not null and "freelancer_profile"."last_name" is not null and "freelancer_profile"."country" is not null and "freelancer_profile"."time_zone" is not null and "freelancer_profile"."terms_accepted_at" is not null));