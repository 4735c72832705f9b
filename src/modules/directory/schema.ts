// Input schemas of the directory's routes: the search form (GET) and entry ids.
import { z } from 'zod';

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(
        z
          .string()
          .min(1)
          .max(64)
          .regex(/^[\w.-]+$/, 'ungültiger Wert'),
      )
      .max(30),
  );

const flag = z
  .enum(['1', 'on', 'true'])
  .optional()
  .transform((v) => v !== undefined);

export const searchFormSchema = z.object({
  q: z
    .string()
    .max(200, 'Der Suchbegriff ist zu lang (höchstens 200 Zeichen).')
    .optional()
    // Control characters become spaces: they have no place in a search term.
    // eslint-disable-next-line no-control-regex
    .transform((v) => (v ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim()),
  thema: list,
  zielgruppe: list,
  sprache: list,
  alter: z
    .union([z.literal(''), z.coerce.number().int().min(0).max(120)])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
  barrierefrei: flag,
  kostenlos: flag,
  offen: flag,
  sozialraum: z
    .string()
    .max(64)
    .regex(/^[\w.-]*$/, 'ungültiger Sozialraum')
    .optional()
    .transform((v) => v ?? ''),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  sortierung: z.enum(['relevanz', 'entfernung']).optional(),
  seite: z.coerce.number().int().min(1).max(1000).default(1),
});
export type SearchFormInput = z.infer<typeof searchFormSchema>;

export const entryParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w.-]+$/, 'ungültige Kennung'),
});
