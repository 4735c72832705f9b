// Reads HSDS 3.1 JSON (a record, a list or an HSDA page) into rows: organisations, services, service at locations, terms.
import {
  createReader,
  isObject,
  location,
  phone,
  schedule,
  type GraphOptions,
  type HsdsGraph,
  type Reader,
  type Where,
} from './hsds-reader.ts';
import * as s from './hsds-schema.ts';

export type { GraphOptions, HsdsGraph } from './hsds-reader.ts';

export function buildGraph(json: unknown, options: GraphOptions): HsdsGraph {
  const r = createReader(options);
  const g = r.g;
  const items = Array.isArray(json)
    ? json
    : isObject(json) && Array.isArray(json['contents'])
      ? json['contents']
      : [json];
  if (items.length === 0)
    g.problems.push({ file: options.fileName, message: 'Die Datei enthält keine Einträge.' });
  items.forEach((raw, i) => {
    r.row = i + 1;
    const kind = kindOf(raw);
    const at = r.where(kind, raw, undefined, i);
    if (kind === 'service') service(r, raw, at);
    else if (kind === 'service_at_location') serviceAtLocation(r, raw, at, undefined, null);
    else if (kind === 'taxonomy_term') term(r, raw, at);
    else organization(r, raw, at);
  });
  for (const [id, org] of r.locationOrg) {
    const loc = g.locations.get(id);
    if (loc) loc.organizationId = org.id;
  }
  // Records referenced by id may be defined elsewhere in the same file.
  g.references = g.references.filter(
    (ref) =>
      !(
        ref.table === 'taxonomy_terms'
          ? g.taxonomyTerms
          : ref.table === 'services'
            ? g.services
            : ref.table === 'locations'
              ? g.locations
              : g.organizations
      ).has(ref.id),
  );
  return g;
}

/** What a top-level record is: HSDS files do not say, the fields do. */
function kindOf(
  raw: unknown,
): 'organization' | 'service' | 'service_at_location' | 'taxonomy_term' {
  if (!isObject(raw)) return 'organization';
  if ('service' in raw && ('location' in raw || 'location_id' in raw)) return 'service_at_location';
  if (['status', 'organization', 'organization_id', 'service_at_locations'].some((k) => k in raw))
    return 'service';
  if (['services', 'locations', 'website', 'legal_status'].some((k) => k in raw))
    return 'organization';
  if (['taxonomy', 'taxonomy_detail', 'taxonomy_id', 'term_uri', 'parent_id'].some((k) => k in raw))
    return 'taxonomy_term';
  return 'organization';
}

export function term(r: Reader, raw: unknown, at: Where): string | undefined {
  const t = r.parse(s.taxonomyTermSchema, raw, at);
  if (!t) return undefined;
  r.checkTranslations(t.translations, at);
  r.put(
    r.g.taxonomyTerms,
    {
      id: t.id,
      taxonomy: t.taxonomy ?? t.taxonomy_detail?.name ?? t.taxonomy_id ?? '',
      code: t.code ?? null,
      name: r.local(t.name, t.translations, 'name'),
      description: r.local(t.description, t.translations, 'description'),
      parentId: t.parent_id ?? null,
    },
    at,
  );
  return t.id;
}

export function organization(r: Reader, raw: unknown, at: Where): string | undefined {
  const o = r.parse(s.organizationSchema, raw, at);
  if (!o) return undefined;
  r.checkTranslations(o.translations, at);
  r.put(
    r.g.organizations,
    {
      id: o.id,
      name: o.name,
      description: r.local(o.description, o.translations, 'description'),
      email: o.email ?? null,
      website: o.website ?? null,
      isExample: r.options.isExample,
    },
    at,
  );
  if (o.phones) r.listed(r.g.phonesBy.organization, o.id);
  r.each(o.phones, 'phone', at, (p, pAt) =>
    r.listed(r.g.phonesBy.organization, o.id, phone(r, p, pAt, { organizationId: o.id })),
  );
  r.each(o.locations, 'location', at, (l, lAt) => location(r, l, lAt, o.id, 1));
  r.each(o.services, 'service', at, (v, vAt) => service(r, v, vAt, o.id));
  return o.id;
}

