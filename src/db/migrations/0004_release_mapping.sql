ALTER TABLE "releases" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "mapping" jsonb;