CREATE TABLE "annual_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"studio_id" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"edition_id" text NOT NULL,
	"year" integer NOT NULL,
	"due_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"next_year_plan" text DEFAULT '' NOT NULL,
	"person_times" integer,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"late" boolean DEFAULT false NOT NULL,
	"review_comment" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"studio_id" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"edition_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"kind" text NOT NULL,
	"citation" text NOT NULL,
	"before" jsonb NOT NULL,
	"requested" jsonb NOT NULL,
	"reason" text NOT NULL,
	"effective_on" date,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"submitted_by" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fixed_assets" (
	"id" text PRIMARY KEY NOT NULL,
	"expenditure_id" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"studio_id" text,
	"unit_id" text NOT NULL,
	"asset_number" text NOT NULL,
	"name" text NOT NULL,
	"model" text,
	"quantity" integer NOT NULL,
	"unit_price" integer NOT NULL,
	"location" text,
	"custodian" text,
	"acquired_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_expenditures" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"studio_id" text,
	"project_id" text,
	"unit_id" text NOT NULL,
	"budget_line" text NOT NULL,
	"category" text NOT NULL,
	"amount" integer NOT NULL,
	"spent_on" date NOT NULL,
	"description" text NOT NULL,
	"voucher_number" text,
	"is_fixed_asset" boolean DEFAULT false NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"run_on" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "obligation_reminders" (
	"id" text PRIMARY KEY NOT NULL,
	"studio_id" text NOT NULL,
	"obligation_id" text NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"sent_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"closure_id" text NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expert_opinions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payable_amount" integer,
	"assessed_on" date NOT NULL,
	"assessed_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_closures" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"version" integer NOT NULL,
	"summary" text NOT NULL,
	"deliverables" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_on" date,
	"due_on" date,
	"status" text NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"kind" text NOT NULL,
	"milestone_id" text,
	"reported_on" date NOT NULL,
	"body" text NOT NULL,
	"proposed_end_on" date,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"officer_response" text,
	"officer_comment" text,
	"responded_by" text,
	"responded_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revocation_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"studio_id" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"edition_id" text NOT NULL,
	"trigger_id" text NOT NULL,
	"citation" text NOT NULL,
	"facts" jsonb NOT NULL,
	"raised_by" text NOT NULL,
	"raised_on" date NOT NULL,
	"raised_by_user" text,
	"status" text NOT NULL,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_document" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_history" (
	"id" text PRIMARY KEY NOT NULL,
	"studio_id" text NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"citation" text,
	"note" text,
	"change_request_id" text,
	"revocation_case_id" text,
	"actor_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "close_by" date;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixed_assets" ADD CONSTRAINT "fixed_assets_expenditure_id_fund_expenditures_id_fk" FOREIGN KEY ("expenditure_id") REFERENCES "public"."fund_expenditures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixed_assets" ADD CONSTRAINT "fixed_assets_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_expenditures" ADD CONSTRAINT "fund_expenditures_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_expenditures" ADD CONSTRAINT "fund_expenditures_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_expenditures" ADD CONSTRAINT "fund_expenditures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_expenditures" ADD CONSTRAINT "fund_expenditures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_expenditures" ADD CONSTRAINT "fund_expenditures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_reminders" ADD CONSTRAINT "obligation_reminders_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_assessments" ADD CONSTRAINT "project_assessments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_assessments" ADD CONSTRAINT "project_assessments_closure_id_project_closures_id_fk" FOREIGN KEY ("closure_id") REFERENCES "public"."project_closures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_assessments" ADD CONSTRAINT "project_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_closures" ADD CONSTRAINT "project_closures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_closures" ADD CONSTRAINT "project_closures_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_milestone_id_project_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."project_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocation_cases" ADD CONSTRAINT "revocation_cases_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocation_cases" ADD CONSTRAINT "revocation_cases_raised_by_user_users_id_fk" FOREIGN KEY ("raised_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocation_cases" ADD CONSTRAINT "revocation_cases_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_history" ADD CONSTRAINT "studio_history_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_history" ADD CONSTRAINT "studio_history_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_history" ADD CONSTRAINT "studio_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_studio_year_key" ON "annual_reports" USING btree ("studio_id","year");--> statement-breakpoint
CREATE INDEX "annual_reports_jurisdiction_idx" ON "annual_reports" USING btree ("jurisdiction_id","year","status");--> statement-breakpoint
CREATE INDEX "change_requests_studio_idx" ON "change_requests" USING btree ("studio_id","submitted_at");--> statement-breakpoint
CREATE INDEX "change_requests_jurisdiction_idx" ON "change_requests" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "fixed_assets_number_key" ON "fixed_assets" USING btree ("unit_id","asset_number");--> statement-breakpoint
CREATE INDEX "fixed_assets_studio_idx" ON "fixed_assets" USING btree ("studio_id");--> statement-breakpoint
CREATE INDEX "fund_expenditures_project_idx" ON "fund_expenditures" USING btree ("project_id","spent_on");--> statement-breakpoint
CREATE INDEX "fund_expenditures_studio_idx" ON "fund_expenditures" USING btree ("studio_id","spent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_key" ON "job_runs" USING btree ("job","run_on");--> statement-breakpoint
CREATE UNIQUE INDEX "obligation_reminders_key" ON "obligation_reminders" USING btree ("studio_id","obligation_id","period","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "project_assessments_closure_key" ON "project_assessments" USING btree ("closure_id");--> statement-breakpoint
CREATE INDEX "project_assessments_project_idx" ON "project_assessments" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_closures_version_key" ON "project_closures" USING btree ("project_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "project_milestones_position_key" ON "project_milestones" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "project_updates_project_idx" ON "project_updates" USING btree ("project_id","reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "revocation_cases_open_key" ON "revocation_cases" USING btree ("studio_id","trigger_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "revocation_cases_jurisdiction_idx" ON "revocation_cases" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "studio_history_studio_idx" ON "studio_history" USING btree ("studio_id","happened_on");