// Writes data/oberhausen/angebote.json: an invented example directory for Oberhausen as HSDS 3.1 JSON.
//
// Usage (from the repository root):
//   node --import tsx scripts/make-oberhausen-directory.ts
//
// Beispieldaten – alles erfunden. Providers, services, house numbers and e-mail addresses are
// invented; the street names and the six Sozialräume are real, the postal codes are those of the
// districts (not checked per street). There are no phone numbers and no people. Every text says
// that it is example data, and the import marks every record `is_example`. Coordinates come from
// a seeded PRNG around a rough centre of each Sozialraum and are checked to lie inside the city
// boundary (VG5000). The output is the shape `exportOrganizations` writes (organization_full with
// locations and services; other languages in our `translations` extension), so it round-trips.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { stableUuid } from '../src/modules/directory/hsds-schema.ts';
import { PROVIDERS, type Rule, type ServiceSpec } from './oberhausen-directory-data.ts';

const dataDir = fileURLToPath(new URL('../data/oberhausen/', import.meta.url));
const uid = (...parts: string[]) => stableUuid('oberhausen-beispielverzeichnis', ...parts);
const EXAMPLE = {
  de: 'Beispieldaten: Dieses Angebot ist erfunden.',
  en: 'Example data: this service is invented.',
  tr: 'Örnek veri: Bu hizmet uydurmadır.',
  ar: 'بيانات تجريبية: هذه الخدمة غير حقيقية.',
  uk: 'Приклад даних: ця послуга вигадана.',
} as const;

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20240501);

interface AreaSpec {
  name: string;
  postal: string;
  streets: string[];
  /** Rough centres [latitude, longitude] of parts of the Sozialraum. */
  centres: [number, number][];
}
const AREAS: Record<string, AreaSpec> = {
  'sr-mitte-styrum': {
    name: 'Oberhausen-Mitte/Styrum',
    postal: '46045',
    streets: ['Marktstraße', 'Elsässer Straße', 'Friedrich-Karl-Straße', 'Helmholtzstraße'],
    centres: [
      [51.4725, 6.8545],
      [51.4625, 6.8615],
    ],
  },
  'sr-ost': {
    name: 'Oberhausen-Ost',
    postal: '46047',
    streets: ['Mellinghofer Straße', 'Knappenstraße', 'Mülheimer Straße'],
    centres: [
      [51.4705, 6.882],
      [51.479, 6.87],
    ],
  },
  'sr-alstaden-lirich': {
    name: 'Alstaden/Lirich',
    postal: '46049',
    streets: ['Bebelstraße', 'Ruhrorter Straße'],
    centres: [
      [51.465, 6.83],
      [51.479, 6.829],
    ],
  },
  'sr-sterkrade-mitte': {
    name: 'Sterkrade-Mitte',
    postal: '46145',
    streets: ['Steinbrinkstraße', 'Bahnhofstraße', 'Finanzstraße', 'Eugen-zur-Nieden-Ring'],
    centres: [[51.5165, 6.8455]],
  },
  'sr-sterkrade-nord': {
    name: 'Sterkrade-Nord',
    postal: '46147',
    streets: ['Schmachtendorfer Straße', 'Kirchhellener Straße', 'Königshardter Straße'],
    centres: [
      [51.545, 6.829],
      [51.544, 6.86],
    ],
  },
  'sr-osterfeld': {
    name: 'Osterfeld',
    postal: '46117',
    streets: ['Bottroper Straße', 'Gildenstraße', 'Vestische Straße', 'Westfälische Straße'],
    centres: [
      [51.499, 6.887],
      [51.504, 6.9],
    ],
  },
};

