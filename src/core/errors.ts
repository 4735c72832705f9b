// The one error type of the platform: stable codes, mapped to HTTP status and German messages in one place.
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'import_invalid'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'csrf'
  | 'rate_limited'
  | 'internal';

const httpStatus: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  import_invalid: 422,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  csrf: 403,
  rate_limited: 429,
  internal: 500,
};

export interface ErrorDetail {
  /** Where the problem is: file, feature or row number, field. */
  file?: string;
  row?: number;
  /** What `row` counts: a line of a table file, or an object (feature) of a geodata file. */
  unit?: 'Zeile' | 'Objekt';
  field?: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

/** Formats an error detail as one line, naming file, row (feature) and field. */
export function formatDetail(d: ErrorDetail): string {
  const where = [
    d.file,
    d.row !== undefined ? `${d.unit ?? 'Objekt'} ${d.row}` : undefined,
    d.field ? `Feld „${d.field}“` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${d.message}` : d.message;
}
