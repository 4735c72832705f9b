// The choices of the search form in the viewer's language: topics, target groups, languages, Sozialräume.
import type { Database } from '../../db/client.ts';
import * as repo from './choices.repository.ts';
import type { Choice } from './view-model.ts';

export interface SearchChoices {
  lists: { topics: Choice[]; targetGroups: Choice[]; languages: Choice[]; areas: Choice[] };
  areaIds: Map<string, number>;
  languageNames: Map<string, string>;
  example: boolean;
}

export async function loadChoices(
  database: Database,
  systemId: string | null,
  locale: string,
): Promise<SearchChoices> {
  const terms = await repo.termsOf(database.db);
  const label = (name: Record<string, string>) =>
    name[locale] ?? name['de'] ?? Object.values(name)[0] ?? '';
  const names = new Intl.DisplayNames([locale, 'de'], { type: 'language' });
  const codes = await repo.languageCodes(database.db);
  const languageNames = new Map(
    codes.map((c) => {
      let name = c.code;
      try {
        name = names.of(c.code) ?? c.code;
      } catch {
        // an unknown code stays as it is
      }
      return [c.code, name];
    }),
  );
  const areas = await repo.servedAreas(database.db, systemId);
  return {
    lists: {
      topics: terms
        .filter((x) => x.taxonomy === 'topic')
        .map((x) => ({ value: x.id, label: label(x.name) })),
      targetGroups: terms
        .filter((x) => x.taxonomy === 'target_group')
        .map((x) => ({ value: x.id, label: label(x.name) })),
      languages: codes.map((c) => ({ value: c.code, label: languageNames.get(c.code) ?? c.code })),
      areas: areas.map((a) => ({ value: a.code, label: a.name })),
    },
    areaIds: new Map(areas.map((a) => [a.code, a.id])),
    languageNames,
    example: await repo.anyExample(database.db),
  };
}
