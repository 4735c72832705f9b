// German statistical notation of counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCount } from './parse-count.ts';

test('reads counts as statistics offices write them', () => {
  assert.deepEqual(parseCount('212.127'), { ok: true, value: 212127 });
  assert.deepEqual(parseCount('1 234'), { ok: true, value: 1234 });
  assert.deepEqual(parseCount(42), { ok: true, value: 42 });
  assert.deepEqual(parseCount('–'), { ok: true, value: 0 });
  assert.deepEqual(parseCount('.'), { ok: true, value: null });
  assert.deepEqual(parseCount(''), { ok: true, value: null });
  assert.deepEqual(parseCount('12,5'), { ok: false });
  assert.deepEqual(parseCount('-3'), { ok: false });
  assert.deepEqual(parseCount('abc'), { ok: false });
});
