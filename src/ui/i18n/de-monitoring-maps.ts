// German catalogue: the choropleth map, the ranking and the social index pages of the monitoring.
export const deMonitoringMaps = {
  'mon.maps.form.label': 'Indikator, Zeitraum und Ebene wählen',
  'mon.maps.level': 'Ebene',
  'mon.maps.show': 'Anzeigen',
  'mon.maps.area': 'Gebiet',
  'mon.maps.parent': 'Übergeordnetes Gebiet',
  'mon.maps.value': 'Wert',
  'mon.maps.class': 'Klasse',
  'mon.maps.classRange': 'Bereich der Klasse',
  'mon.maps.below': 'bis unter',
  'mon.maps.upTo': 'bis',
  'mon.maps.reference': 'Vergleichswert {area}',
  'mon.maps.export': 'Diese Werte herunterladen',
  'mon.maps.export.csv': 'Werte als CSV',
  'mon.maps.export.xlsx': 'Werte als Excel-Tabelle (XLSX)',
  'mon.maps.export.geojson': 'Werte mit Gebietsgrenzen als GeoJSON',
  'mon.maps.export.json': 'Werte als JSON',
  'mon.maps.method': 'Klasseneinteilung',
  'mon.maps.method.quantile': 'Quantile (etwa gleich viele Gebiete je Klasse)',
  'mon.maps.method.jenks': 'Natürliche Brüche (Jenks)',
  'mon.maps.method.equal': 'Gleich breite Klassen',
  'mon.maps.method.manual': 'Eigene Grenzen',
  'mon.maps.classes': 'Anzahl der Klassen',
  'mon.maps.breaks': 'Eigene Klassengrenzen',
  'mon.maps.breaksHint':
    'Nur für „Eigene Grenzen“: eine Grenze mehr als Klassen, aufsteigend, von der Unter- bis zur Obergrenze, getrennt durch Semikolon; Dezimalkomma erlaubt. Beispiel für 4 Klassen: 0; 10; 20; 30; 40',
  'mon.maps.map.crumb': 'Karte',
  'mon.maps.map.heading': 'Karte',
  'mon.maps.map.svgTitle': 'Karte: {title}',
  'mon.maps.map.caption.quantile':
    '{n} Klassen nach Quantilen: jede Klasse enthält etwa gleich viele Gebiete.',
  'mon.maps.map.caption.jenks':
    '{n} Klassen nach natürlichen Brüchen: die Grenzen liegen in den größten Lücken zwischen den Werten.',
  'mon.maps.map.caption.equal':
    '{n} gleich breite Klassen zwischen dem kleinsten und dem größten Wert.',
  'mon.maps.map.caption.manual': '{n} Klassen mit eigenen Grenzen.',
  'mon.maps.map.fallback':
    'Die eigenen Klassengrenzen sind ungültig (siehe Formular). Die Karte zeigt deshalb Quantile.',
  'mon.maps.map.asTable': 'Karte als Tabelle unten',
  'mon.maps.map.noShapes':
    'Für diese Ebene liegen keine Gebietsgrenzen vor. Es gibt deshalb keine Karte; die Werte stehen in der Tabelle.',
  'mon.maps.map.tableCaption': '{title}: Werte und Klassen der Karte',
  'mon.maps.map.toRanking': 'Dieselben Werte als Rangliste',
  'mon.maps.rank.crumb': 'Rangliste',
  'mon.maps.rank.pageTitle': 'Rangliste: {title}',
  'mon.maps.rank.heading': 'Rangliste',
  'mon.maps.rank.explain':
    'Rang 1 hat der höchste Wert; gleiche Werte teilen sich einen Rang. Gesperrte Werte und Gebiete ohne Wert erhalten keinen Rang und stehen am Ende.',
  'mon.maps.rank.caption': '{title}: Rangliste',
  'mon.maps.rank.rank': 'Rang',
  'mon.maps.rank.none': 'kein Rang',
  'mon.maps.rank.sortName': 'nach Name sortieren',
  'mon.maps.rank.sortUp': 'aufsteigend nach Wert sortieren',
  'mon.maps.rank.sortDown': 'absteigend nach Wert sortieren',
  'mon.maps.rank.chartTitle': 'Balkendiagramm: {title}',
  'mon.maps.rank.chartCaption': '{title}: Werte des Balkendiagramms',
  'mon.maps.rank.note': 'Anmerkung',
  'mon.maps.rank.referenceNote': 'Vergleichswert',
  'mon.maps.rank.toMap': 'Dieselben Werte als Karte',
  'mon.maps.index.title': '{name}, Stand {period}',
  'mon.maps.index.periodForm': 'Zeitraum des Index wählen',
  'mon.maps.index.computed':
    'Berechnet am {date}. Indexiert sind {n} von {total} Gebieten der Ebene {level}.',
  'mon.maps.index.methodHeading': 'So wird der Index gebildet',
  'mon.maps.index.statusIntro':
    'Der Statusindex beschreibt die soziale Lage zum Stichtag. Er fasst diese {n} Indikatoren zusammen:',
  'mon.maps.index.dynamicsIntro':
    'Der Dynamikindex beschreibt, wie sich die Lage verändert hat. Er fasst die Veränderung dieser {n} Indikatoren zusammen:',
  'mon.maps.index.dynamicsIntroYears':
    'Der Dynamikindex beschreibt, wie sich die Lage verändert hat. Er fasst die Veränderung dieser {n} Indikatoren über {years} Jahre zusammen:',
  'mon.maps.index.noDynamics':
    'Für diesen Index ist kein Dynamikindex festgelegt; die Gebiete werden nur nach ihrem Status eingeteilt.',
  'mon.maps.index.standardise':
    'Jeder Indikator wird über alle Gebiete standardisiert: Der standardisierte Wert sagt, wie viele Standardabweichungen ein Gebiet vom Durchschnitt der Gebiete entfernt ist. Alle Werte sind so ausgerichtet, dass ein höherer Wert mehr Benachteiligung bedeutet. Die standardisierten Werte werden addiert und die Summe noch einmal standardisiert; das Ergebnis ist der Index.',
  'mon.maps.index.minimum':
    'Gebiete mit weniger als {population} Einwohnerinnen und Einwohnern erhalten keinen Index, weil Werte kleiner Gebiete stark vom Zufall abhängen. Berechnet wird der Index nur, wenn mindestens {units} Gebiete die Bedingungen erfüllen.',
  'mon.maps.index.statusClasses': 'Statusklassen',
  'mon.maps.index.status.hoch':
    'Status hoch: Statusindex unter {high} – deutlich weniger Benachteiligung als im Durchschnitt',
  'mon.maps.index.status.mittel': 'Status mittel: Statusindex von {high} bis {low}',
  'mon.maps.index.status.niedrig':
    'Status niedrig: Statusindex über {low} bis unter {veryLow} – mehr Benachteiligung als im Durchschnitt',
  'mon.maps.index.status.sehrNiedrig':
    'Status sehr niedrig: Statusindex ab {veryLow} – deutlich mehr Benachteiligung als im Durchschnitt',
  'mon.maps.index.lowMeans':
    'Achtung: „Status niedrig“ und „Status sehr niedrig“ bedeuten mehr soziale Benachteiligung, nicht weniger. Ein hoher Indexwert ist ungünstig.',
  'mon.maps.index.dynamicsClasses': 'Dynamikklassen',
  'mon.maps.index.dynamics.positiv':
    'Dynamik positiv: Dynamikindex unter {positive} – die Lage hat sich günstiger entwickelt als im Durchschnitt',
  'mon.maps.index.dynamics.stabil': 'Dynamik stabil: Dynamikindex von {positive} bis {negative}',
  'mon.maps.index.dynamics.negativ':
    'Dynamik negativ: Dynamikindex über {negative} – die Lage hat sich ungünstiger entwickelt als im Durchschnitt',
  'mon.maps.index.twelve':
    'Vier Statusklassen und drei Dynamikklassen ergeben zusammen zwölf Gruppen, zum Beispiel „Status niedrig, Dynamik negativ“.',
  'mon.maps.index.groupsHeading': 'Gebiete je Gruppe',
  'mon.maps.index.groupsCaption':
    'Zahl der Gebiete je Status- und Dynamikklasse (die Farbfelder sind zugleich die Legende der Karte)',
  'mon.maps.index.statusLabel': 'Status {s}',
  'mon.maps.index.dynamicsLabel': 'Dynamik {d}',
  'mon.maps.index.count': 'Anzahl',
  'mon.maps.index.mapTitle': 'Karte: {title}',
  'mon.maps.index.mapCaption':
    'Farbe: Statusklasse, je dunkler, desto mehr Benachteiligung. Zeichen: „+“ Dynamik positiv, „−“ Dynamik negativ, ohne Zeichen stabil. Die Gruppe jedes Gebiets steht in der Tabelle unten.',
  'mon.maps.index.notIndexed': 'nicht indexiert',
  'mon.maps.index.areasHeading': 'Alle Gebiete',
  'mon.maps.index.areasCaption': 'Index und Gruppe aller Gebiete der Ebene {level}',
  'mon.maps.index.population': 'Einwohner',
  'mon.maps.index.statusIndex': 'Statusindex',
  'mon.maps.index.statusClass': 'Statusklasse',
  'mon.maps.index.dynamicsIndex': 'Dynamikindex',
  'mon.maps.index.dynamicsClass': 'Dynamikklasse',
  'mon.maps.index.group': 'Gruppe',
  'mon.maps.index.exportCsv': 'Index aller Gebiete als CSV herunterladen',
} as const;
