-- Extensions available on both engines (PGlite loads them in the client): fuzzy and accent-free search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "areas_name_trgm_idx" ON "areas" USING gin (lower("name") gin_trgm_ops);
