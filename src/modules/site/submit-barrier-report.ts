// Use case: store a barrier report so that the administration can answer it.
import type { Database } from '../../db/client.ts';
import { insertBarrierReport } from './site.repository.ts';
import type { BarrierReportInput } from './schema.ts';

export async function submitBarrierReport(
  database: Database,
  input: BarrierReportInput,
): Promise<number> {
  return insertBarrierReport(database.db, {
    pageUrl: input.pageUrl,
    message: input.message,
    contact: input.contact === '' ? null : input.contact,
  });
}
