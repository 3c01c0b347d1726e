CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text,
	"role" text,
	"application_id" text,
	"call_id" text,
	"what" text NOT NULL,
	"detail" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"employer" text NOT NULL,
	"employer_credit_code" text,
	"title" text,
	"phone" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"former_employers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_draws" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"algorithm" text NOT NULL,
	"seed" text NOT NULL,
	"size" integer NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"candidates" jsonb NOT NULL,
	"excluded" jsonb NOT NULL,
	"drawn" jsonb NOT NULL,
	"drawn_by" text,
	"drawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"call_id" text NOT NULL,
	"expert_id" text NOT NULL,
	"draw_id" text,
	"status" text DEFAULT 'active' NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "panel_members_call_id_expert_id_pk" PRIMARY KEY("call_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "paper_receipts" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"round" integer NOT NULL,
	"outcome" text NOT NULL,
	"watermark_code" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_items" (
	"proposal_id" text NOT NULL,
	"application_id" text NOT NULL,
	"rank" integer NOT NULL,
	"aggregate" double precision NOT NULL,
	"proposed" boolean NOT NULL,
	"amount" integer,
	"reason" text,
	CONSTRAINT "proposal_items_proposal_id_application_id_pk" PRIMARY KEY("proposal_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"application_id" text NOT NULL,
	"expert_id" text NOT NULL,
	"status" text NOT NULL,
	"assigned_by" text,
	"assigned_at" timestamp with time zone NOT NULL,
	"declared_at" timestamp with time zone,
	"conflict" jsonb,
	"replaced_by" text,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_deadlines" (
	"call_id" text NOT NULL,
	"stage" text NOT NULL,
	"due_on" date NOT NULL,
	"set_by" text,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_deadlines_call_id_stage_pk" PRIMARY KEY("call_id","stage")
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"assignment_id" text PRIMARY KEY NOT NULL,
	"criteria" jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"overall_comment" text,
	"total" double precision,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_verdicts" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"stage" text NOT NULL,
	"round" integer NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"verdict" text NOT NULL,
	"comment" text,
	"checked_by" text,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_draw_id_panel_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."panel_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_items" ADD CONSTRAINT "proposal_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_items" ADD CONSTRAINT "proposal_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_deadlines" ADD CONSTRAINT "review_deadlines_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_deadlines" ADD CONSTRAINT "review_deadlines_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD CONSTRAINT "review_verdicts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD CONSTRAINT "review_verdicts_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_app_idx" ON "access_log" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "access_log_call_idx" ON "access_log" USING btree ("call_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_key" ON "experts" USING btree ("jurisdiction_id","user_id");--> statement-breakpoint
CREATE INDEX "experts_jurisdiction_idx" ON "experts" USING btree ("jurisdiction_id","active");--> statement-breakpoint
CREATE INDEX "panel_draws_call_idx" ON "panel_draws" USING btree ("call_id","drawn_at");--> statement-breakpoint
CREATE INDEX "paper_receipts_app_idx" ON "paper_receipts" USING btree ("application_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_call_key" ON "proposals" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_app_expert_key" ON "review_assignments" USING btree ("application_id","expert_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert_idx" ON "review_assignments" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "review_assignments_call_idx" ON "review_assignments" USING btree ("call_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "review_verdicts_item_key" ON "review_verdicts" USING btree ("application_id","stage","round","item_kind","item_id");