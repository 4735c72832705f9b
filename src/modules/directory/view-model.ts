// What the directory's use cases hand to presenters: texts already in the viewer's language (with
// the German source as fallback and a flag where a translation is older than it).

export interface Choice {
  value: string;
  label: string;
}

export interface SearchForm {
  text: string;
  topic: string[];
  targetGroup: string[];
  age: number | null;
  language: string[];
  accessible: boolean;
  free: boolean;
  openNow: boolean;
  /** Code of the Sozialraum the offering serves. */
  area: string;
  near: { lat: number; lon: number; label: string } | null;
  sort: 'relevance' | 'distance';
  page: number;
}

export interface SearchItem {
  id: string;
  name: string;
  organisation: string;
  summary: string;
  areaNames: string[];
  distanceKm: number | null;
  openNow: boolean | null;
  todayHours: string | null;
  languages: string[];
  free: boolean | null;
  isExample: boolean;
}

export interface SearchView {
  form: SearchForm;
  choices: {
    topics: Choice[];
    targetGroups: Choice[];
    languages: Choice[];
    areas: Choice[];
  };
  total: number;
  pageSize: number;
  items: SearchItem[];
  /** The query was searched (a term or a filter was given). */
  searched: boolean;
  example: boolean;
}

export interface EntryLocation {
  name: string | null;
  addressLines: string[];
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string[];
  areaName: string | null;
}

export interface EntryView {
  id: string;
  name: string;
  organisation: { name: string; website: string | null; email: string | null };
  description: string;
  applicationProcess: string;
  eligibility: string;
  fees: string;
  ageRange: string | null;
  url: string | null;
  email: string | null;
  phones: { number: string; description: string }[];
  languages: string[];
  costs: string[];
  free: boolean | null;
  topics: string[];
  targetGroups: string[];
  serviceAreas: string[];
  locations: EntryLocation[];
  /** Weekly opening hours per day in the viewer's language: [["Montag", "9:00–12:00"], …]. */
  hours: [string, string][];
  todayHours: string | null;
  openNow: boolean | null;
  assuredDate: Date | null;
  lastModified: Date;
  /** Not verified for 12 months: "nicht aktuell geprüft". */
  stale: boolean;
  /** The shown translation is older than the German source. */
  translationOutdated: boolean;
  /** Shown in German because there is no translation into the viewer's language. */
  untranslated: boolean;
  status: string;
  isExample: boolean;
}
