// German catalogue: what every monitoring page shares (cells, notices, sources, ratings).
export const deMonitoringCommon = {
  'mon.cell.internal': 'intern',
  'mon.notice.example':
    'Die Werte auf dieser Seite sind erzeugte Beispieldaten. Sie zeigen, wie die Plattform arbeitet, und sind keine amtlichen Zahlen der Stadt.',
  'mon.notice.previewTitle': 'Vorschau: {title}',
  'mon.notice.preview':
    'Diese Werte sind noch nicht veröffentlicht. Nur das Statistik-Team sieht diese Vorschau.',
  'mon.notice.internalTitle': 'Enthält interne Werte',
  'mon.notice.internal':
    'Werte mit der Marke „intern“ sind öffentlich gesperrt (Geheimhaltung kleiner Fallzahlen). Sie sehen sie, weil Ihre Rolle es erlaubt. Nicht weitergeben.',
  'mon.sources': 'Quellen',
  'mon.sources.published': 'veröffentlicht am',
  'mon.rating.better': 'günstiger',
  'mon.rating.worse': 'ungünstiger',
  'mon.rating.similar': 'ähnlich',
  'mon.rating.higher': 'höher',
  'mon.rating.lower': 'niedriger',
  'mon.mark.suppressed': 'gesperrt (Geheimhaltung)',
  'mon.mark.missing': 'kein Wert',
} as const;
