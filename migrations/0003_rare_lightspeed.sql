CREATE TABLE "dossier_downloads" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"user_id" text,
	"downloaded_at" timestamp with time zone NOT NULL,
	"verification_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_downloads" ADD CONSTRAINT "dossier_downloads_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_downloads" ADD CONSTRAINT "dossier_downloads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_downloads_code_key" ON "dossier_downloads" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "dossier_downloads_app_idx" ON "dossier_downloads" USING btree ("application_id","downloaded_at");