export function serviceAtLocation(
  r: Reader,
  raw: unknown,
  at: Where,
  serviceId: string | undefined,
  organizationId: string | null,
): string | undefined {
  const sal = r.parse(s.serviceAtLocationSchema, raw, at);
  if (!sal) return undefined;
  const nestedService = sal.service
    ? service(r, sal.service, r.where('service', sal.service, at))
    : undefined;
  const sid = serviceId ?? nestedService ?? sal.service_id;
  if (serviceId && sal.service_id && sal.service_id !== serviceId)
    r.problem(at, 'service_id', `widerspricht dem umgebenden service ${serviceId}`);
  if (!sid) {
    r.problem(at, 'service_id', 'fehlt (zu welchem Angebot gehört der Standort?)');
    return undefined;
  }
  if (!serviceId && !nestedService && !r.g.services.has(sid))
    r.g.references.push({ table: 'services', id: sid, at });
  const orgId = organizationId ?? r.g.services.get(sid)?.organizationId ?? null;
  const nested = sal.location
    ? location(r, sal.location, r.where('location', sal.location, at), orgId, 0)
    : undefined;
  // A nested location that failed has been reported already.
  if (sal.location && !nested) return undefined;
  const lid = nested ?? sal.location_id;
  if (nested && sal.location_id && sal.location_id !== nested)
    r.problem(at, 'location_id', `widerspricht der enthaltenen location ${nested}`);
  if (!lid) {
    r.problem(at, 'location_id', 'fehlt (location oder location_id)');
    return undefined;
  }
  if (!nested && !r.g.locations.has(lid)) r.g.references.push({ table: 'locations', id: lid, at });
  r.put(
    r.g.serviceAtLocations,
    {
      id: sal.id,
      serviceId: sid,
      locationId: lid,
      description: r.local(sal.description, undefined, 'description'),
    },
    at,
    ['serviceId', 'locationId'],
  );
  if (sal.schedules) r.listed(r.g.schedulesBy.serviceAtLocation, sal.id);
  r.each(sal.schedules, 'schedule', at, (h, hAt) =>
    r.listed(
      r.g.schedulesBy.serviceAtLocation,
      sal.id,
      schedule(r, h, hAt, { serviceAtLocationId: sal.id }),
    ),
  );
  return sal.id;
}

