// Zod schemas of the HSDS 3.1 fields the directory stores, with the text rules every import applies.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Control characters, bidi overrides (“Trojan source”), lone surrogates; tab and line breaks only in long text. */
function hasControl(v: string, long: boolean): boolean {
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && !(long && (c === 0x09 || c === 0x0a || c === 0x0d))) return true;
    if ((c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return true;
    // A lone surrogate is no character at all (it cannot be stored as UTF-8).
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}
/** Any HTML tag, comment or processing instruction: the directory holds plain text only. */
const MARKUP = /<\s*\/?\s*[a-z!?]/i;

export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 10_000;

function text(max: number, long: boolean) {
  return z
    .string({ error: 'muss Text sein' })
    .max(max, { error: `ist zu lang (höchstens ${max} Zeichen)` })
    .refine((v) => !hasControl(v, long), {
      error: 'enthält Steuerzeichen oder ungültige Zeichen',
    })
    .refine((v) => !MARKUP.test(v), {
      error: 'enthält HTML oder Skript (<…>); erlaubt ist nur reiner Text',
    });
}
export const shortText = text(SHORT_TEXT_MAX, false);
export const longText = text(LONG_TEXT_MAX, true);
const required = (s: z.ZodType<string>) => s.refine((v) => v.trim() !== '', { error: 'ist leer' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuid = z.string({ error: 'muss eine Kennung (UUID) sein' }).regex(UUID, {
  error: 'ist keine UUID (z. B. ac148810-d857-441c-9679-408f346de14b)',
});

function validDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}
export const isoDate = z
  .string({ error: 'muss ein Datum sein' })
  .refine(validDate, { error: 'ist kein Datum im Format JJJJ-MM-TT' });
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
export const dateTime = z
  .string({ error: 'muss ein Zeitpunkt sein' })
  .refine((v) => DATE_TIME.test(v) && validDate(v.slice(0, 10)) && !isNaN(Date.parse(v)), {
    error: 'ist kein Zeitpunkt nach ISO 8601 (z. B. 2024-05-01T09:30:00Z)',
  });
const TIME = /^(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?|24:00(:00)?)$/;
export const clockTime = z
  .string({ error: 'muss eine Uhrzeit sein' })
  .regex(TIME, { error: 'ist keine Uhrzeit im Format HH:MM' });
export const email = shortText.refine((v) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(v), {
  error: 'ist keine E-Mail-Adresse',
});
export const webUrl = shortText.refine(
  (v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  },
  { error: 'ist keine Webadresse (http:// oder https://)' },
);
export const languageCode = z
  .string({ error: 'muss ein Sprachcode sein' })
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    error: 'ist kein Sprachcode nach ISO 639 (z. B. de, tr, ar)',
  });
const age = z
  .number({ error: 'muss eine Zahl sein' })
  .int({ error: 'muss eine ganze Zahl sein' })
  .min(0, { error: 'darf nicht negativ sein' })
  .max(150, { error: 'ist kein Alter (höchstens 150)' });
const list = z.array(z.unknown(), { error: 'muss eine Liste sein' }).optional();
const nested = z.record(z.string(), z.unknown(), { error: 'muss ein Objekt sein' }).optional();

/** Our extension: texts in further languages, e.g. { "en": { "name": "…", "description": "…" } }. */
const translations = (fields: readonly string[]) =>
  z
    .record(
      languageCode,
      z.strictObject(Object.fromEntries(fields.map((f) => [f, longText.optional()])), {
        error: `erlaubt je Sprache nur die Felder ${fields.join(', ')}`,
      }),
      { error: 'muss ein Objekt je Sprache sein' },
    )
    .optional();

export const SERVICE_TEXTS = [
  'name',
  'description',
  'application_process',
  'eligibility_description',
  'fees_description',
] as const;

export const organizationSchema = z.looseObject({
  id: uuid,
  name: required(shortText),
  description: longText,
  email: email.optional(),
  website: webUrl.optional(),
  phones: list,
  locations: list,
  services: list,
  translations: translations(['description']),
});

export const serviceSchema = z.looseObject({
  id: uuid,
  name: required(shortText),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed'], {
    error: 'ist keiner der Werte active, inactive, defunct, temporarily closed',
  }),
  alternate_name: shortText.optional(),
  description: longText.optional(),
  url: webUrl.optional(),
  email: email.optional(),
  application_process: longText.optional(),
  fees_description: longText.optional(),
  eligibility_description: longText.optional(),
  minimum_age: age.optional(),
  maximum_age: age.optional(),
  assured_date: isoDate.optional(),
  assurer_email: email.optional(),
  last_modified: dateTime.optional(),
  organization_id: uuid.optional(),
  organization: nested,
  phones: list,
  schedules: list,
  service_areas: list,
  service_at_locations: list,
  languages: list,
  cost_options: list,
  attributes: list,
  translations: translations(SERVICE_TEXTS),
});

const coordinate = (limit: number) =>
  z
    .number({ error: 'muss eine Zahl sein' })
    .min(-limit, { error: `liegt nicht zwischen −${limit} und ${limit}` })
    .max(limit, { error: `liegt nicht zwischen −${limit} und ${limit}` });
const locationType = z.enum(['physical', 'postal', 'virtual'], {
  error: 'ist keiner der Werte physical, postal, virtual',
});

