// Input schemas of the monitoring module: catalogue entries, request parameters and forms.
import { z } from 'zod';

const code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Codes bestehen aus Buchstaben, Ziffern, „_“, „.“ und „-“.');

export const topicSchema = z.object({
  key: code,
  name: z.string().min(1).max(200),
  rank: z.number().int().default(0),
});

export const indicatorSchema = z
  .object({
    code,
    name: z.string().min(1).max(200),
    description: z.string().max(4000).default(''),
    topic: code,
    unit: z.string().max(50).default(''),
    kind: z.enum(['count', 'share', 'rate', 'change_pp', 'index', 'value']),
    numerator: code.nullish(),
    denominator: code.nullish(),
    per: z.number().int().positive().default(100),
    polarity: z.enum(['high_bad', 'high_good', 'neutral']).default('neutral'),
    source: z.string().max(1000).default(''),
    licence: z.string().max(500).default(''),
    minCount: z.number().int().min(0).max(100).default(3),
    precision: z.number().int().min(0).max(4).default(1),
    public: z.boolean().default(true),
    example: z.boolean().default(false),
  })
  .refine((i) => !(i.numerator && !i.denominator) && !(!i.numerator && i.denominator), {
    message: 'Zähler und Nenner werden nur zusammen angegeben.',
  });
export type IndicatorInput = z.infer<typeof indicatorSchema>;

const systemId = code;
/** Area codes are whatever a city uses, but never control characters (NUL breaks PostgreSQL text). */
const areaCode = z
  .string()
  .min(1)
  .max(64)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'Der Gebietsschlüssel enthält Steuerzeichen.');
const period = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Zeitraum in der Form JJJJ, JJJJ-MM oder JJJJ-MM-TT');

export const profileParamsSchema = z.object({ system: systemId, code: areaCode });
export const systemParamsSchema = z.object({ system: systemId });
export const releaseParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const indexParamsSchema = z.object({ config: systemId });

export const mapQuerySchema = z.object({
  indikator: code.optional(),
  zeitraum: period.optional(),
  ebene: code.optional(),
  klassen: z.enum(['quantile', 'jenks', 'equal', 'manual']).default('quantile'),
  anzahl: z.coerce.number().int().min(3).max(7).default(5),
  grenzen: z.string().max(200).optional(),
});

export const compareQuerySchema = z.object({
  gebiete: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')))
    .pipe(z.array(areaCode).max(6)),
  zeitraum: period.optional(),
});

export const rankingQuerySchema = z.object({
  indikator: code.optional(),
  zeitraum: period.optional(),
  ebene: code.optional(),
  sortierung: z.enum(['wert-ab', 'wert-auf', 'name']).default('wert-ab'),
});

export const exportQuerySchema = z.object({
  system: systemId,
  indikator: z
    .union([code, z.array(code)])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')))
    .pipe(z.array(code).min(1).max(50)),
  zeitraum: period.optional(),
  ebene: code.optional(),
  format: z.enum(['csv', 'json', 'geojson', 'xlsx']).default('csv'),
  dezimalkomma: z
    .enum(['0', '1'])
    .default('1')
    .transform((v) => v === '1'),
});

export const indexQuerySchema = z.object({ zeitraum: period.optional() });

export const publishFormSchema = z.object({
  embargo: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : null))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'Sperrfrist als Datum (JJJJ-MM-TT)')
        .nullable(),
    ),
});

export const importQuerySchema = z.object({ gliederung: code.optional() });
