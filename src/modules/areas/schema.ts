// Input schemas of the areas module, shared by the web routes, the CLI and the seed manifests.
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT');

export const levelSchema = z.object({ key: id, name: z.string().min(1).max(100) });

export const areaSystemSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  levels: z.array(levelSchema).min(1).max(10),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
  source: z.string().max(2000).default(''),
  licence: z.string().max(500).default(''),
  isExample: z.boolean().default(false),
  geometryNote: z.string().max(2000).nullish(),
});
export type AreaSystemInput = z.infer<typeof areaSystemSchema>;

export const fieldMappingSchema = z
  .object({
    codeField: z.string().min(1),
    nameField: z.string().min(1),
    parentField: z.string().min(1).optional(),
    /** Parent code = the first N characters of the code (hierarchical keys such as ARS or LOR). */
    parentPrefix: z.number().int().positive().optional(),
    populationField: z.string().min(1).optional(),
    populationDate: isoDate.optional(),
    /** Column with each row's own population date (JJJJ-MM-TT); overrides populationDate. */
    populationDateField: z.string().min(1).optional(),
    populationSource: z.string().optional(),
    /** Only features whose attribute equals the value, e.g. GF=9 in VG5000. */
    where: z.record(z.string(), z.string()).optional(),
    /** Join features that share a code into one MultiPolygon instead of refusing them. */
    mergeDuplicates: z.boolean().optional(),
    /** Only attach geometries to areas that already exist on the level; skip all others. */
    onlyExisting: z.boolean().optional(),
  })
  .refine((m) => !(m.parentField && m.parentPrefix), {
    message: 'Entweder Elternfeld oder Präfixlänge angeben, nicht beides.',
  });
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const importOptionsSchema = z.object({
  systemId: id,
  levelKey: id,
  mapping: fieldMappingSchema,
  crs: z.string().optional(),
  dryRun: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const areaParamsSchema = z.object({ system: id, code: z.string().min(1).max(64) });
export const systemParamsSchema = z.object({ system: id });

export const mapQuerySchema = z.object({ level: id.optional() });

const coordinate = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v),
    z.number().min(min).max(max),
  );
export const lookupQuerySchema = z.object({
  lat: coordinate(-90, 90),
  lon: coordinate(-180, 180),
  system: id.optional(),
});
