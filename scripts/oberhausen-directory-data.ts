// The invented providers and services of the Oberhausen example directory (see make-oberhausen-directory.ts).
export interface Rule {
  days: string;
  opens: string;
  closes: string;
  monthly?: boolean;
  from?: string;
  to?: string;
  note?: string;
}
export interface ServiceSpec {
  slug: string;
  name: string;
  description: string;
  topics: string[];
  groups: string[];
  hours: Rule[];
  languages: string[];
  /** [option, amount in EUR]; none = free. */
  cost?: [string, number][];
  fees?: string;
  age?: [number | undefined, number?];
  apply?: string;
  eligibility?: string;
  citywide?: boolean;
  status?: string;
  url?: boolean;
  assured?: string;
  modified?: string;
  /** Name and description in further languages. */
  tr?: Record<string, [string, string]>;
}
export interface ProviderSpec {
  slug: string;
  name: string;
  area: string;
  centre?: number;
  description: string;
  access: string[];
  services: ServiceSpec[];
}

const WEEKDAYS = 'MO,TU,WE,TH,FR';
const h = (days: string, opens: string, closes: string, extra: Partial<Rule> = {}): Rule => ({
  days,
  opens,
  closes,
  ...extra,
});
const STEPFREE = 'Stufenloser Zugang';
const WC = 'Rollstuhlgerechtes WC';
const LIFT = 'Aufzug';
const LOOP = 'Induktionsschleife für Hörgeräte';
const EASY = 'Informationen in Leichter Sprache';
const STEPS = 'Zugang über drei Stufen, keine Rampe';
const SUMMER = { from: '2026-07-20', to: '2026-08-28' };

