CREATE TABLE "addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"location_id" text NOT NULL,
	"attention" text,
	"address_1" text NOT NULL,
	"address_2" text,
	"city" text NOT NULL,
	"region" text,
	"state_province" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" text NOT NULL,
	"address_type" text DEFAULT 'physical' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_options" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"option" text,
	"amount" double precision,
	"currency" text,
	"amount_description" text
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text,
	"location_type" text DEFAULT 'physical' NOT NULL,
	"name" text,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"transportation" text,
	"latitude" double precision,
	"longitude" double precision,
	"accessibility" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"area_id" integer
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email" text,
	"website" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phones" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text,
	"location_id" text,
	"organization_id" text,
	"number" text NOT NULL,
	"extension" text,
	"type" text,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text,
	"location_id" text,
	"service_at_location_id" text,
	"freq" text,
	"byday" text,
	"opens_at" text,
	"closes_at" text,
	"valid_from" text,
	"valid_to" text,
	"timezone" text DEFAULT 'Europe/Berlin' NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_log" (
	"day" date NOT NULL,
	"terms" text NOT NULL,
	"filters" text DEFAULT '' NOT NULL,
	"area_id" integer,
	"results" integer NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "search_log_key" UNIQUE NULLS NOT DISTINCT("day","terms","filters","area_id","results")
);
--> statement-breakpoint
CREATE TABLE "service_areas" (
	"service_id" text NOT NULL,
	"area_id" integer NOT NULL,
	CONSTRAINT "service_areas_service_id_area_id_pk" PRIMARY KEY("service_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "service_at_locations" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"location_id" text NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_languages" (
	"service_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text,
	CONSTRAINT "service_languages_service_id_code_pk" PRIMARY KEY("service_id","code")
);
--> statement-breakpoint
CREATE TABLE "service_taxonomy" (
	"service_id" text NOT NULL,
	"term_id" text NOT NULL,
	CONSTRAINT "service_taxonomy_service_id_term_id_pk" PRIMARY KEY("service_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"alternate_name" text,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"url" text,
	"email" text,
	"status" text DEFAULT 'active' NOT NULL,
	"application_process" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"eligibility_description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fees_description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"minimum_age" integer,
	"maximum_age" integer,
	"assured_date" timestamp with time zone,
	"assurer_email" text,
	"text_updated_at" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"last_modified" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_status_check" CHECK ("services"."status" in ('active', 'inactive', 'defunct', 'temporarily closed'))
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"id" text PRIMARY KEY NOT NULL,
	"taxonomy" text NOT NULL,
	"code" text,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parent_id" text,
	"rank" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_options" ADD CONSTRAINT "cost_options_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_service_at_location_id_service_at_locations_id_fk" FOREIGN KEY ("service_at_location_id") REFERENCES "public"."service_at_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_log" ADD CONSTRAINT "search_log_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_areas" ADD CONSTRAINT "service_areas_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_areas" ADD CONSTRAINT "service_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_locations" ADD CONSTRAINT "service_at_locations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_locations" ADD CONSTRAINT "service_at_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_languages" ADD CONSTRAINT "service_languages_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_taxonomy" ADD CONSTRAINT "service_taxonomy_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_taxonomy" ADD CONSTRAINT "service_taxonomy_term_id_taxonomy_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sal_service_idx" ON "service_at_locations" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "sal_location_idx" ON "service_at_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "service_taxonomy_term_idx" ON "service_taxonomy" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "services_organization_idx" ON "services" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "services_fts_idx" ON "services" USING gin (to_tsvector('german', "search_text"));--> statement-breakpoint
CREATE INDEX "services_trgm_idx" ON "services" USING gin ("search_text" gin_trgm_ops);