export const locationSchema = z.looseObject({
  id: uuid,
  location_type: locationType,
  name: shortText.optional(),
  description: longText.optional(),
  transportation: longText.optional(),
  latitude: coordinate(90).optional(),
  longitude: coordinate(180).optional(),
  organization_id: uuid.optional(),
  addresses: list,
  accessibility: list,
  phones: list,
  schedules: list,
  translations: translations(['description']),
});

export const serviceAtLocationSchema = z.looseObject({
  id: uuid,
  description: longText.optional(),
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  location: nested,
  service: nested,
  schedules: list,
});

export const addressSchema = z.looseObject({
  id: uuid,
  attention: shortText.optional(),
  address_1: required(shortText),
  address_2: shortText.optional(),
  city: required(shortText),
  region: shortText.optional(),
  state_province: required(shortText),
  postal_code: required(shortText),
  country: z
    .string({ error: 'muss Text sein' })
    .regex(/^[A-Z]{2}$/, { error: 'ist kein Ländercode nach ISO 3166 (z. B. DE)' }),
  address_type: locationType,
});

export const phoneSchema = z.looseObject({
  id: uuid,
  number: required(shortText),
  extension: z
    .number({ error: 'muss eine Zahl sein' })
    .int({ error: 'muss eine ganze Zahl sein' })
    .min(0, { error: 'darf nicht negativ sein' })
    .max(9_999_999_999, { error: 'ist zu lang' })
    .optional(),
  type: shortText.optional(),
  description: longText.optional(),
});

const DAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const ORDINAL_DAY = /^[+-]?([1-9]|[1-4]\d|5[0-3])?(MO|TU|WE|TH|FR|SA|SU)$/;
export const scheduleSchema = z
  .looseObject({
    id: uuid,
    freq: z
      .enum(['WEEKLY', 'MONTHLY'], { error: 'ist keiner der Werte WEEKLY, MONTHLY' })
      .optional(),
    byday: shortText.optional(),
    opens_at: clockTime.optional(),
    closes_at: clockTime.optional(),
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
    description: longText.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.byday === undefined) return;
    if (!s.freq) ctx.addIssue({ code: 'custom', path: ['freq'], message: 'fehlt neben byday' });
    const days = s.byday.split(',');
    const pattern = s.freq === 'MONTHLY' ? ORDINAL_DAY : DAY;
    const bad = days.find((d) => !pattern.test(d.trim()));
    if (bad !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['byday'],
        message: `„${bad}“ ist kein Wochentag (MO, TU, WE, TH, FR, SA, SU, durch Kommas getrennt)`,
      });
  });

export const languageSchema = z.looseObject({
  id: uuid,
  code: languageCode,
  name: shortText.optional(),
});

export const costOptionSchema = z.looseObject({
  id: uuid,
  option: shortText.optional(),
  currency: z
    .string({ error: 'muss Text sein' })
    .regex(/^[A-Za-z]{3}$/, { error: 'ist kein Währungscode nach ISO 4217 (z. B. EUR)' })
    .optional(),
  amount: z
    .number({ error: 'muss eine Zahl sein' })
    .min(0, { error: 'darf nicht negativ sein' })
    .max(1_000_000, { error: 'ist unplausibel hoch' })
    .optional(),
  amount_description: shortText.optional(),
});

export const serviceAreaSchema = z.looseObject({
  id: uuid,
  name: shortText.optional(),
});

export const accessibilitySchema = z.looseObject({
  id: uuid,
  description: longText.optional(),
  details: longText.optional(),
});

export const attributeSchema = z
  .looseObject({ id: uuid, taxonomy_term_id: uuid.optional(), taxonomy_term: nested })
  .refine((a) => a.taxonomy_term_id !== undefined || a.taxonomy_term !== undefined, {
    path: ['taxonomy_term_id'],
    error: 'fehlt (ein Merkmal braucht einen Taxonomie-Begriff)',
  });

export const taxonomyTermSchema = z
  .looseObject({
    id: uuid,
    name: required(shortText),
    description: longText,
    code: shortText.optional(),
    parent_id: uuid.optional(),
    taxonomy: required(shortText).optional(),
    taxonomy_id: uuid.optional(),
    taxonomy_detail: z.looseObject({ name: required(shortText).optional() }).optional(),
    translations: translations(['name', 'description']),
  })
  .refine((t) => t.taxonomy ?? t.taxonomy_detail?.name ?? t.taxonomy_id, {
    path: ['taxonomy'],
    error: 'fehlt (Name der Taxonomie, z. B. topic)',
  });

export type HsdsOrganizationIn = z.infer<typeof organizationSchema>;
export type HsdsServiceIn = z.infer<typeof serviceSchema>;
export type HsdsLocationIn = z.infer<typeof locationSchema>;
export type HsdsScheduleIn = z.infer<typeof scheduleSchema>;
export type HsdsTaxonomyTermIn = z.infer<typeof taxonomyTermSchema>;

/** German wording of zod's own issues: a missing field “fehlt”; our checks carry German messages. */
export function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  let value = raw;
  for (const key of issue.path)
    value =
      value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if (issue.code === 'invalid_type' && value === undefined) return 'fehlt';
  // Only `translations` has keys of its own: language codes.
  if (issue.code === 'invalid_key') return 'ist kein Sprachcode nach ISO 639 (z. B. en, tr, ar)';
  return issue.message;
}

/** A UUID derived from its parts (SHA-1, shaped as version 5), so exports are stable run to run. */
export function stableUuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u001f')).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
