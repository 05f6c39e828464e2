ALTER TYPE "public"."contract_status" ADD VALUE 'ended';--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "ended_by" text;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "end_message" text;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_ended_by_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_ended_has_details" CHECK (("contract"."status"::text = 'ended') = ("contract"."ended_at" is not null and "contract"."end_message" is not null));--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_end_message_len" CHECK (char_length("contract"."end_message") between 1 and 2000);