CREATE TABLE "application_people" (
	"application_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "application_people_application_id_person_id_pk" PRIMARY KEY("application_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "unit_profiles" (
	"unit_id" text PRIMARY KEY NOT NULL,
	"located_in" text,
	"legal_representative" text,
	"industry" text,
	"has_talent_system" boolean,
	"provides_funding_and_venue" boolean,
	"has_studio_rules" boolean,
	"existing_studio_occupations" jsonb,
	"bank_name" text,
	"bank_account" text,
	"bank_permit_number" text,
	"branches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "has_national_standard" boolean;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "leads_another_studio" boolean;--> statement-breakpoint
ALTER TABLE "application_people" ADD CONSTRAINT "application_people_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_people" ADD CONSTRAINT "application_people_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_profiles" ADD CONSTRAINT "unit_profiles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_profiles" ADD CONSTRAINT "unit_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_people_person_idx" ON "application_people" USING btree ("person_id");