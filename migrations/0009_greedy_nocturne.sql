CREATE TABLE "objection_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"objection_id" text NOT NULL,
	"file_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" text PRIMARY KEY NOT NULL,
	"tracking_number" text NOT NULL,
	"notice_id" text NOT NULL,
	"notice_item_id" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"name" text,
	"contact" text,
	"body" text NOT NULL,
	"query_code_hash" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reply" text,
	"handling" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"handled_by" text,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "objection_attachments" ADD CONSTRAINT "objection_attachments_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_attachments" ADD CONSTRAINT "objection_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_notice_item_id_notice_items_id_fk" FOREIGN KEY ("notice_item_id") REFERENCES "public"."notice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objection_attachments_objection_idx" ON "objection_attachments" USING btree ("objection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_tracking_key" ON "objections" USING btree ("tracking_number");--> statement-breakpoint
CREATE INDEX "objections_notice_idx" ON "objections" USING btree ("notice_id","status");--> statement-breakpoint
CREATE INDEX "objections_item_idx" ON "objections" USING btree ("notice_item_id","status");