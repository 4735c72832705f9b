CREATE TABLE "area_levels" (
	"system_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "area_levels_system_id_key_pk" PRIMARY KEY("system_id","key"),
	CONSTRAINT "area_levels_system_id_rank_unique" UNIQUE("system_id","rank")
);
--> statement-breakpoint
CREATE TABLE "area_systems" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"source" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"geometry_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level_key" text NOT NULL,
	"parent_id" integer,
	"population" integer,
	"population_date" date,
	"population_source" text,
	"geometry" jsonb,
	"display_geometry" jsonb,
	"min_lon" double precision,
	"min_lat" double precision,
	"max_lon" double precision,
	"max_lat" double precision,
	"area_m2" double precision,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "areas_system_code_key" UNIQUE("system_id","code")
);
--> statement-breakpoint
CREATE TABLE "barrier_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "barrier_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"page_url" text DEFAULT '' NOT NULL,
	"message" text NOT NULL,
	"contact" text,
	"status" text DEFAULT 'neu' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_levels" ADD CONSTRAINT "area_levels_system_id_area_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."area_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_system_id_area_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."area_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_system_id_level_key_area_levels_system_id_key_fk" FOREIGN KEY ("system_id","level_key") REFERENCES "public"."area_levels"("system_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "areas_system_level_idx" ON "areas" USING btree ("system_id","level_key");--> statement-breakpoint
CREATE INDEX "areas_bbox_idx" ON "areas" USING btree ("system_id","min_lon","max_lon","min_lat","max_lat");