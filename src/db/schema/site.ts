// Tables of the site pages: barrier reports (Barriere melden) required by BITV NRW.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const barrierReports = pgTable('barrier_reports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  pageUrl: text('page_url').notNull().default(''),
  message: text('message').notNull(),
  contact: text('contact'),
  status: text('status').notNull().default('neu'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
