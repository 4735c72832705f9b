// Read use cases of the public directory: the search page and one entry, in the viewer's language
// (German as the source and fallback), with today's hours and "open now" in Europe/Berlin.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Translator } from '../../ui/i18n/index.ts';
import * as repo from './directory.repository.ts';
import { hasWeeklyHours, hoursOn, isOpenAt, type OpeningInterval } from './opening-hours.ts';
import type { SearchFormInput } from './schema.ts';
import { searchQuerySchema, searchServices, type SearchQueryInput } from './search.ts';
import { logSearch, searchLogEntry } from './search-log.ts';
import { loadChoices } from './search-choices.ts';
import { missedSearches } from './choices.repository.ts';
import type { EntryView, SearchView } from './view-model.ts';

export const pageSize = 20;
const staleAfterMs = 365 * 24 * 3600 * 1000;
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Text in the viewer's language, else German, else any. */
export function localText(text: Record<string, string> | null | undefined, locale: string): string {
  if (!text) return '';
  return text[locale] ?? text['de'] ?? Object.values(text)[0] ?? '';
}

export function formatHours(intervals: OpeningInterval[]): string | null {
  if (intervals.length === 0) return null;
  return intervals.map((i) => `${i.opens}–${i.closes}`).join(', ');
}

export async function viewSearch(
  database: Database,
  systemId: string,
  form: SearchFormInput,
  locale: string,
  now = new Date(),
): Promise<SearchView> {
  const choices = await loadChoices(database, systemId, locale);
  const area = form.sozialraum ? choices.areaIds.get(form.sozialraum) : undefined;
  if (form.sozialraum && area === undefined)
    throw new AppError('not_found', `Den Sozialraum „${form.sozialraum}“ gibt es nicht.`);
  const near =
    form.lat !== undefined && form.lon !== undefined ? { lat: form.lat, lon: form.lon } : undefined;
  const input: SearchQueryInput = {
    text: form.q || undefined,
    topic: form.thema,
    targetGroup: form.zielgruppe,
    age: form.alter ?? undefined,
    language: form.sprache,
    accessible: form.barrierefrei,
    free: form.kostenlos,
    openNow: form.offen,
    areaId: area,
    near,
    sort: form.sortierung === 'entfernung' && near ? 'distance' : 'relevance',
    limit: pageSize,
    offset: (form.seite - 1) * pageSize,
    now,
  };
  const result = await searchServices(database, input);
  const searched =
    form.q !== '' ||
    form.thema.length + form.zielgruppe.length + form.sprache.length > 0 ||
    form.alter !== null ||
    form.barrierefrei ||
    form.kostenlos ||
    form.offen ||
    area !== undefined;
  // Counted in aggregate for "what people could not find" (first pages only, so paging does not count twice).
  if (searched && form.seite === 1)
    await logSearch(database, searchLogEntry(searchQuerySchema.parse(input), result.total, now));
  return {
    form: {
      text: form.q,
      topic: form.thema,
      targetGroup: form.zielgruppe,
      age: form.alter,
      language: form.sprache,
      accessible: form.barrierefrei,
      free: form.kostenlos,
      openNow: form.offen,
      area: form.sozialraum,
      near: near ? { ...near, label: '' } : null,
      sort: form.sortierung === 'entfernung' && near ? 'distance' : 'relevance',
      page: form.seite,
    },
    choices: choices.lists,
    total: result.total,
    pageSize,
    items: result.items.map((i) => ({
      id: i.id,
      name: i.name,
      organisation: i.organisation.name,
      summary: i.description.length > 220 ? `${i.description.slice(0, 217)}…` : i.description,
      areaNames: i.areaNames,
      distanceKm: i.distanceKm,
      openNow: i.openNow,
      todayHours: formatHours(i.hoursToday),
      languages: i.languages.map((code) => choices.languageNames.get(code) ?? code),
      free: null,
      isExample: i.isExample,
    })),
    searched,
    example: result.items.some((i) => i.isExample) || choices.example,
  };
}