export const PROVIDERS: ProviderSpec[] = [
  // Osterfeld
  {
    slug: 'beratung-vestische',
    name: 'Beratungsstelle Vestische Straße e. V.',
    area: 'sr-osterfeld',
    description:
      'Gemeinnütziger Verein für Sozial- und Schuldnerberatung im Stadtbezirk Osterfeld.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'schuldnerberatung-osterfeld',
        name: 'Schuldnerberatung Osterfeld',
        description:
          'Beratung bei Schulden und drohender Überschuldung: Wir verschaffen Ihnen einen Überblick über Ihre Finanzen, verhandeln mit Gläubigern, helfen beim Pfändungsschutzkonto und begleiten Sie auf dem Weg in die Verbraucherinsolvenz.',
        topics: ['T01'],
        groups: ['Z09', 'Z04', 'Z08'],
        hours: [
          h(WEEKDAYS, '09:00', '12:00'),
          h('TU,TH', '14:00', '17:00', { note: 'Nachmittags nur mit Termin.' }),
        ],
        languages: ['de', 'tr', 'ar'],
        age: [18],
        url: true,
        apply:
          'Offene Sprechstunde am Vormittag ohne Anmeldung; für die ausführliche Beratung vereinbaren wir einen Termin.',
        eligibility: 'Für Menschen mit Wohnsitz in Oberhausen.',
        tr: {
          en: [
            'Debt counselling Osterfeld',
            'Advice on debt and over-indebtedness: we help you get an overview of your finances, negotiate with creditors, help with a protected account and accompany you through personal insolvency.',
          ],
          tr: [
            'Osterfeld borç danışmanlığı',
            'Borç ve aşırı borçlanma konusunda danışmanlık: Mali durumunuza genel bir bakış sağlıyor, alacaklılarla görüşüyor ve kişisel iflas sürecinde size eşlik ediyoruz.',
          ],
          ar: [
            'استشارات الديون في أوسترفيلد',
            'استشارة في حالة الديون والإفراط في الاستدانة: نساعدك على فهم وضعك المالي، ونتفاوض مع الدائنين، ونرافقك في إجراءات الإعسار الشخصي.',
          ],
          uk: [
            'Консультації щодо боргів в Остерфельді',
            'Консультації щодо боргів і надмірної заборгованості: ми допомагаємо скласти огляд ваших фінансів, ведемо переговори з кредиторами та супроводжуємо вас у процедурі особистого банкрутства.',
          ],
        },
      },
      {
        slug: 'energieschulden-sprechstunde',
        name: 'Sprechstunde Energieschulden',
        description:
          'Hilfe bei hohen Nachzahlungen für Strom und Heizung und bei drohender Sperre: Wir prüfen Abrechnungen, vereinbaren Ratenzahlungen und zeigen Wege zu Sozialleistungen.',
        topics: ['T01', 'T08'],
        groups: ['Z04', 'Z05'],
        hours: [h('WE', '15:00', '18:00')],
        languages: ['de', 'ru'],
        age: [18],
        assured: '2025-06-10',
        modified: '2025-06-10T09:00:00.000Z',
      },
    ],
  },
  {
    slug: 'familientreff-rothebusch',
    name: 'Familientreff Rothebusch',
    area: 'sr-osterfeld',
    centre: 1,
    description: 'Offener Treffpunkt für Familien mit kleinen Kindern.',
    access: [STEPFREE, WC, EASY],
    services: [
      {
        slug: 'eltern-kind-cafe',
        name: 'Eltern-Kind-Café',
        description:
          'Frühstück, Spielen und Austausch für Eltern mit Kindern bis sechs Jahren. Fachkräfte beantworten Fragen rund um Erziehung, Kita und Gesundheit.',
        topics: ['T02', 'T12'],
        groups: ['Z03', 'Z01', 'Z04'],
        hours: [h('MO,WE,FR', '09:00', '12:00', { note: 'In den Sommerferien geschlossen.' })],
        languages: ['de', 'tr', 'ar', 'uk'],
        age: [0, 6],
        apply: 'Ohne Anmeldung.',
        tr: {
          en: [
            'Parent and child café',
            'Breakfast, play and exchange for parents with children up to six. Professionals answer questions about parenting, day care and health.',
          ],
          uk: [
            'Кафе для батьків і дітей',
            'Сніданок, ігри та спілкування для батьків із дітьми до шести років. Фахівці відповідають на запитання про виховання, дитсадок і здоровʼя.',
          ],
        },
      },
      {
        slug: 'hebammensprechstunde',
        name: 'Hebammensprechstunde',
        description:
          'Eine Hebamme berät Schwangere und junge Eltern zu Geburt, Stillen und den ersten Lebensmonaten.',
        topics: ['T06', 'T02'],
        groups: ['Z03', 'Z04'],
        hours: [h('TU', '10:00', '12:00')],
        languages: ['de', 'en', 'pl'],
      },
    ],
  },
  {
    slug: 'jugendhaus-gildenhof',
    name: 'Jugendhaus Gildenhof',
    area: 'sr-osterfeld',
    description: 'Offene Kinder- und Jugendarbeit in Osterfeld.',
    access: [STEPFREE],
    services: [
      {
        slug: 'offener-treff-osterfeld',
        name: 'Offener Jugendtreff',
        description:
          'Billard, Kicker, Musik, Kochen und jemand zum Reden: Treffpunkt für Jugendliche mit Ausflügen in den Ferien.',
        topics: ['T03', 'T12'],
        groups: ['Z02'],
        hours: [h('MO,TU,WE,TH', '14:00', '19:00'), h('FR', '14:00', '21:00')],
        languages: ['de', 'tr', 'ar'],
        age: [12, 21],
        apply: 'Einfach vorbeikommen.',
      },
      {
        slug: 'hausaufgabenhilfe-osterfeld',
        name: 'Hausaufgabenhilfe',
        description:
          'Ehrenamtliche unterstützen Schulkinder bei Hausaufgaben und beim Lernen für Klassenarbeiten.',
        topics: ['T04'],
        groups: ['Z01', 'Z02'],
        hours: [h('MO,TU,WE,TH', '14:00', '16:30')],
        languages: ['de', 'ar'],
        age: [6, 14],
        apply: 'Anmeldung durch die Eltern im Jugendhaus.',
      },
    ],
  },
  {
    slug: 'eisenheimer-runde',
    name: 'Nachbarschaftsverein Eisenheimer Runde e. V.',
    area: 'sr-osterfeld',
    description: 'Ehrenamtlicher Verein für gute Nachbarschaft.',
    access: [STEPS],
    services: [
      {
        slug: 'repair-cafe-osterfeld',
        name: 'Repair-Café',
        description:
          'Gemeinsam reparieren statt wegwerfen: Ehrenamtliche helfen bei Elektrogeräten, Fahrrädern und Kleidung.',
        topics: ['T12'],
        groups: ['Z05', 'Z04'],
        hours: [h('SA', '10:00', '14:00')],
        languages: ['de'],
        status: 'temporarily closed',
        fees: 'Kostenlos, Spenden sind willkommen. Wegen Umbau vorübergehend geschlossen.',
      },
      {
        slug: 'seniorentreff-osterfeld',
        name: 'Seniorentreff am Nachmittag',
        description:
          'Kaffee, Kuchen, Gesellschaftsspiele und Vorträge für ältere Menschen aus der Nachbarschaft.',
        topics: ['T07', 'T12'],
        groups: ['Z05'],
        hours: [h('TU,TH', '14:00', '17:00')],
        languages: ['de', 'pl'],
        age: [60],
        cost: [['Kostenbeitrag je Nachmittag', 2]],
        fees: '2 € je Nachmittag für Kaffee und Kuchen.',
      },
    ],
  },
  {
    slug: 'sprachwerkstatt-osterfeld',
    name: 'Sprachwerkstatt Osterfeld e. V.',
    area: 'sr-osterfeld',
    centre: 1,
    description: 'Sprachkurse und Beratung für Zugewanderte.',
    access: [STEPFREE, LIFT, WC],
    services: [
      {
        slug: 'deutschkurs-frauen',
        name: 'Deutschkurs für Frauen mit Kinderbetreuung',
        description:
          'Deutsch lernen in kleinen Gruppen, während die Kinder nebenan betreut werden. Einstieg jederzeit möglich.',
        topics: ['T09', 'T04'],
        groups: ['Z06', 'Z03'],
        hours: [h('MO,WE', '09:00', '11:30')],
        languages: ['de', 'ar', 'tr', 'fa', 'uk'],
        age: [18],
        apply: 'Anmeldung im Büro oder per E-Mail.',
        tr: {
          ar: [
            'دورة لغة ألمانية للنساء مع رعاية الأطفال',
            'تعلّم اللغة الألمانية في مجموعات صغيرة بينما يتم الاعتناء بالأطفال في الغرفة المجاورة. يمكن الانضمام في أي وقت.',
          ],
          uk: [
            'Курс німецької для жінок із доглядом за дітьми',
            'Вивчення німецької в малих групах, поки за дітьми доглядають поруч. Приєднатися можна будь-коли.',
          ],
          tr: [
            'Çocuk bakımlı kadınlar için Almanca kursu',
            'Çocuklarınız yan odada bakılırken küçük gruplarda Almanca öğrenin. Kursa her zaman katılabilirsiniz.',
          ],
        },
      },
      {
        slug: 'migrationsberatung-osterfeld',
        name: 'Migrationsberatung für Erwachsene',
        description:
          'Beratung zu Aufenthalt, Sprachkursen, Arbeit, Wohnung und Behördenpost für Menschen, die nach Deutschland gekommen sind.',
        topics: ['T09', 'T05'],
        groups: ['Z06'],
        hours: [h('TU,TH', '09:00', '13:00')],
        languages: ['de', 'ar', 'ru', 'uk', 'fa'],
        age: [18],
        tr: {
          ar: [
            'استشارات الهجرة للبالغين',
            'استشارة حول الإقامة ودورات اللغة والعمل والسكن ورسائل الدوائر الرسمية للقادمين إلى ألمانيا.',
          ],
          uk: [
            'Міграційні консультації для дорослих',
            'Консультації щодо перебування, мовних курсів, роботи, житла та листів від установ для людей, які приїхали до Німеччини.',
          ],
          en: [
            'Migration counselling for adults',
            'Advice on residence, language courses, work, housing and letters from authorities for people who have come to Germany.',
          ],
        },
      },
    ],
  },
  // Sterkrade-Mitte
  {
    slug: 'bildungsforum-sterkrade',
    name: 'Bildungsforum Sterkrade e. V.',
    area: 'sr-sterkrade-mitte',
    description: 'Weiterbildung für alle Generationen.',
    access: [STEPFREE, LIFT, WC, LOOP],
    services: [
      {
        slug: 'lernwerkstatt-abschluesse',
        name: 'Lernwerkstatt für Schulabschlüsse',
        description:
          'Vorbereitung auf den Hauptschul- und den mittleren Schulabschluss am Abend, mit Lernbegleitung.',
        topics: ['T04', 'T05'],
        groups: ['Z02', 'Z09'],
        hours: [h('MO,WE', '17:30', '20:00')],
        languages: ['de', 'tr'],
        age: [16, 27],
        cost: [
          ['Kursgebühr je Halbjahr', 25],
          ['ermäßigt bei geringem Einkommen', 0],
        ],
        fees: '25 € je Halbjahr; bei geringem Einkommen kostenlos.',
      },
      {
        slug: 'computerkurs-aeltere',
        name: 'Computer- und Smartphonekurs für Ältere',
        description:
          'Schritt für Schritt: Nachrichten schreiben, Videotelefonie, Online-Termine und sicheres Surfen.',
        topics: ['T04', 'T07'],
        groups: ['Z05'],
        hours: [h('TU', '10:00', '12:00')],
        languages: ['de'],
        age: [60],
        cost: [['Kursgebühr', 15]],
        fees: '15 € für vier Termine.',
      },
    ],
  },
  {
    slug: 'erwerbslosentreff-ring',
    name: 'Erwerbslosentreff Am Ring e. V.',
    area: 'sr-sterkrade-mitte',
    description: 'Treffpunkt und Beratung für Menschen ohne Arbeit.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'bewerbungswerkstatt',
        name: 'Bewerbungswerkstatt',
        description:
          'Lebenslauf, Anschreiben und Vorbereitung auf Vorstellungsgespräche, mit Computerplätzen und Drucker.',
        topics: ['T05'],
        groups: ['Z09'],
        hours: [h('MO,TU,WE,TH', '09:00', '13:00')],
        languages: ['de', 'tr', 'ar', 'ru'],
        age: [18],
        tr: {
          en: [
            'Job application workshop',
            'CV, cover letter and interview preparation, with computers and a printer.',
          ],
          tr: [
            'Başvuru atölyesi',
            'Özgeçmiş, ön yazı ve iş görüşmesine hazırlık; bilgisayar ve yazıcı mevcuttur.',
          ],
        },
      },
      {
        slug: 'sozialleistungsberatung',
        name: 'Beratung zu Bürgergeld und Sozialleistungen',
        description:
          'Wir erklären Bescheide, helfen bei Anträgen und Widersprüchen und prüfen, welche Leistungen Ihnen zustehen.',
        topics: ['T01', 'T05'],
        groups: ['Z09', 'Z08'],
        hours: [h('TU,TH', '09:00', '12:00'), h('TH', '16:00', '18:00')],
        languages: ['de', 'ar', 'pl'],
      },
    ],
  },
  {
    slug: 'gesundheitsladen-sterkrade',
    name: 'Gesundheitsladen Sterkrade e. V.',
    area: 'sr-sterkrade-mitte',
    description: 'Unabhängige Gesundheitsinformation und Selbsthilfe.',
    access: [STEPFREE],
    services: [
      {
        slug: 'sprechstunde-ohne-versicherung',
        name: 'Sprechstunde für Menschen ohne Krankenversicherung',
        description:
          'Ehrenamtliche Ärztinnen und Ärzte behandeln anonym und vermitteln Wege zurück in die Krankenversicherung.',
        topics: ['T06'],
        groups: ['Z06'],
        hours: [h('WE', '14:00', '17:00')],
        languages: ['de', 'en', 'bg', 'ro'],
        apply: 'Ohne Termin, anonym.',
      },
      {
        slug: 'selbsthilfe-kontaktstelle',
        name: 'Kontaktstelle für Selbsthilfegruppen',
        description:
          'Wir vermitteln in Selbsthilfegruppen zu Krankheit, Sucht, Trauer und Lebenskrisen und helfen bei der Gründung neuer Gruppen.',
        topics: ['T06', 'T10'],
        groups: ['Z04'],
        hours: [h('MO,WE', '10:00', '13:00'), h('TH', '15:00', '18:00')],
        languages: ['de'],
      },
    ],
  },
  {
    slug: 'inklusionswerk-sterkrade',
    name: 'Inklusionswerk Sterkrade e. V.',
    area: 'sr-sterkrade-mitte',
    description: 'Beratung und Freizeit für Menschen mit und ohne Behinderung.',
    access: [STEPFREE, LIFT, WC, LOOP, EASY],
    services: [
      {
        slug: 'teilhabeberatung',
        name: 'Teilhabeberatung für Menschen mit Behinderung',
        description:
          'Beratung von Betroffenen für Betroffene zu Reha, Assistenz, Eingliederungshilfe und Schwerbehindertenausweis, auch in Gebärdensprache.',
        topics: ['T11'],
        groups: ['Z07'],
        hours: [h('MO,WE,FR', '10:00', '14:00')],
        languages: ['de', 'gsg'],
      },
      {
        slug: 'inklusive-sportgruppe',
        name: 'Inklusive Sportgruppe',
        description:
          'Ballspiele, Bewegung und Spaß für Kinder und Jugendliche mit und ohne Behinderung.',
        topics: ['T11', 'T12'],
        groups: ['Z07', 'Z02'],
        hours: [h('FR', '16:00', '18:00')],
        languages: ['de'],
        age: [10],
      },
    ],
  },
  {
    slug: 'lebenswege-beratung',
    name: 'Beratungsdienst Lebenswege e. V.',
    area: 'sr-sterkrade-mitte',
    description: 'Psychologische Beratung für Familien, Paare und Einzelne.',
    access: [STEPS, LOOP],
    services: [
      {
        slug: 'erziehungsberatung-sterkrade',
        name: 'Erziehungs- und Familienberatung',
        description:
          'Vertrauliche Beratung bei Sorgen mit Kindern und Jugendlichen, bei Konflikten in der Familie und in schwierigen Lebenslagen.',
        topics: ['T02', 'T10'],
        groups: ['Z03', 'Z04', 'Z08'],
        hours: [h(WEEKDAYS, '09:00', '13:00'), h('WE', '15:00', '19:00')],
        languages: ['de', 'tr', 'ru'],
        apply: 'Termin per E-Mail oder persönlich; Wartezeit in der Regel unter drei Wochen.',
      },
      {
        slug: 'trennungsberatung',
        name: 'Trennungs- und Scheidungsberatung',
        description:
          'Unterstützung für Eltern in Trennung: Umgang, Sorgerecht und wie Kinder gut durch die Zeit kommen.',
        topics: ['T02', 'T10'],
        groups: ['Z03', 'Z08'],
        hours: [h('TU', '16:00', '19:00')],
        languages: ['de'],
      },
    ],
  },
  // Sterkrade-Nord
  {
    slug: 'nachbarschaftsbuero-lindenecke',
    name: 'Nachbarschaftsbüro Lindenecke',
    area: 'sr-sterkrade-nord',
    description: 'Anlaufstelle für Nachbarschaft und Quartiersarbeit.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'nachbarschaftscafe-schmachtendorf',
        name: 'Nachbarschaftscafé',
        description:
          'Treffpunkt für alle aus dem Viertel: Kaffee, Gespräche, Tauschregal und Hilfe beim Ausfüllen von Formularen.',
        topics: ['T12'],
        groups: ['Z05', 'Z04'],
        hours: [h('TU,TH', '14:30', '17:30')],
        languages: ['de'],
      },
      {
        slug: 'wohnberatung-aeltere',
        name: 'Wohnberatung für Ältere',
        description:
          'Beratung zum barrierearmen Umbau der Wohnung, zu Hilfsmitteln und Zuschüssen, auch mit Hausbesuch.',
        topics: ['T07', 'T08'],
        groups: ['Z05', 'Z07'],
        hours: [h('WE', '10:00', '12:00')],
        languages: ['de'],
        age: [60],
        assured: '2025-05-20',
        modified: '2025-05-20T10:00:00.000Z',
      },
    ],
  },
  {
    slug: 'jugendfarm-koenigshardt',
    name: 'Kinder- und Jugendfarm Königshardt e. V.',
    area: 'sr-sterkrade-nord',
    centre: 1,
    description: 'Offene Arbeit mit Kindern, Tieren und Natur.',
    access: [STEPFREE],
    services: [
      {
        slug: 'offene-kinderfarm',
        name: 'Offene Kinderfarm',
        description:
          'Tiere versorgen, bauen, gärtnern und draußen spielen: offenes Angebot für Schulkinder.',
        topics: ['T03', 'T12'],
        groups: ['Z01', 'Z02'],
        hours: [h('WE,FR', '14:00', '18:00'), h('SA', '11:00', '16:00')],
        languages: ['de'],
        age: [6, 14],
      },
      {
        slug: 'ferienprogramm-farm',
        name: 'Ferienprogramm auf der Farm',
        description: 'Betreute Ferienwochen mit Mittagessen in den Sommerferien.',
        topics: ['T03', 'T02'],
        groups: ['Z01'],
        hours: [h(WEEKDAYS, '09:00', '15:00', { ...SUMMER, note: 'Nur in den Sommerferien.' })],
        languages: ['de'],
        age: [6, 12],
        cost: [
          ['je Woche', 40],
          ['je Woche, ermäßigt', 10],
        ],
        fees: '40 € je Woche, ermäßigt 10 €.',
      },
    ],
  },
  {
    slug: 'pflegenetz-nord',
    name: 'Pflegenetz Nord e. V.',
    area: 'sr-sterkrade-nord',
    description: 'Beratung und Entlastung für Pflegebedürftige und Angehörige.',
    access: [STEPFREE, LIFT, WC],
    services: [
      {
        slug: 'pflegeberatung-angehoerige',
        name: 'Pflegeberatung für Angehörige',
        description:
          'Beratung zu Pflegegrad, Pflegegeld, Entlastungsangeboten und Kurzzeitpflege, auch zu Hause.',
        topics: ['T07'],
        groups: ['Z05', 'Z04'],
        hours: [h(WEEKDAYS, '09:00', '12:00'), h('TH', '15:00', '18:00')],
        languages: ['de', 'pl', 'ru', 'tr'],
      },
      {
        slug: 'demenz-gespraechskreis',
        name: 'Gesprächskreis Demenz',
        description:
          'Austausch für Angehörige von Menschen mit Demenz, begleitet von einer Fachkraft.',
        topics: ['T07', 'T06'],
        groups: ['Z05', 'Z04'],
        hours: [
          h('1TU', '17:00', '19:00', { monthly: true, note: 'Jeden ersten Dienstag im Monat.' }),
        ],
        languages: ['de'],
      },
    ],
  },
  {
    slug: 'lernhaus-holten',
    name: 'Lernhaus Holten e. V.',
    area: 'sr-sterkrade-nord',
    description: 'Lernförderung und Elternbildung im Oberhausener Norden.',
    access: [STEPS],
    services: [
      {
        slug: 'lesepaten',
        name: 'Lesepatenschaften für Grundschulkinder',
        description:
          'Ehrenamtliche Lesepatinnen und -paten lesen mit Kindern und wecken Freude an Büchern.',
        topics: ['T04'],
        groups: ['Z01'],
        hours: [h('MO,WE', '15:00', '16:30')],
        languages: ['de'],
        age: [6, 10],
      },
      {
        slug: 'elternkurs-pubertaet',
        name: 'Elternkurs: Gelassen durch die Pubertät',
        description:
          'Sechs Abende für Eltern von Jugendlichen: Grenzen setzen, im Gespräch bleiben, Medien.',
        topics: ['T02', 'T04'],
        groups: ['Z03'],
        hours: [h('TH', '19:00', '21:00')],
        languages: ['de'],
        cost: [['Kursgebühr', 20]],
        fees: '20 € für sechs Abende.',
      },
    ],
  },
  {
    slug: 'bewegungstreff-nord',
    name: 'Bewegungstreff Nord e. V.',
    area: 'sr-sterkrade-nord',
    description: 'Sport im Stadtteil für alle Altersgruppen.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'bewegung-im-alter',
        name: 'Bewegung im Alter',
        description: 'Sanfte Gymnastik, Gleichgewichts- und Krafttraining zur Sturzvorbeugung.',
        topics: ['T06', 'T07'],
        groups: ['Z05'],
        hours: [h('MO,TH', '10:00', '11:00')],
        languages: ['de'],
        age: [60],
        cost: [['je Termin', 3]],
        fees: '3 € je Termin.',
      },
      {
        slug: 'mitternachtssport',
        name: 'Mitternachtssport',
        description: 'Fußball und Basketball in der Halle am späten Abend, mit Betreuung.',
        topics: ['T03', 'T06'],
        groups: ['Z02'],
        hours: [h('FR,SA', '20:00', '23:30')],
        languages: ['de', 'tr', 'ar'],
        age: [14, 21],
      },
    ],
  },
  // Alstaden/Lirich
  {
    slug: 'begegnungszentrum-kastanienhof',
    name: 'Begegnungszentrum Kastanienhof',
    area: 'sr-alstaden-lirich',
    centre: 1,
    description: 'Sozialarbeit und Begegnung in Lirich.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'sozialberatung-lirich',
        name: 'Sozialberatung im Stadtteil',
        description:
          'Erste Anlaufstelle bei Geldsorgen, Problemen mit der Wohnung, Behördenpost und in schwierigen Lebenslagen.',
        topics: ['T01', 'T08', 'T10'],
        groups: ['Z04', 'Z09'],
        hours: [h('MO,TU,TH', '09:00', '12:00')],
        languages: ['de', 'tr', 'ar', 'bg'],
        tr: {
          tr: [
            'Mahalle sosyal danışmanlığı',
            'Para sıkıntısı, konut sorunları, resmi yazışmalar ve zor durumlarda ilk başvuru yeri.',
          ],
          ar: [
            'الاستشارة الاجتماعية في الحي',
            'نقطة الاتصال الأولى عند المشاكل المالية ومشاكل السكن والرسائل الرسمية والظروف الصعبة.',
          ],
        },
      },
      {
        slug: 'kleiderstube-lirich',
        name: 'Kleiderstube',
        description:
          'Gut erhaltene Kleidung für Erwachsene und Kinder gegen einen kleinen Beitrag.',
        topics: ['T01', 'T12'],
        groups: ['Z04', 'Z06'],
        hours: [h('WE', '10:00', '13:00'), h('SA', '10:00', '12:00')],
        languages: ['de'],
        cost: [['je Teil, ab', 1]],
        fees: 'Ab 1 € je Teil.',
      },
    ],
  },
  {
    slug: 'kita-verbund-ruhrufer',
    name: 'Kita-Verbund Ruhrufer e. V.',
    area: 'sr-alstaden-lirich',
    description: 'Familienzentrum mit Kindertagesstätte in Alstaden.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'familiensprechstunde-alstaden',
        name: 'Familiensprechstunde im Familienzentrum',
        description:
          'Offene Sprechstunde für Eltern zu Erziehung, Entwicklung und Hilfen im Stadtteil.',
        topics: ['T02'],
        groups: ['Z03', 'Z04', 'Z01'],
        hours: [h('TU', '14:00', '16:00')],
        languages: ['de', 'tr', 'ar'],
      },
      {
        slug: 'sprachfoerderung-kita',
        name: 'Sprachförderung für Kita-Kinder',
        description:
          'Spielerische Sprachförderung in kleinen Gruppen für Kinder, die mehrsprachig aufwachsen.',
        topics: ['T09', 'T04'],
        groups: ['Z01', 'Z06'],
        hours: [h('MO,WE', '10:00', '11:00')],
        languages: ['de', 'ar', 'tr'],
        age: [3, 6],
      },
    ],
  },
  {
    slug: 'jugendkulturwerk-alstaden',
    name: 'Jugendkulturwerk Alstaden e. V.',
    area: 'sr-alstaden-lirich',
    description: 'Musik, Medien und Berufsorientierung für junge Menschen.',
    access: [STEPFREE],
    services: [
      {
        slug: 'musikwerkstatt',
        name: 'Musikwerkstatt',
        description: 'Bandproberaum, Tonstudio und Workshops für Gitarre, Schlagzeug und Rap.',
        topics: ['T03', 'T12'],
        groups: ['Z02'],
        hours: [h('TU,TH', '16:00', '20:00')],
        languages: ['de', 'en'],
        age: [12, 21],
        cost: [['Monatsbeitrag', 5]],
        fees: '5 € im Monat.',
      },
      {
        slug: 'ausbildungslotsen',
        name: 'Ausbildungslotsen',
        description:
          'Begleitung bei der Suche nach Praktikum und Ausbildungsplatz, von der Bewerbung bis zum ersten Arbeitstag.',
        topics: ['T05', 'T03'],
        groups: ['Z02', 'Z09'],
        hours: [h('WE', '13:00', '17:00')],
        languages: ['de', 'tr', 'ar'],
        age: [15, 25],
      },
    ],
  },
  {
    slug: 'frauenraum-lirich',
    name: 'Frauenraum Lirich e. V.',
    area: 'sr-alstaden-lirich',
    centre: 1,
    description: 'Beratung und Begegnung von Frauen für Frauen.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'beratung-haeusliche-gewalt',
        name: 'Beratung bei häuslicher Gewalt',
        description:
          'Vertrauliche Beratung für Frauen, die Gewalt erleben, auf Wunsch anonym. Wir helfen bei Schutz, Unterkunft und rechtlichen Schritten. Im Notfall rufen Sie die Polizei.',
        topics: ['T10'],
        groups: ['Z03', 'Z08'],
        hours: [h(WEEKDAYS, '09:00', '13:00'), h('MO,WE', '16:00', '19:00')],
        languages: ['de', 'tr', 'ar', 'ru', 'uk', 'fa'],
        citywide: true,
        tr: {
          en: [
            'Counselling on domestic violence',
            'Confidential counselling for women who experience violence, anonymous if you wish. We help with protection, shelter and legal steps. In an emergency, call the police.',
          ],
          tr: [
            'Ev içi şiddette danışmanlık',
            'Şiddete maruz kalan kadınlar için gizli, istenirse anonim danışmanlık. Koruma, barınma ve hukuki adımlarda yardımcı oluyoruz. Acil durumda polisi arayın.',
          ],
          ar: [
            'استشارات في حالات العنف المنزلي',
            'استشارة سرية للنساء اللواتي يتعرضن للعنف، ويمكن أن تكون مجهولة الهوية. نساعد في الحماية والإيواء والخطوات القانونية. في حالات الطوارئ اتصلي بالشرطة.',
          ],
          uk: [
            'Консультації щодо домашнього насильства',
            'Конфіденційні консультації для жінок, які зазнають насильства, за бажанням анонімно. Допомагаємо із захистом, житлом і юридичними кроками. У надзвичайній ситуації викликайте поліцію.',
          ],
        },
      },
      {
        slug: 'fruehstueck-international',
        name: 'Internationales Frauenfrühstück',
        description:
          'Frühstücken, Deutsch sprechen und Kontakte knüpfen: offenes Treffen für Frauen aus aller Welt.',
        topics: ['T09', 'T12'],
        groups: ['Z06'],
        hours: [h('FR', '09:30', '11:30')],
        languages: ['de', 'tr', 'ar', 'fa', 'uk'],
        cost: [['Kostenbeitrag für das Frühstück', 1.5]],
        fees: '1,50 € für das Frühstück.',
      },
    ],
  },
  {
    slug: 'mietertreff-alstaden',
    name: 'Mietertreff Alstaden e. V.',
    area: 'sr-alstaden-lirich',
    description: 'Beratung rund ums Wohnen zur Miete.',
    access: [STEPS],
    services: [
      {
        slug: 'mieterberatung',
        name: 'Mieterberatung',
        description: 'Erstberatung zu Nebenkostenabrechnung, Mieterhöhung, Mängeln und Kündigung.',
        topics: ['T08'],
        groups: ['Z04', 'Z05'],
        hours: [h('TH', '16:00', '19:00')],
        languages: ['de', 'tr'],
        fees: 'Das Erstgespräch ist kostenlos.',
      },
      {
        slug: 'wohnungsnotfall',
        name: 'Sprechstunde bei drohendem Wohnungsverlust',
        description:
          'Schnelle Hilfe bei Räumungsklage, Mietschulden und Wohnungslosigkeit; wir vermitteln Notunterkünfte und Beratung.',
        topics: ['T08', 'T10'],
        groups: ['Z04', 'Z09'],
        hours: [h('MO,WE', '09:00', '12:00')],
        languages: ['de', 'ar', 'bg', 'ro'],
        citywide: true,
      },
    ],
  },
  // Oberhausen-Ost
  {
    slug: 'familienhaus-knappenviertel',
    name: 'Familienhaus Knappenviertel',
    area: 'sr-ost',
    centre: 1,
    description: 'Treffpunkt für Familien im Knappenviertel.',
    access: [STEPFREE, WC, EASY],
    services: [
      {
        slug: 'krabbelgruppe',
        name: 'Offene Krabbelgruppe',
        description: 'Spielen, Singen und Austausch für Eltern mit Babys und Kleinkindern.',
        topics: ['T02'],
        groups: ['Z03', 'Z01'],
        hours: [h('TU,TH', '09:30', '11:00')],
        languages: ['de', 'tr', 'ar'],
        age: [0, 3],
      },
      {
        slug: 'alleinerziehenden-treff',
        name: 'Treff für Alleinerziehende',
        description:
          'Austausch, Informationen und Kinderbetreuung für Alleinerziehende, einmal im Monat am Samstag.',
        topics: ['T02', 'T12'],
        groups: ['Z08'],
        hours: [
          h('2SA', '10:00', '13:00', { monthly: true, note: 'Jeden zweiten Samstag im Monat.' }),
        ],
        languages: ['de', 'uk'],
        tr: {
          uk: [
            'Зустрічі для одиноких батьків',
            'Спілкування, інформація та догляд за дітьми для одиноких батьків, раз на місяць у суботу.',
          ],
          en: [
            'Meeting for single parents',
            'Exchange, information and childcare for single parents, once a month on a Saturday.',
          ],
        },
      },
    ],
  },
  {
    slug: 'willkommenstreff-duempten',
    name: 'Willkommenstreff Dümpten e. V.',
    area: 'sr-ost',
    description: 'Anlaufstelle für neu zugewanderte Menschen.',
    access: [STEPFREE, LIFT],
    services: [
      {
        slug: 'erstorientierung',
        name: 'Erstorientierung für Neuzugewanderte',
        description:
          'Hilfe bei den ersten Schritten: Anmeldung, Konto, Schule und Kita, Krankenversicherung und Deutschkurs.',
        topics: ['T09'],
        groups: ['Z06'],
        hours: [h('MO,TU,TH', '09:00', '13:00'), h('TU', '15:00', '18:00')],
        languages: ['de', 'uk', 'ru', 'ar', 'ro', 'bg'],
        citywide: true,
        tr: {
          uk: [
            'Перша орієнтація для новоприбулих',
            'Допомога з першими кроками: реєстрація, банківський рахунок, школа й дитсадок, медичне страхування та курс німецької.',
          ],
          ar: [
            'التوجيه الأولي للقادمين الجدد',
            'المساعدة في الخطوات الأولى: تسجيل السكن، الحساب البنكي، المدرسة والروضة، التأمين الصحي ودورة اللغة الألمانية.',
          ],
          en: [
            'First orientation for newcomers',
            'Help with the first steps: registration, bank account, school and day care, health insurance and German course.',
          ],
          tr: [
            'Yeni gelenler için ilk yönlendirme',
            'İlk adımlarda yardım: adres kaydı, banka hesabı, okul ve kreş, sağlık sigortası ve Almanca kursu.',
          ],
        },
      },
      {
        slug: 'sprachpaten',
        name: 'Ehrenamtliche Sprachpatenschaften',
        description: 'Freiwillige treffen sich mit Zugewanderten zum Deutschsprechen im Alltag.',
        topics: ['T09', 'T12'],
        groups: ['Z06'],
        hours: [h('WE', '16:00', '18:00')],
        languages: ['de', 'en', 'uk', 'ar'],
      },
    ],
  },
  {
    slug: 'jugendtreff-mellinghofen',
    name: 'Jugendtreff Mellinghofen',
    area: 'sr-ost',
    description: 'Offene Jugendarbeit im Oberhausener Osten.',
    access: [STEPFREE],
    services: [
      {
        slug: 'maedchentreff',
        name: 'Mädchentreff',
        description: 'Ein Raum nur für Mädchen: Kreativangebote, Gespräche, Selbstbehauptung.',
        topics: ['T03'],
        groups: ['Z02'],
        hours: [h('MO,WE', '15:00', '19:00')],
        languages: ['de', 'tr', 'ar'],
        age: [10, 18],
      },
      {
        slug: 'jugendberufshilfe',
        name: 'Jugendberufshilfe',
        description:
          'Beratung für junge Menschen ohne Ausbildungsplatz oder Schulabschluss, mit Vermittlung in Projekte.',
        topics: ['T05', 'T03'],
        groups: ['Z02'],
        hours: [h('TU,TH', '10:00', '16:00')],
        languages: ['de', 'tr'],
        age: [15, 25],
      },
    ],
  },
  {
    slug: 'suchthilfe-ost',
    name: 'Suchthilfe Ost e. V.',
    area: 'sr-ost',
    description: 'Beratung und Selbsthilfe bei Suchtfragen.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'suchtberatung',
        name: 'Suchtberatung',
        description:
          'Beratung bei Problemen mit Alkohol, Medikamenten, Drogen, Glücksspiel oder Medien, auch für Angehörige.',
        topics: ['T06', 'T10'],
        groups: ['Z02', 'Z04'],
        hours: [h(WEEKDAYS, '09:00', '12:00'), h('TU', '16:00', '19:00')],
        languages: ['de', 'ru', 'pl', 'tr'],
        age: [16],
      },
      {
        slug: 'angehoerigengruppe-sucht',
        name: 'Gruppe für Angehörige Suchtkranker',
        description:
          'Angeleitete Gruppe für Partnerinnen, Partner, Eltern und Kinder von suchtkranken Menschen.',
        topics: ['T06', 'T10'],
        groups: ['Z04', 'Z03'],
        hours: [
          h('1TH', '18:30', '20:30', { monthly: true, note: 'Jeden ersten Donnerstag im Monat.' }),
        ],
        languages: ['de'],
      },
    ],
  },
  {
    slug: 'quartiersladen-sonnenseite',
    name: 'Quartiersladen Sonnenseite',
    area: 'sr-ost',
    description: 'Nachbarschaftsladen mit Beratung und Mittagstisch.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'rentensprechstunde',
        name: 'Sprechstunde Rente und Grundsicherung',
        description:
          'Hilfe bei Rentenanträgen, Grundsicherung im Alter, Wohngeld und Befreiung vom Rundfunkbeitrag.',
        topics: ['T01', 'T07'],
        groups: ['Z05'],
        hours: [h('WE', '09:00', '12:00')],
        languages: ['de', 'tr', 'pl'],
        age: [60],
      },
      {
        slug: 'mittagstisch-ost',
        name: 'Mittagstisch für Ältere',
        description: 'Warmes Mittagessen in Gesellschaft an Werktagen.',
        topics: ['T07', 'T12'],
        groups: ['Z05'],
        hours: [h(WEEKDAYS, '12:00', '13:30')],
        languages: ['de'],
        age: [60],
        cost: [['je Mahlzeit', 4.5]],
        fees: '4,50 € je Mahlzeit.',
      },
    ],
  },
  // Oberhausen-Mitte/Styrum
  {
    slug: 'beratungszentrum-markt',
    name: 'Beratungszentrum an der Marktstraße e. V.',
    area: 'sr-mitte-styrum',
    description: 'Psychosoziale Beratung in der Innenstadt.',
    access: [STEPFREE, LIFT, WC, LOOP],
    services: [
      {
        slug: 'krisenberatung',
        name: 'Psychosoziale Krisenberatung',
        description:
          'Gespräche in akuten Krisen, bei Trauer, Einsamkeit, Überforderung und Suizidgedanken – kurzfristig und vertraulich.',
        topics: ['T10', 'T06'],
        groups: ['Z04', 'Z09'],
        hours: [
          h(WEEKDAYS, '10:00', '16:00'),
          h('TU,TH', '16:00', '20:00', { note: 'Abendsprechstunde.' }),
        ],
        languages: ['de', 'en', 'tr', 'ar', 'uk'],
        age: [16],
        citywide: true,
        tr: {
          en: [
            'Psychosocial crisis counselling',
            'Talks in acute crises, in grief, loneliness, overload and suicidal thoughts – at short notice and confidential.',
          ],
          tr: [
            'Psikososyal kriz danışmanlığı',
            'Akut krizlerde, yas, yalnızlık, tükenmişlik ve intihar düşüncelerinde kısa sürede ve gizli görüşmeler.',
          ],
          ar: [
            'الاستشارة النفسية والاجتماعية في الأزمات',
            'محادثات في الأزمات الحادة وحالات الحزن والوحدة والإرهاق والأفكار الانتحارية، بسرعة وبسرية تامة.',
          ],
          uk: [
            'Психосоціальні консультації в кризі',
            'Розмови в гострих кризах, у горі, самотності, перевантаженні та при суїцидальних думках – швидко й конфіденційно.',
          ],
        },
      },
      {
        slug: 'finanzcoaching-junge',
        name: 'Finanzcoaching für junge Erwachsene',
        description:
          'Erste eigene Wohnung, Handyvertrag, Ratenkauf: Wir helfen, Geld einzuteilen und Schulden zu vermeiden.',
        topics: ['T01', 'T03'],
        groups: ['Z02'],
        hours: [h('TH', '15:00', '18:00')],
        languages: ['de', 'tr'],
        age: [18, 27],
      },
    ],
  },
  {
    slug: 'buergertreff-zwoelf-linden',
    name: 'Bürgertreff Zwölf Linden e. V.',
    area: 'sr-mitte-styrum',
    centre: 1,
    description: 'Nachbarschaftshaus für alle Generationen und Kulturen.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'nachbarschaftstreff-international',
        name: 'Internationaler Nachbarschaftstreff',
        description:
          'Begegnung, Kochen und Feste für Nachbarinnen und Nachbarn aus vielen Ländern.',
        topics: ['T12', 'T09'],
        groups: ['Z06', 'Z04'],
        hours: [h('WE', '15:00', '19:00')],
        languages: ['de', 'tr', 'ar', 'ku', 'bg'],
      },
      {
        slug: 'gemeinschaftsgarten',
        name: 'Gemeinschaftsgarten',
        description:
          'Gemeinsam gärtnern, ernten und draußen sein – Beete für Familien und Schulklassen.',
        topics: ['T12'],
        groups: ['Z04', 'Z01'],
        hours: [
          h('SA', '10:00', '13:00', {
            from: '2026-04-01',
            to: '2026-10-31',
            note: 'Von April bis Oktober.',
          }),
        ],
        languages: ['de'],
      },
    ],
  },
  {
    slug: 'arbeit-und-zukunft',
    name: 'Arbeit und Zukunft Oberhausen e. V.',
    area: 'sr-mitte-styrum',
    description: 'Beschäftigungsförderung und Qualifizierung.',
    access: [STEPFREE, LIFT, WC],
    services: [
      {
        slug: 'arbeitsmarktprojekt',
        name: 'Arbeitsmarktprojekt für Langzeitarbeitslose',
        description:
          'Qualifizierung und Beschäftigung in Werkstatt, Küche und Büro mit sozialpädagogischer Begleitung.',
        topics: ['T05'],
        groups: ['Z09'],
        hours: [h('MO,TU,WE,TH', '08:00', '15:00'), h('FR', '08:00', '12:00')],
        languages: ['de', 'tr', 'ar', 'ru'],
        age: [25, 64],
        citywide: true,
        eligibility: 'Für Menschen, die seit mindestens einem Jahr arbeitslos sind.',
      },
      {
        slug: 'anerkennungsberatung',
        name: 'Beratung zur Anerkennung ausländischer Berufsabschlüsse',
        description:
          'Welche Stelle ist zuständig, welche Unterlagen brauche ich, welche Anpassung ist nötig? Wir begleiten durch das Anerkennungsverfahren.',
        topics: ['T05', 'T09'],
        groups: ['Z06', 'Z09'],
        hours: [h('TU', '09:00', '12:00'), h('TH', '14:00', '17:00')],
        languages: ['de', 'en', 'ar', 'uk', 'ru'],
        tr: {
          en: [
            'Advice on the recognition of foreign qualifications',
            'Which office is responsible, which documents do I need, what adjustment is required? We guide you through the recognition procedure.',
          ],
          ar: [
            'استشارة حول الاعتراف بالمؤهلات المهنية الأجنبية',
            'ما الجهة المختصة، وما الوثائق المطلوبة، وما التأهيل الإضافي اللازم؟ نرافقك خلال إجراءات الاعتراف.',
          ],
          uk: [
            'Консультації щодо визнання іноземних професійних кваліфікацій',
            'Яка установа відповідальна, які документи потрібні, яка адаптація необхідна? Ми супроводжуємо вас у процедурі визнання.',
          ],
        },
      },
    ],
  },
  {
    slug: 'treffpunkt-inklusion',
    name: 'Treffpunkt Inklusion Mitte e. V.',
    area: 'sr-mitte-styrum',
    description: 'Freizeit und Beratung für Menschen mit Behinderung und ihre Familien.',
    access: [STEPFREE, LIFT, WC, LOOP, EASY],
    services: [
      {
        slug: 'freizeittreff-inklusiv',
        name: 'Freizeittreff für Menschen mit und ohne Behinderung',
        description: 'Spielen, Kochen, Ausflüge und Disco am Abend.',
        topics: ['T11', 'T12'],
        groups: ['Z07'],
        hours: [h('TU,FR', '17:00', '20:00')],
        languages: ['de', 'gsg'],
        age: [16],
      },
      {
        slug: 'persoenliches-budget',
        name: 'Beratung zum Persönlichen Budget und zur Assistenz',
        description:
          'Wie beantrage ich Assistenz und ein Persönliches Budget, und wie verwalte ich es? Beratung auch für Familien.',
        topics: ['T11'],
        groups: ['Z07', 'Z04'],
        hours: [h('WE', '10:00', '13:00')],
        languages: ['de'],
        citywide: true,
      },
    ],
  },
  {
    slug: 'gesundheitstreff-brueckenschlag',
    name: 'Gesundheitstreff Brückenschlag',
    area: 'sr-mitte-styrum',
    description: 'Gesundheitsinformation in vielen Sprachen.',
    access: [STEPFREE, WC],
    services: [
      {
        slug: 'gesundheitsberatung-mehrsprachig',
        name: 'Gesundheitsberatung in mehreren Sprachen',
        description:
          'Wir erklären das Gesundheitssystem, helfen bei der Suche nach Ärztinnen und Ärzten und begleiten zu Terminen.',
        topics: ['T06', 'T09'],
        groups: ['Z06', 'Z04'],
        hours: [h('MO,WE', '10:00', '14:00')],
        languages: ['de', 'tr', 'ar', 'uk', 'ru', 'bg'],
        tr: {
          tr: [
            'Çok dilli sağlık danışmanlığı',
            'Sağlık sistemini açıklıyor, doktor bulmanıza yardım ediyor ve randevulara eşlik ediyoruz.',
          ],
          ar: [
            'استشارات صحية بعدة لغات',
            'نشرح النظام الصحي، ونساعد في البحث عن أطباء، ونرافقك إلى المواعيد.',
          ],
          uk: [
            'Консультації зі здоровʼя кількома мовами',
            'Ми пояснюємо систему охорони здоровʼя, допомагаємо знайти лікарів і супроводжуємо на прийоми.',
          ],
        },
      },
      {
        slug: 'schwangerenberatung',
        name: 'Schwangerenberatung',
        description:
          'Beratung in der Schwangerschaft zu finanziellen Hilfen, Elterngeld, Mutterschutz und Fragen der Familienplanung.',
        topics: ['T02', 'T06'],
        groups: ['Z03', 'Z08'],
        hours: [h('MO,TU,WE,TH', '09:00', '12:00'), h('TU', '15:00', '18:00')],
        languages: ['de', 'en', 'tr', 'ar'],
      },
    ],
  },
];