const TERMS: {
  taxonomy: string;
  code: string;
  de: string;
  en: string;
  tr: string;
  ar: string;
  uk: string;
}[] = [
  [
    'T01',
    'Geld und Schulden',
    'Money and debt',
    'Para ve borçlar',
    'المال والديون',
    'Гроші та борги',
  ],
  [
    'T02',
    'Familie und Kinder',
    'Family and children',
    'Aile ve çocuklar',
    'الأسرة والأطفال',
    "Сім'я та діти",
  ],
  ['T03', 'Jugend', 'Youth', 'Gençlik', 'الشباب', 'Молодь'],
  [
    'T04',
    'Bildung und Schule',
    'Education and school',
    'Eğitim ve okul',
    'التعليم والمدرسة',
    'Освіта та школа',
  ],
  [
    'T05',
    'Arbeit und Beruf',
    'Work and career',
    'İş ve meslek',
    'العمل والمهنة',
    'Робота та професія',
  ],
  ['T06', 'Gesundheit', 'Health', 'Sağlık', 'الصحة', "Здоров'я"],
  [
    'T07',
    'Pflege und Alter',
    'Care and old age',
    'Bakım ve yaşlılık',
    'الرعاية والشيخوخة',
    'Догляд і старість',
  ],
  ['T08', 'Wohnen', 'Housing', 'Konut', 'السكن', 'Житло'],
  [
    'T09',
    'Migration und Sprache',
    'Migration and language',
    'Göç ve dil',
    'الهجرة واللغة',
    'Міграція та мова',
  ],
  [
    'T10',
    'Beratung in Krisen',
    'Crisis counselling',
    'Kriz danışmanlığı',
    'الاستشارة في الأزمات',
    'Консультації в кризових ситуаціях',
  ],
  [
    'T11',
    'Behinderung und Teilhabe',
    'Disability and inclusion',
    'Engellilik ve katılım',
    'الإعاقة والمشاركة',
    'Інвалідність та участь',
  ],
  [
    'T12',
    'Freizeit und Nachbarschaft',
    'Leisure and neighbourhood',
    'Boş zaman ve komşuluk',
    'الترفيه والجوار',
    'Дозвілля та сусідство',
  ],
  ['Z01', 'Kinder', 'Children', 'Çocuklar', 'الأطفال', 'Діти'],
  ['Z02', 'Jugendliche', 'Young people', 'Gençler', 'المراهقون', 'Підлітки'],
  ['Z03', 'Eltern', 'Parents', 'Ebeveynler', 'الآباء والأمهات', 'Батьки'],
  ['Z04', 'Familien', 'Families', 'Aileler', 'العائلات', "Сім'ї"],
  [
    'Z05',
    'Seniorinnen und Senioren',
    'Older people',
    'Yaşlılar',
    'كبار السن',
    'Люди похилого віку',
  ],
  ['Z06', 'Zugewanderte', 'Immigrants', 'Göçmenler', 'المهاجرون', 'Мігранти'],
  [
    'Z07',
    'Menschen mit Behinderung',
    'People with disabilities',
    'Engelli bireyler',
    'الأشخاص ذوو الإعاقة',
    'Люди з інвалідністю',
  ],
  [
    'Z08',
    'Alleinerziehende',
    'Single parents',
    'Tek ebeveynler',
    'الآباء والأمهات الوحيدون',
    'Одинокі батьки',
  ],
  ['Z09', 'Arbeitsuchende', 'Jobseekers', 'İş arayanlar', 'الباحثون عن عمل', 'Шукачі роботи'],
].map(([code, de, en, tr, ar, uk]) => ({
  taxonomy: code!.startsWith('T') ? 'topic' : 'target_group',
  code: code!,
  de: de!,
  en: en!,
  tr: tr!,
  ar: ar!,
  uk: uk!,
}));

const LANGUAGE_NAMES: Record<string, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  uk: 'Ukrainisch',
  ru: 'Russisch',
  pl: 'Polnisch',
  fa: 'Persisch',
  ku: 'Kurdisch',
  bg: 'Bulgarisch',
  ro: 'Rumänisch',
  gsg: 'Deutsche Gebärdensprache',
};

function term(code: string) {
  const t = TERMS.find((x) => x.code === code);
  if (!t) throw new Error(`unknown term ${code}`);
  const kind = t.taxonomy === 'topic' ? 'Thema' : 'Zielgruppe';
  return {
    id: uid('term', t.code),
    code: t.code,
    name: t.de,
    description: `${kind} im Beispielverzeichnis: ${t.de}.`,
    taxonomy: t.taxonomy,
    translations: {
      ar: { name: t.ar },
      en: {
        name: t.en,
        description: `${t.taxonomy === 'topic' ? 'Topic' : 'Target group'} in the example directory: ${t.en}.`,
      },
      tr: { name: t.tr },
      uk: { name: t.uk },
    },
  };
}

const city = JSON.parse(readFileSync(`${dataDir}oberhausen-stadt-vg5000-2021.geojson`, 'utf8')) as {
  features: { geometry: Polygon | MultiPolygon }[];
};
const boundary = city.features[0]!.geometry;

/** A point near a centre (within about 600 m) that lies inside the city boundary. */
function pointNear([lat, lon]: [number, number]): [number, number] {
  for (let i = 0; i < 100; i += 1) {
    const p: [number, number] = [
      Math.round((lat + (random() * 2 - 1) * 0.005) * 1e6) / 1e6,
      Math.round((lon + (random() * 2 - 1) * 0.008) * 1e6) / 1e6,
    ];
    if (booleanPointInPolygon([p[1], p[0]], boundary)) return p;
  }
  throw new Error(`no point inside Oberhausen near ${lat}, ${lon}`);
}

