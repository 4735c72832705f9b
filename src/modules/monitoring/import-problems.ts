// Collects the problems of one value file and refuses it as a whole: one AppError naming every row.
import { AppError, type ErrorDetail } from '../../core/errors.ts';

/** More details than this are counted, not listed. */
export const MAX_REPORTED = 100;

export function refusal(file: string, details: ErrorDetail[], total = details.length): AppError {
  const listed = details.slice(0, MAX_REPORTED);
  if (total > listed.length)
    listed.push({ file, message: `… und ${total - listed.length} weitere Fehler` });
  return new AppError(
    'import_invalid',
    `Die Datei wurde nicht importiert: ${total} Fehler. Es wurde nichts gespeichert.`,
    listed,
  );
}

/** Refuses the file for one reason that concerns it as a whole (or one row of it). */
export function refuseFile(file: string, message: string, row?: number): never {
  throw refusal(file, [{ file, ...(row !== undefined ? { row } : {}), message }]);
}

export class Problems {
  private readonly details: ErrorDetail[] = [];
  private total = 0;

  constructor(readonly file: string) {}

  add(problem: { row?: number; field?: string; message: string }): void {
    this.total++;
    if (this.details.length < MAX_REPORTED) this.details.push({ file: this.file, ...problem });
  }

  get count(): number {
    return this.total;
  }

  throwIfAny(): void {
    if (this.total > 0) throw refusal(this.file, this.details, this.total);
  }
}
