CREATE TABLE "disbursement_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"disbursement_id" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount" integer NOT NULL,
	"voucher_number" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"edition_id" text NOT NULL,
	"program" text NOT NULL,
	"unit_id" text NOT NULL,
	"unit_name" text NOT NULL,
	"application_id" text,
	"studio_id" text,
	"project_id" text,
	"studio_title_id" text,
	"source_notice_id" text,
	"purpose" text NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"cap" integer,
	"condition" text,
	"citation" text NOT NULL,
	"status" text NOT NULL,
	"paid_amount" integer DEFAULT 0 NOT NULL,
	"due_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"edition_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"studio_id" text,
	"name" text NOT NULL,
	"baseline" jsonb NOT NULL,
	"period_start" date,
	"period_end" date,
	"approved_amount" integer,
	"status" text NOT NULL,
	"decided_on" date NOT NULL,
	"source_notice_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disbursement_payments" ADD CONSTRAINT "disbursement_payments_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursement_payments" ADD CONSTRAINT "disbursement_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_studio_title_id_studio_titles_id_fk" FOREIGN KEY ("studio_title_id") REFERENCES "public"."studio_titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_source_notice_id_notices_id_fk" FOREIGN KEY ("source_notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_source_notice_id_notices_id_fk" FOREIGN KEY ("source_notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disbursement_payments_line_idx" ON "disbursement_payments" USING btree ("disbursement_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursement_payments_voucher_key" ON "disbursement_payments" USING btree ("jurisdiction_id","voucher_number");--> statement-breakpoint
CREATE INDEX "disbursements_jurisdiction_idx" ON "disbursements" USING btree ("jurisdiction_id","status","created_at");--> statement-breakpoint
CREATE INDEX "disbursements_unit_idx" ON "disbursements" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_application_key" ON "projects" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "projects_studio_idx" ON "projects" USING btree ("studio_id");--> statement-breakpoint
CREATE INDEX "projects_jurisdiction_idx" ON "projects" USING btree ("jurisdiction_id","status");