function schedules(slug: string, rules: Rule[]) {
  return rules.map((r, i) => ({
    id: uid('schedule', slug, String(i)),
    freq: r.monthly ? 'MONTHLY' : 'WEEKLY',
    byday: r.days,
    opens_at: r.opens,
    closes_at: r.closes,
    ...(r.from ? { valid_from: r.from, valid_to: r.to } : {}),
    ...(r.note ? { description: r.note } : {}),
  }));
}

function service(s: ServiceSpec, areaCode: string, location: Record<string, unknown>) {
  const free = !s.cost;
  const served = s.citywide ? Object.keys(AREAS) : [areaCode];
  const translations: Record<string, { name: string; description: string }> = {};
  for (const [lang, [name, description]] of Object.entries(s.tr ?? {}))
    translations[lang] = {
      name,
      description: `${description} ${EXAMPLE[lang as keyof typeof EXAMPLE]}`,
    };
  return {
    id: uid('service', s.slug),
    name: s.name,
    description: `${s.description} ${EXAMPLE.de}`,
    ...(s.url ? { url: `https://example.org/oberhausen/${s.slug}` } : {}),
    email: `${s.slug}@example.org`,
    status: s.status ?? 'active',
    application_process:
      s.apply ?? 'Kommen Sie während der Öffnungszeiten vorbei oder schreiben Sie eine E-Mail.',
    fees_description: s.fees ?? (free ? 'Kostenlos.' : 'Siehe Kosten.'),
    ...(s.eligibility ? { eligibility_description: s.eligibility } : {}),
    ...(s.age?.[0] !== undefined ? { minimum_age: s.age[0] } : {}),
    ...(s.age?.[1] !== undefined ? { maximum_age: s.age[1] } : {}),
    assured_date: s.assured ?? '2026-09-15',
    assurer_email: 'redaktion@example.org',
    last_modified: s.modified ?? '2026-09-15T08:00:00.000Z',
    phones: [],
    schedules: schedules(s.slug, s.hours),
    service_areas: served.map((code) => ({
      id: stableUuid(uid('service', s.slug), 'service_area', 'oberhausen', code),
      name: AREAS[code]!.name,
    })),
    service_at_locations: [{ id: uid('service_at_location', s.slug), schedules: [], location }],
    languages: s.languages.map((code) => ({
      id: stableUuid(uid('service', s.slug), 'language', code),
      code,
      name: LANGUAGE_NAMES[code]!,
    })),
    cost_options: (s.cost ?? [['kostenlos', 0]]).map(([option, amount], i) => ({
      id: uid('cost_option', s.slug, String(i)),
      option,
      currency: 'EUR',
      amount,
    })),
    attributes: [...s.topics, ...s.groups].map((code) => {
      const t = term(code);
      return {
        id: stableUuid(uid('service', s.slug), 'attribute', t.id),
        link_id: uid('service', s.slug),
        link_entity: 'service',
        taxonomy_term_id: t.id,
        taxonomy_term: t,
      };
    }),
    ...(s.tr ? { translations } : {}),
  };
}

const organizations = PROVIDERS.map((p) => {
  const area = AREAS[p.area]!;
  const [latitude, longitude] = pointNear(area.centres[p.centre ?? 0]!);
  const locationId = uid('location', p.slug);
  const location = {
    id: locationId,
    location_type: 'physical',
    name: p.name.replace(/ e\. V\.$/, ''),
    latitude,
    longitude,
    addresses: [
      {
        id: uid('address', p.slug),
        address_1: `${area.streets[Math.floor(random() * area.streets.length)]} ${1 + Math.floor(random() * 140)}`,
        city: 'Oberhausen',
        state_province: 'Nordrhein-Westfalen',
        postal_code: area.postal,
        country: 'DE',
        address_type: 'physical',
      },
    ],
    accessibility: p.access.map((description, i) => ({
      id: stableUuid(locationId, 'accessibility', String(i)),
      description,
    })),
    phones: [],
    schedules: [],
  };
  return {
    id: uid('organization', p.slug),
    name: p.name,
    description: `${p.description} Beispieldaten: Dieser Träger ist erfunden.`,
    email: `kontakt-${p.slug}@example.org`,
    phones: [],
    locations: [location],
    services: p.services.map((s) => service(s, p.area, location)),
  };
});

const services = organizations.flatMap((o) => o.services);
const topics = new Set(services.flatMap((s) => s.attributes.map((a) => a.taxonomy_term.code)));
const inAreas = new Set(PROVIDERS.map((p) => p.area));
if (topics.size !== TERMS.length || inAreas.size !== Object.keys(AREAS).length)
  throw new Error('every topic, target group and Sozialraum needs at least one service');
writeFileSync(`${dataDir}angebote.json`, `${JSON.stringify(organizations, null, 2)}\n`);
console.log(`angebote.json: ${organizations.length} Träger, ${services.length} Angebote`);
