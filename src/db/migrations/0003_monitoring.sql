CREATE TABLE "index_configs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"system_id" text NOT NULL,
	"level_key" text NOT NULL,
	"config" jsonb NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_results" (
	"run_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"status_index" double precision,
	"status_class" text,
	"dynamics_index" double precision,
	"dynamics_class" text,
	"not_indexed_reason" text,
	CONSTRAINT "index_results_run_id_area_id_pk" PRIMARY KEY("run_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "index_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "index_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"config_id" text NOT NULL,
	"system_id" text NOT NULL,
	"level_key" text NOT NULL,
	"period" text NOT NULL,
	"config_snapshot" jsonb NOT NULL,
	"release_ids" jsonb NOT NULL,
	"indexed_count" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_by" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_topics" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"release_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"flag" text DEFAULT 'ok' NOT NULL,
	CONSTRAINT "indicator_values_release_id_area_id_indicator_code_period_pk" PRIMARY KEY("release_id","area_id","indicator_code","period"),
	CONSTRAINT "indicator_values_flag_check" CHECK ("indicator_values"."flag" in ('ok', 'suppressed', 'missing'))
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"topic_key" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"numerator_code" text,
	"denominator_code" text,
	"per" integer DEFAULT 100 NOT NULL,
	"polarity" text DEFAULT 'neutral' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"min_count" integer DEFAULT 3 NOT NULL,
	"precision" integer DEFAULT 1 NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicators_kind_check" CHECK ("indicators"."kind" in ('count', 'share', 'rate', 'change_pp', 'index', 'value')),
	CONSTRAINT "indicators_polarity_check" CHECK ("indicators"."polarity" in ('high_bad', 'high_good', 'neutral'))
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "releases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"embargo_until" timestamp with time zone,
	"source" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"file_name" text,
	"value_count" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone,
	"withdrawn_by" integer,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "releases_status_check" CHECK ("releases"."status" in ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "index_configs" ADD CONSTRAINT "index_configs_system_id_area_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."area_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_results" ADD CONSTRAINT "index_results_run_id_index_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."index_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_results" ADD CONSTRAINT "index_results_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_runs" ADD CONSTRAINT "index_runs_config_id_index_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."index_configs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_runs" ADD CONSTRAINT "index_runs_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_topic_key_indicator_topics_key_fk" FOREIGN KEY ("topic_key") REFERENCES "public"."indicator_topics"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_numerator_code_indicators_code_fk" FOREIGN KEY ("numerator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_denominator_code_indicators_code_fk" FOREIGN KEY ("denominator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_system_id_area_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."area_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "index_runs_config_idx" ON "index_runs" USING btree ("config_id","period");--> statement-breakpoint
CREATE INDEX "indicator_values_lookup_idx" ON "indicator_values" USING btree ("indicator_code","period","area_id");--> statement-breakpoint
CREATE INDEX "indicator_values_area_idx" ON "indicator_values" USING btree ("area_id","indicator_code");--> statement-breakpoint
CREATE INDEX "releases_system_status_idx" ON "releases" USING btree ("system_id","status");