// The social index page: the 4 × 3 group table, every area's index and group in words, method, map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexPage } from './index-page.tsx';
import { groupFill, statusColour } from './index-map.tsx';
import {
  assertPageBasics,
  indexView,
  notice,
  pageContext,
  shapeFill,
  tableRows,
  text,
  type IndexRowSpec,
} from './maps-fixtures.ts';

const statuses = ['hoch', 'mittel', 'niedrig', 'sehr niedrig'];
const dynamics = ['positiv', 'stabil', 'negativ'];

/** Group k (reading order) gets k areas, so a count in the wrong cell shows. */
function specs(): IndexRowSpec[] {
  const out: IndexRowSpec[] = [];
  statuses.forEach((s, si) =>
    dynamics.forEach((d, di) => {
      const k = si * 3 + di;
      for (let j = 0; j < k; j++) {
        out.push({
          code: `Q${k}-${j}`,
          name: `Quartier ${k}-${j}`,
          population: 2000 + 137 * out.length,
          status: [si - 1.5 + j / 100 + 0.004, s],
          dynamics: [di - 1 - j / 1000, d],
        });
      }
    }),
  );
  out.push({
    code: 'K1',
    name: 'Kleingartenanlage',
    population: 212,
    reason: 'weniger als 1.500 Einwohner',
  });
  out.push({
    code: 'K2',
    name: 'Hafengebiet',
    population: null,
    reason: 'keine Werte für Arbeitslosenquote',
  });
  return out;
}

test('the 4 × 3 table shows each group count in its status row and dynamics column', () => {
  const view = indexView(specs());
  const html = indexPage(pageContext(), view);
  assertPageBasics(html);
  const rows = tableRows(html, 'gruppen');
  assert.deepEqual(rows[0], [
    'Statusklasse',
    'Dynamik positiv',
    'Dynamik stabil',
    'Dynamik negativ',
  ]);
  assert.equal(rows.length, 5);
  statuses.forEach((s, si) => {
    assert.equal(rows[si + 1]![0], `Status ${s}`);
    dynamics.forEach((d, di) => {
      const expected = view.groups.find((g) => g.statusClass === s && g.dynamicsClass === d)!.count;
      assert.equal(expected, si * 3 + di, 'the fixture puts k areas into group k');
      assert.equal(rows[si + 1]![di + 1], String(expected), `${s}/${d}`);
    });
  });
});

test('every area row says its index, classes and group in words; not indexed areas say why', () => {
  const view = indexView(specs());
  const html = indexPage(pageContext(), view);
  const rows = tableRows(html, 'gebiete');
  assert.deepEqual(rows[0], [
    'Gebiet',
    'Einwohner',
    'Statusindex',
    'Statusklasse',
    'Dynamikindex',
    'Dynamikklasse',
    'Gruppe',
  ]);
  assert.equal(rows.length, view.rows.length + 1);
  for (const r of view.rows) {
    const row = rows.find((cells) => cells[0] === r.area.name)!;
    assert.ok(row, r.area.name);
    assert.ok(
      html.includes(`href="/monitoring/beispiel/gebiet/${r.area.code}?zeitraum=2023-12-31"`),
    );
    if (r.statusClass === null) {
      assert.deepEqual(row.slice(2), [
        '–',
        '–',
        '–',
        '–',
        `nicht indexiert: ${r.notIndexedReason}`,
      ]);
      continue;
    }
    const two = (v: number) =>
      new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        v,
      );
    assert.deepEqual(row.slice(2), [
      two(r.statusIndex!),
      r.statusClass,
      two(r.dynamicsIndex!),
      r.dynamicsClass,
      `Status ${r.statusClass}, Dynamik ${r.dynamicsClass}`,
    ]);
  }
  // German formats written out: grouping point, two decimals with comma, a minus sign.
  const first = rows.find((c) => c[0] === 'Quartier 1-0')!;
  assert.deepEqual(first.slice(1, 3), ['2.000', '-1,50']);
  assert.equal(rows.find((c) => c[0] === 'Hafengebiet')![1], '–');
});

