CREATE INDEX "cost_options_service_idx" ON "cost_options" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "schedules_service_idx" ON "schedules" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "schedules_location_idx" ON "schedules" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "schedules_sal_idx" ON "schedules" USING btree ("service_at_location_id");