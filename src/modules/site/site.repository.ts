// SQL of the site module: barrier reports.
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { barrierReports } from '../../db/schema/index.ts';

export async function insertBarrierReport(
  db: Db,
  report: { pageUrl: string; message: string; contact: string | null },
) {
  const [row] = await db.insert(barrierReports).values(report).returning({ id: barrierReports.id });
  return row!.id;
}

export async function listBarrierReports(db: Db, limit = 100) {
  return db.select().from(barrierReports).orderBy(desc(barrierReports.createdAt)).limit(limit);
}
