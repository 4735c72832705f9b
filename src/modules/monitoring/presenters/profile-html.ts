// Readers of rendered HTML for the presenter tests: text, tables, rows, ids, and the checks every
// monitoring page must pass (one h1, headings in order, unique ids, no inline style).
import assert from 'node:assert/strict';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Visible text of an HTML fragment, tags removed and entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The table whose caption contains the text. */
export function tableByCaption(html: string, caption: string): string {
  const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
  const found = tables.find((t) =>
    textOf(/<caption[\s\S]*?<\/caption>/.exec(t)?.[0] ?? '').includes(caption),
  );
  if (!found) throw new Error(`no table with caption "${caption}"`);
  return found;
}

/** The rows of a table whose header cell (first cell) contains the text. */
export function rowOf(table: string, header: string): string {
  const rows = table.match(/<tr[\s\S]*?<\/tr>/g) ?? [];
  const found = rows.find((r) =>
    textOf(/<t[hd][\s\S]*?<\/t[hd]>/.exec(r)?.[0] ?? '').includes(header),
  );
  if (!found) throw new Error(`no row "${header}"`);
  return found;
}

/** The text of each cell of a row, in order. */
export function cellsOf(row: string): string[] {
  return (row.match(/<t[hd][\s\S]*?<\/t[hd]>/g) ?? []).map(textOf);
}

export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
}

/** The values of an attribute, entities decoded (`&amp;` in a link is `&`). */
export function attrValues(html: string, attr: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, 'g'))].map((m) =>
    m[1]!.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]!),
  );
}

export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

/** The main content, without the site frame (whose navigation links carry no preview). */
export function mainOf(html: string): string {
  return /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
}

/** What every page must satisfy: one h1, headings in order, no inline style, ids unique and referenced ids present, tables with caption and scoped headers. */
export function assertWellFormedPage(html: string): void {
  assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, 'exactly one <h1>');
  assert.doesNotMatch(html, /\sstyle=/, 'no style attribute');
  const ids = idsOf(html);
  const unique = new Set(ids);
  assert.equal(
    unique.size,
    ids.length,
    `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`,
  );
  for (const target of attrValues(html, 'for'))
    assert.ok(unique.has(target), `label for="${target}"`);
  for (const attr of ['aria-labelledby', 'aria-describedby'])
    for (const value of attrValues(html, attr))
      for (const target of value.split(/\s+/)) assert.ok(unique.has(target), `${attr}="${target}"`);
  for (const href of attrValues(html, 'href'))
    if (href.startsWith('#'))
      assert.ok(unique.has(decodeURIComponent(href.slice(1))), `link ${href}`);
  const levels = headingLevels(html);
  levels.forEach((level, i) => {
    if (i > 0) assert.ok(level <= levels[i - 1]! + 1, `heading h${level} after h${levels[i - 1]}`);
  });
  for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? [])
    assert.match(table, /<caption[\s>]/, 'table has a caption');
  for (const th of html.match(/<th[\s>][^>]*>/g) ?? []) assert.match(th, /\sscope="(col|row)"/, th);
}
