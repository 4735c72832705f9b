// English catalogue (started): keys missing here fall back to German.
import type { MessageKey } from './de.ts';

export const en: Partial<Record<MessageKey, string>> = {
  'site.name': 'Social Space Platform',
  'site.tagline': 'From data to deeds – social-space work in Oberhausen',
  'site.instance': 'Development and example instance',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.areas': 'Areas',
  'nav.map': 'Map',
  'nav.easy': 'Easy German',
  'skip.main': 'Skip to content',
  'lang.label': 'Language',
  'footer.label': 'Legal information and accessibility',
  'footer.imprint': 'Legal notice',
  'footer.privacy': 'Privacy',
  'footer.accessibility': 'Accessibility statement',
  'footer.barrier': 'Report a barrier',
  'footer.easy': 'Easy German (Leichte Sprache)',
  'footer.licence': 'Free software under EUPL-1.2. Data sources are named on every page.',
  'example.badge': 'Example data – not official figures',
  'home.title': 'Social Space Platform',
  'home.lead':
    "Oberhausen's social report shows that poverty risk and disadvantage are unevenly spread over its six social spaces. In expert dialogues, professionals from administration, schools and welfare associations agree on what must change. This platform connects the data, the support offerings and the dialogues – from data to deeds.",
  'home.pillars': 'The three pillars',
  'home.monitoring.title': 'Monitoring',
  'home.monitoring.text':
    'Indicators per area over time, the status and dynamics index, profiles, maps and downloads. Available today: area systems with boundaries and population.',
  'home.monitoring.link': 'View areas and maps',
  'home.directory.title': 'Support offerings',
  'home.directory.text':
    'A public, multilingual, accessible directory of support and counselling offerings. This section is being built.',
  'home.dialogues.title': 'Dialogues',
  'home.dialogues.text':
    'Expert dialogues per social space: events, registration, thematic tables, results and measures. This section is being built.',
  'home.status.soon': 'Being built',
  'home.status.available': 'Available',
  'areas.title': 'Area systems',
  'area.population': 'Population',
  'area.children': 'Sub-areas ({level})',
  'area.map': 'Map',
  'error.notFound': 'This page does not exist.',
  'error.back': 'Back to the home page',
};
