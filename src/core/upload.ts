// Uploaded files: one size limit for the whole platform and reading a multipart form within it.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The largest file a form accepts (a city's value table of ~1 million cells fits well). */
export const uploadLimitBytes = 25 * 1024 * 1024;

export interface UploadedForm {
  fields: Record<string, string>;
  file: { fieldName: string; fileName: string; bytes: Buffer } | null;
}

/** Reads a multipart form; a file above the limit is refused in German, never truncated. */
export async function readUploadForm(req: FastifyRequest): Promise<UploadedForm> {
  if (!req.isMultipart())
    throw new AppError(
      'invalid_input',
      'Das Formular muss als multipart/form-data gesendet werden.',
    );
  const fields: Record<string, string> = {};
  let file: UploadedForm['file'] = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename) file = { fieldName: part.fieldname, fileName: part.filename, bytes };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        'invalid_input',
        `Die Datei ist größer als ${uploadLimitBytes / 1024 / 1024} MB und wurde nicht angenommen.`,
      );
    if (code.startsWith('FST_'))
      throw new AppError('invalid_input', 'Das Formular hat zu viele Dateien oder Felder.');
    throw e;
  }
  return { fields, file };
}
