CREATE TABLE "payout_destination" (
	"payout_method_id" uuid NOT NULL,
	"freelancer_id" text NOT NULL,
	"provider" text NOT NULL,
	"payee_ref" text NOT NULL,
	"ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payout_destination" ADD CONSTRAINT "payout_destination_payout_method_id_payout_method_id_fk" FOREIGN KEY ("payout_method_id") REFERENCES "public"."payout_method"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_destination" ADD CONSTRAINT "payout_destination_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_destination_method_uq" ON "payout_destination" USING btree ("payout_method_id","provider");--> statement-breakpoint
CREATE INDEX "payout_destination_freelancer_idx" ON "payout_destination" USING btree ("freelancer_id","provider");