export async function viewEntry(
  database: Database,
  id: string,
  locale: string,
  t: Translator,
  now = new Date(),
): Promise<EntryView> {
  const full = await repo.findServiceFull(database.db, id);
  if (!full) throw new AppError('not_found', `Das Angebot „${id}“ gibt es nicht.`);
  const s = full.service;
  const schedules = [
    ...full.schedules,
    ...full.locations.flatMap((l) => [...l.schedules, ...l.location.schedules]),
  ];
  const weekly = hasWeeklyHours(schedules);
  const languageNames = (await loadChoices(database, null, locale)).languageNames;
  const hours: [string, string][] = [];
  if (weekly) {
    // The coming week from today, each weekday once, in the local calendar.
    for (let d = 0; d < 7; d++) {
      const day = new Date(now.getTime() + d * 24 * 3600 * 1000);
      const intervals = hoursOn(schedules, day, 'Europe/Berlin');
      const weekday = new Intl.DateTimeFormat('en-GB', {
        weekday: 'short',
        timeZone: 'Europe/Berlin',
      })
        .format(day)
        .slice(0, 2)
        .toUpperCase();
      hours.push([
        t(`dir.day.${days.find((x) => x === weekday) ?? 'MO'}`),
        formatHours(intervals) ?? t('dir.closed'),
      ]);
    }
  }
  const updated = s.textUpdatedAt ?? {};
  const translated = locale !== 'de' && s.name[locale] !== undefined;
  const costs = full.costOptions.map((c) =>
    [c.option, c.amount !== null ? `${c.amount} ${c.currency ?? 'EUR'}` : null, c.amountDescription]
      .filter(Boolean)
      .join(': '),
  );
  const free = full.costOptions.length > 0 ? full.costOptions.every((c) => c.amount === 0) : null;
  const age =
    s.minimumAge !== null && s.maximumAge !== null
      ? `${s.minimumAge}–${s.maximumAge}`
      : s.minimumAge !== null
        ? `ab ${s.minimumAge}`
        : s.maximumAge !== null
          ? `bis ${s.maximumAge}`
          : null;
  const phones = [...full.phones, ...full.locations.flatMap((l) => l.location.phones)];
  return {
    id: s.id,
    name: localText(s.name, locale),
    organisation: {
      name: full.organization.name,
      website: full.organization.website,
      email: full.organization.email,
    },
    description: localText(s.description, locale),
    applicationProcess: localText(s.applicationProcess, locale),
    eligibility: localText(s.eligibilityDescription, locale),
    fees: localText(s.feesDescription, locale),
    ageRange: age,
    url: s.url,
    email: s.email,
    phones: phones.map((p) => ({
      number: p.number,
      description: localText(p.description, locale),
    })),
    languages: full.languages.map((l) => languageNames.get(l.code) ?? l.name ?? l.code),
    costs,
    free,
    topics: full.taxonomyTerms
      .filter((x) => x.taxonomy === 'topic')
      .map((x) => localText(x.name, locale)),
    targetGroups: full.taxonomyTerms
      .filter((x) => x.taxonomy === 'target_group')
      .map((x) => localText(x.name, locale)),
    serviceAreas: full.serviceAreas.map((a) => a.name),
    locations: full.locations.map((l) => ({
      name: l.location.location.name,
      addressLines: l.location.addresses.map((a) =>
        [a.address1, a.address2, `${a.postalCode} ${a.city}`].filter(Boolean).join(', '),
      ),
      latitude: l.location.location.latitude,
      longitude: l.location.location.longitude,
      transportation: l.location.location.transportation,
      accessibility: l.location.location.accessibility.map((x) => x.description),
      areaName: l.location.area?.name ?? null,
    })),
    hours,
    todayHours: weekly ? formatHours(hoursOn(schedules, now, 'Europe/Berlin')) : null,
    openNow: weekly ? isOpenAt(schedules, now) : null,
    assuredDate: s.assuredDate,
    lastModified: s.lastModified,
    stale: !s.assuredDate || now.getTime() - s.assuredDate.getTime() > staleAfterMs,
    translationOutdated:
      translated && updated[locale] !== undefined && updated['de'] !== undefined
        ? updated[locale]! < updated['de']!
        : false,
    untranslated: locale !== 'de' && !translated,
    status: s.status,
    isExample: s.isExample || full.organization.isExample,
  };
}

/** Searches with no or few results in the last days, for the staff page. */
export async function viewMissedSearches(database: Database, days: number, maxResults: number) {
  const since = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return { rows: await missedSearches(database.db, since, maxResults), days, maxResults };
}
