CREATE TABLE "notice_items" (
	"id" text PRIMARY KEY NOT NULL,
	"notice_id" text NOT NULL,
	"position" integer NOT NULL,
	"application_id" text,
	"name" text NOT NULL,
	"project_name" text,
	"unit_id" text,
	"unit_name" text NOT NULL,
	"leader_name" text NOT NULL,
	"occupation" text,
	"amount" integer,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"withdrawn_reason" text,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"edition_id" text NOT NULL,
	"program" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"contacts" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"calendar_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"allow_anonymous_objections" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"concluded_at" timestamp with time zone,
	"concluded_by" text,
	"decision_document" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_titles" (
	"id" text PRIMARY KEY NOT NULL,
	"studio_id" text NOT NULL,
	"level" text NOT NULL,
	"awarded_on" date NOT NULL,
	"document" text NOT NULL,
	"award" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studios" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"edition_id" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" text,
	"unit_name" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_person_id" text,
	"occupation" text NOT NULL,
	"level" text NOT NULL,
	"recognized_on" date NOT NULL,
	"recognized_year" integer NOT NULL,
	"status" text NOT NULL,
	"team_size" integer NOT NULL,
	"plaque_number" text,
	"summary" text,
	"revoked_on" date,
	"revocation_reason" text,
	"revocation_article" text,
	"source_notice_id" text,
	"source_application_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_concluded_by_users_id_fk" FOREIGN KEY ("concluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_titles" ADD CONSTRAINT "studio_titles_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_source_notice_id_notices_id_fk" FOREIGN KEY ("source_notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_source_application_id_applications_id_fk" FOREIGN KEY ("source_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_items_position_key" ON "notice_items" USING btree ("notice_id","position");--> statement-breakpoint
CREATE INDEX "notice_items_application_idx" ON "notice_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "notices_public_idx" ON "notices" USING btree ("status","starts_on");--> statement-breakpoint
CREATE INDEX "notices_jurisdiction_idx" ON "notices" USING btree ("jurisdiction_id","starts_on");--> statement-breakpoint
CREATE INDEX "notices_call_idx" ON "notices" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "studio_titles_studio_idx" ON "studio_titles" USING btree ("studio_id","awarded_on");--> statement-breakpoint
CREATE INDEX "studios_public_idx" ON "studios" USING btree ("status","jurisdiction_id","recognized_on");--> statement-breakpoint
CREATE INDEX "studios_jurisdiction_idx" ON "studios" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "studios_occupation_idx" ON "studios" USING btree ("occupation");--> statement-breakpoint
CREATE INDEX "studios_unit_idx" ON "studios" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "studios_plaque_key" ON "studios" USING btree ("plaque_number");