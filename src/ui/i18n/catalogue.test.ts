// The English catalogue covers every monitoring and directory key and keeps the {placeholders} of the German source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { de, type MessageKey } from './de.ts';
import { en } from './en.ts';
import { enDirectory } from './en-directory.ts';
import { enMonitoring } from './en-monitoring.ts';
import { hasMessage } from './index.ts';

type Catalogue = Partial<Record<string, string>>;

/** The names of the {placeholders} in a text, sorted and without repeats. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** Keys of the source that have no (non-blank) text in the target. */
function missingKeys(source: Catalogue, target: Catalogue): string[] {
  return Object.keys(source).filter((key) => !target[key]?.trim());
}

/** Keys translated in the target whose placeholders differ from the source, in either direction. */
function placeholderMismatches(source: Catalogue, target: Catalogue): string[] {
  return Object.entries(target).flatMap(([key, text]) => {
    const original = source[key];
    if (text === undefined || original === undefined) return [];
    const [want, got] = [placeholders(original), placeholders(text)];
    return want.join() === got.join()
      ? []
      : [`${key}: {${want.join('}, {')}} ≠ {${got.join('}, {')}}`];
  });
}

/** Every key of every German fragment file in this folder whose name matches, found on disk so new fragments count too. */
async function germanKeys(pattern: RegExp): Promise<{ files: string[]; keys: Set<string> }> {
  const files = readdirSync(import.meta.dirname).filter((f) => pattern.test(f));
  const keys = new Set<string>();
  for (const file of files) {
    const module = (await import(`./${file}`)) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      if (exported && typeof exported === 'object') {
        for (const key of Object.keys(exported)) keys.add(key);
      }
    }
  }
  return { files, keys };
}

const germanMonitoringKeys = () => germanKeys(/^de-monitoring.*\.ts$/);
const germanDirectoryKeys = () => germanKeys(/^de-directory.*\.ts$/);

test('the checks find a missing key and a changed placeholder', () => {
  assert.deepEqual(placeholders('{b} von {a}, {a}'), ['a', 'b']);
  const source = { one: 'Gebiet {n}', two: 'Karte: {name}', three: 'Stand {date}' };
  const target = { one: 'Area {n}', two: 'Map: {title}', three: 'as at {date} ({unit})' };
  assert.deepEqual(missingKeys(source, { one: 'Area {n}', two: ' ' }), ['two', 'three']);
  assert.deepEqual(placeholderMismatches(source, target), [
    'two: {name} ≠ {title}',
    'three: {date} ≠ {date}, {unit}',
  ]);
});

test('the German monitoring fragments are found and belong to the German catalogue', async () => {
  const { files, keys } = await germanMonitoringKeys();
  assert.ok(files.includes('de-monitoring.ts') && files.length >= 2, `found: ${files.join(', ')}`);
  assert.ok(keys.size > 0);
  const notInDe = [...keys].filter((key) => !(key in de));
  assert.deepEqual(notInDe, [], 'fragment keys that de.ts does not merge');
});

test('every German monitoring key has an English text', async () => {
  const { keys } = await germanMonitoringKeys();
  const german = Object.fromEntries([...keys].map((key) => [key, de[key as MessageKey]]));
  assert.deepEqual(missingKeys(german, en), [], 'monitoring keys without an English text');
  const notServed = [...keys].filter((key) => !hasMessage('en', key as MessageKey));
  assert.deepEqual(notServed, [], 'keys the English translator does not serve');
});

test('the English monitoring fragment holds only monitoring keys', async () => {
  const { keys } = await germanMonitoringKeys();
  const stray = Object.keys(enMonitoring).filter((key) => !keys.has(key));
  assert.deepEqual(stray, []);
});

test('every English text has exactly the placeholders of its German text', () => {
  assert.deepEqual(placeholderMismatches(de, en), []);
});

test('every German directory key has an English text, and the English directory fragment only those', async () => {
  const { files, keys } = await germanDirectoryKeys();
  assert.ok(files.includes('de-directory.ts') && keys.size > 0, `found: ${files.join(', ')}`);
  assert.deepEqual(
    [...keys].filter((key) => !(key in de)),
    [],
    'keys that de.ts does not merge',
  );
  const german = Object.fromEntries([...keys].map((key) => [key, de[key as MessageKey]]));
  assert.deepEqual(missingKeys(german, en), [], 'directory keys without an English text');
  const notServed = [...keys].filter((key) => !hasMessage('en', key as MessageKey));
  assert.deepEqual(notServed, [], 'keys the English translator does not serve');
  assert.deepEqual(
    Object.keys(enDirectory).filter((key) => !keys.has(key)),
    [],
  );
  assert.deepEqual(placeholderMismatches(german, enDirectory), []);
});
