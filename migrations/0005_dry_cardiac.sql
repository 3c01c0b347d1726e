CREATE TABLE "application_declarations" (
	"application_id" text PRIMARY KEY NOT NULL,
	"project_stage" text,
	"not_on_prohibited_catalog" boolean,
	"not_outsourced" boolean,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_dossier_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"round" integer NOT NULL,
	"deadline" date NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registration_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_declarations" ADD CONSTRAINT "application_declarations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_declarations" ADD CONSTRAINT "application_declarations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_dossier_requests" ADD CONSTRAINT "paper_dossier_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_dossier_requests" ADD CONSTRAINT "paper_dossier_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "paper_dossier_requests_app_round_key" ON "paper_dossier_requests" USING btree ("application_id","round");--> statement-breakpoint
CREATE INDEX "registration_attempts_ip_at_idx" ON "registration_attempts" USING btree ("ip","at");