// Input schema of the barrier report form.
import { z } from 'zod';

export const barrierReportSchema = z.object({
  pageUrl: z.string().trim().max(500, 'barrier.error.page').default(''),
  message: z.string().trim().min(10, 'barrier.error.message').max(5000, 'barrier.error.tooLong'),
  contact: z.string().trim().max(200, 'barrier.error.contact').default(''),
});
export type BarrierReportInput = z.infer<typeof barrierReportSchema>;