test('the method is explained with linked indicators, minimum population and cut-offs', () => {
  const view = indexView(specs());
  const html = indexPage(pageContext(), view);
  const body = text(html);
  assert.match(
    html,
    /<h1 class="kern-heading-large">Sozialindex \(Beispiel\), Stand 31\.12\.2023<\/h1>/,
  );
  for (const i of [...view.config.statusIndicators, ...view.config.dynamicsIndicators]) {
    assert.ok(
      html.includes(
        `<a class="kern-link" href="/monitoring/indikatoren#i-${i.code}">${i.name}</a>`,
      ),
      i.code,
    );
  }
  assert.match(body, /über 2 Jahre/);
  assert.match(body, /weniger als 1\.500 Einwohnerinnen und Einwohnern/);
  assert.match(body, /mindestens 5 Gebiete/);
  assert.match(body, /Status hoch: Statusindex unter -1,0/);
  assert.match(body, /Status mittel: Statusindex von -1,0 bis 1,0/);
  assert.match(body, /Status niedrig: Statusindex über 1,0 bis unter 1,5/);
  assert.match(body, /Status sehr niedrig: Statusindex ab 1,5/);
  assert.match(
    body,
    /„Status niedrig“ und „Status sehr niedrig“ bedeuten mehr soziale Benachteiligung/,
  );
  assert.match(body, /Dynamik positiv: Dynamikindex unter -1,0/);
  assert.match(body, /Dynamik negativ: Dynamikindex über 1,0/);
  assert.match(body, /Indexiert sind 66 von 68 Gebieten der Ebene Quartier/);
  assert.match(body, /Berechnet am 02\.04\.2024, 10:30/);
});

test('the map fills each area by its group; the fills exist and differ between groups', () => {
  const view = indexView(specs());
  const html = indexPage(pageContext(), view);
  assertPageBasics(html);
  const fills = new Set<string>();
  for (const r of view.rows) {
    const fill = shapeFill(html, r.area.name);
    assert.equal(fill, groupFill(r.statusClass, r.dynamicsClass), r.area.name);
    if (r.statusClass) fills.add(fill!);
  }
  assert.equal(fills.size, 11, 'eleven groups have areas, each its own fill');
  assert.equal(shapeFill(html, 'Hafengebiet'), 'url(#index-muster-keine-daten)');
  assert.equal(groupFill('mittel', 'stabil'), statusColour('mittel'));
  assert.match(html, /– nicht indexiert/);
  assert.match(html, /Zeichen: „\+“ Dynamik positiv/);
});

test('frame: notices, period chooser, export link and sources; a preview stays on every link', () => {
  const view = indexView(specs());
  view.notice = notice({
    preview: { ...view.notice.releases[0]!, id: 5, status: 'draft', publishedAt: null },
  });
  const html = indexPage(pageContext(), view);
  assertPageBasics(html);
  assert.match(html, /erzeugte Beispieldaten/);
  assert.match(html, /Vorschau: Beispielwerte 2023/);
  assert.match(html, /Quellen/);
  assert.match(html, /<form method="get" action="\/monitoring\/index\/mss-beispiel"/);
  assert.match(html, /<option value="2023-12-31" selected>31\.12\.2023<\/option>/);
  assert.match(html, /<input type="hidden" name="vorschau" value="5"/);
  assert.ok(
    html.includes(
      'href="/api/v1/monitoring/index/mss-beispiel.csv?zeitraum=2023-12-31&amp;vorschau=5"',
    ),
  );
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  for (const m of main.matchAll(/href="(\/[^"]*)"/g)) assert.match(m[1]!, /vorschau=5/, m[1]);
});

test('without dynamics and without boundaries the page still reads', () => {
  const view = indexView(
    [
      { code: 'A', name: 'Altmarkt', population: 3000, status: [0.2, 'mittel'] },
      { code: 'B', name: 'Bruch', population: 4000, status: [1.7, 'sehr niedrig'] },
    ],
    { shapes: [], notice: notice({ example: false }) },
  );
  view.config.dynamicsIndicators = [];
  view.rows.forEach((r) => (r.group = `Status ${r.statusClass}`));
  view.groups = ['hoch', 'mittel', 'niedrig', 'sehr niedrig'].map((s) => ({
    statusClass: s,
    dynamicsClass: '',
    label: `Status ${s}`,
    count: view.rows.filter((r) => r.statusClass === s).length,
  }));
  const html = indexPage(pageContext(), view);
  assertPageBasics(html);
  assert.doesNotMatch(html, /erzeugte Beispieldaten/, 'no example notice without example values');
  assert.match(text(html), /kein Dynamikindex festgelegt/);
  assert.match(text(html), /keine Gebietsgrenzen vor/);
  assert.deepEqual(
    tableRows(html, 'gruppen').map((r) => r.join('|')),
    [
      'Statusklasse|Anzahl',
      'Status hoch|0',
      'Status mittel|1',
      'Status niedrig|0',
      'Status sehr niedrig|1',
    ],
  );
  assert.equal(tableRows(html, 'gebiete').find((r) => r[0] === 'Bruch')![6], 'Status sehr niedrig');
});