export function service(
  r: Reader,
  raw: unknown,
  at: Where,
  organizationId?: string,
): string | undefined {
  const v = r.parse(s.serviceSchema, raw, at);
  if (!v) return undefined;
  const nestedOrg = v.organization
    ? organization(r, v.organization, r.where('organization', v.organization, at))
    : undefined;
  if (nestedOrg && v.organization_id && nestedOrg !== v.organization_id)
    r.problem(at, 'organization_id', `widerspricht der enthaltenen organization ${nestedOrg}`);
  if (organizationId && (nestedOrg ?? v.organization_id ?? organizationId) !== organizationId)
    r.problem(at, 'organization_id', `widerspricht der umgebenden organization ${organizationId}`);
  const orgId = nestedOrg ?? v.organization_id ?? organizationId;
  r.checkTranslations(v.translations, at);
  if (!orgId) r.problem(at, 'organization', 'fehlt (organization oder organization_id)');
  else if (!nestedOrg && !organizationId && !r.g.organizations.has(orgId))
    r.g.references.push({ table: 'organizations', id: orgId, at });
  if (v.minimum_age !== undefined && v.maximum_age !== undefined && v.minimum_age > v.maximum_age)
    r.problem(at, 'maximum_age', `ist kleiner als minimum_age (${v.minimum_age})`);
  const tr = v.translations;
  r.put(
    r.g.services,
    {
      id: v.id,
      organizationId: orgId ?? '',
      name: r.local(v.name, tr, 'name'),
      alternateName: v.alternate_name ?? null,
      description: r.local(v.description, tr, 'description'),
      url: v.url ?? null,
      email: v.email ?? null,
      status: v.status,
      applicationProcess: r.local(v.application_process, tr, 'application_process'),
      eligibilityDescription: r.local(v.eligibility_description, tr, 'eligibility_description'),
      feesDescription: r.local(v.fees_description, tr, 'fees_description'),
      minimumAge: v.minimum_age ?? null,
      maximumAge: v.maximum_age ?? null,
      assuredDate: v.assured_date ? new Date(`${v.assured_date}T00:00:00Z`) : null,
      assurerEmail: v.assurer_email ?? null,
      isExample: r.options.isExample,
      ...(v.last_modified ? { lastModified: new Date(v.last_modified) } : {}),
    },
    at,
    ['organizationId'],
  );
  const id = v.id;
  if (v.phones) r.listed(r.g.phonesBy.service, id);
  r.each(v.phones, 'phone', at, (p, pAt) =>
    r.listed(r.g.phonesBy.service, id, phone(r, p, pAt, { serviceId: id })),
  );
  if (v.schedules) r.listed(r.g.schedulesBy.service, id);
  r.each(v.schedules, 'schedule', at, (h, hAt) =>
    r.listed(r.g.schedulesBy.service, id, schedule(r, h, hAt, { serviceId: id })),
  );
  if (v.service_at_locations) r.listed(r.g.salsByService, id);
  r.each(v.service_at_locations, 'service_at_location', at, (sal, sAt) =>
    r.listed(r.g.salsByService, id, serviceAtLocation(r, sal, sAt, id, orgId ?? null)),
  );
  if (v.languages) {
    const langs = r.g.languagesByService.get(id) ?? new Map<string, string | null>();
    r.each(v.languages, 'language', at, (l, lAt) => {
      const d = r.parse(s.languageSchema, l, lAt);
      if (d && !langs.has(d.code)) langs.set(d.code, d.name ?? null);
    });
    r.g.languagesByService.set(id, langs);
  }
  if (v.cost_options) r.listed(r.g.costOptionsByService, id);
  r.each(v.cost_options, 'cost_option', at, (c, cAt) => {
    const d = r.parse(s.costOptionSchema, c, cAt);
    if (!d) return;
    r.listed(r.g.costOptionsByService, id, d.id);
    r.put(
      r.g.costOptions,
      {
        id: d.id,
        serviceId: id,
        option: d.option ?? null,
        amount: d.amount ?? null,
        currency: d.currency ?? null,
        amountDescription: d.amount_description ?? null,
      },
      cAt,
      ['serviceId'],
    );
  });
  if (v.service_areas) {
    const names = r.g.areaNamesByService.get(id) ?? [];
    r.each(v.service_areas, 'service_area', at, (a, aAt) => {
      const d = r.parse(s.serviceAreaSchema, a, aAt);
      if (d?.name) names.push({ name: d.name, label: aAt.label });
    });
    r.g.areaNamesByService.set(id, names);
  }
  if (v.attributes) {
    const terms = r.g.termsByService.get(id) ?? new Set<string>();
    r.each(v.attributes, 'attribute', at, (a, aAt) => {
      const d = r.parse(s.attributeSchema, a, aAt);
      if (!d) return;
      const nested = d.taxonomy_term
        ? term(r, d.taxonomy_term, r.where('taxonomy_term', d.taxonomy_term, aAt))
        : undefined;
      if (nested && d.taxonomy_term_id && nested !== d.taxonomy_term_id)
        r.problem(aAt, 'taxonomy_term_id', `widerspricht dem enthaltenen taxonomy_term ${nested}`);
      const termId = nested ?? d.taxonomy_term_id;
      if (!termId) return;
      if (!nested)
        r.g.references.push({
          table: 'taxonomy_terms',
          id: termId,
          at: { row: aAt.row, label: aAt.label },
        });
      terms.add(termId);
    });
    r.g.termsByService.set(id, terms);
  }
  return id;
}
