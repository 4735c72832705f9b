// Opening hours on the wall clock: daylight-saving changes in Berlin, openings past midnight, closed
// days, validity, and property tests against a brute-force reading of the local clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hoursOn, isOpenAt, nextOpening, wallClock, type WeeklySchedule } from './opening-hours.ts';

const BERLIN = 'Europe/Berlin';
const every = 'MO,TU,WE,TH,FR,SA,SU';
const weekly = (
  byday: string,
  opensAt: string,
  closesAt: string,
  extra: Partial<WeeklySchedule> = {},
) =>
  ({
    freq: 'WEEKLY',
    byday,
    opensAt,
    closesAt,
    timezone: BERLIN,
    ...extra,
  }) satisfies WeeklySchedule;
const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

/** Minutes of a UTC day [start, start + 24 h) at which the schedules are open. */
function openMinutes(schedules: WeeklySchedule[], startIso: string): number {
  let n = 0;
  for (let t = at(startIso).getTime(); t < at(startIso).getTime() + 1440 * MINUTE; t += MINUTE)
    if (isOpenAt(schedules, new Date(t))) n += 1;
  return n;
}

test('spring forward (29 March 2026): 08:00–12:00 is open at 08:30 local on both sides', () => {
  const office = [weekly(every, '08:00', '12:00')];
  assert.equal(isOpenAt(office, at('2026-03-28T07:30:00Z')), true, 'Sat 08:30 CET');
  assert.equal(isOpenAt(office, at('2026-03-29T06:30:00Z')), true, 'Sun 08:30 CEST');
  assert.equal(isOpenAt(office, at('2026-03-29T05:30:00Z')), false, 'Sun 07:30 CEST');
  assert.equal(isOpenAt(office, at('2026-03-28T10:30:00Z')), true, 'Sat 11:30 CET');
  assert.equal(isOpenAt(office, at('2026-03-29T10:30:00Z')), false, 'Sun 12:30 CEST');
  assert.equal(openMinutes(office, '2026-03-29T00:00:00Z'), 240);
});

test('spring forward: 02:00–03:00 does not exist, an opening in the gap starts when the clock jumps', () => {
  const gap = [weekly('SU', '02:00', '03:00')];
  assert.equal(openMinutes(gap, '2026-03-28T22:00:00Z'), 0, 'the clock never shows 02:xx');
  assert.equal(openMinutes(gap, '2026-03-21T22:00:00Z'), 60, 'a week earlier it does');
  const late = [weekly('SU', '02:30', '04:00')];
  assert.equal(isOpenAt(late, at('2026-03-29T00:59:59Z')), false, '01:59:59 CET');
  assert.equal(isOpenAt(late, at('2026-03-29T01:00:00Z')), true, '03:00 CEST');
  assert.equal(
    nextOpening(late, at('2026-03-28T20:00:00Z'))?.toISOString(),
    '2026-03-29T01:00:00.000Z',
  );
});

test('fall back (25 October 2026): 08:00–12:00 at 08:30 local; 02:00–03:00 happens twice', () => {
  const office = [weekly(every, '08:00', '12:00')];
  assert.equal(isOpenAt(office, at('2026-10-24T06:30:00Z')), true, 'Sat 08:30 CEST');
  assert.equal(isOpenAt(office, at('2026-10-25T07:30:00Z')), true, 'Sun 08:30 CET');
  assert.equal(isOpenAt(office, at('2026-10-25T06:30:00Z')), false, 'Sun 07:30 CET');
  assert.equal(openMinutes(office, '2026-10-25T00:00:00Z'), 240);
  const night = [weekly('SU', '02:00', '03:00')];
  assert.equal(isOpenAt(night, at('2026-10-25T00:30:00Z')), true, '02:30 CEST');
  assert.equal(isOpenAt(night, at('2026-10-25T01:30:00Z')), true, '02:30 CET');
  assert.equal(isOpenAt(night, at('2026-10-25T02:00:00Z')), false, '03:00 CET');
  assert.equal(openMinutes(night, '2026-10-24T22:00:00Z'), 120, 'the hour runs twice');
  const short = [weekly('SU', '02:00', '02:45')];
  assert.equal(isOpenAt(short, at('2026-10-25T00:50:00Z')), false, '02:50 CEST');
  assert.equal(
    nextOpening(short, at('2026-10-25T00:50:00Z'))?.toISOString(),
    '2026-10-25T01:00:00.000Z',
  );
});

test('closing after midnight: 18:00–01:00 on Fridays belongs to Friday', () => {
  const bar = [weekly('FR', '18:00', '01:00')];
  assert.equal(isOpenAt(bar, at('2026-06-05T15:59:00Z')), false, 'Fri 17:59 CEST');
  assert.equal(isOpenAt(bar, at('2026-06-05T21:30:00Z')), true, 'Fri 23:30');
  assert.equal(isOpenAt(bar, at('2026-06-05T22:30:00Z')), true, 'Sat 00:30');
  assert.equal(isOpenAt(bar, at('2026-06-05T23:00:00Z')), false, 'Sat 01:00');
  assert.equal(isOpenAt(bar, at('2026-06-06T16:30:00Z')), false, 'Sat 18:30');
  assert.equal(isOpenAt(bar, at('2026-06-04T22:30:00Z')), false, 'Fri 00:30 (Thursday night)');
  // Saturday night across the spring change: 22:00 CET until 03:00 CEST is four hours.
  const party = [weekly('SA', '22:00', '03:00')];
  assert.equal(openMinutes(party, '2026-03-28T12:00:00Z'), 240);
  assert.equal(isOpenAt(party, at('2026-03-29T00:59:00Z')), true, '01:59 CET');
  assert.equal(isOpenAt(party, at('2026-03-29T01:00:00Z')), false, '03:00 CEST');
});

test('closed days, 24 hours, validity, and schedules that do not parse', () => {
  const weekdays = [weekly('MO,TU,WE,TH,FR', '09:00', '17:00')];
  assert.equal(isOpenAt(weekdays, at('2026-06-06T10:00:00Z')), false, 'Saturday');
  assert.equal(isOpenAt(weekdays, at('2026-06-08T10:00:00Z')), true, 'Monday');
  assert.equal(isOpenAt([], at('2026-06-08T10:00:00Z')), false);
  assert.equal(isOpenAt([weekly('MO', '00:00', '24:00')], at('2026-06-08T21:59:59Z')), true);
  assert.equal(isOpenAt([weekly('MO', '00:00', '00:00')], at('2026-06-08T21:59:59Z')), true);
  assert.equal(isOpenAt([weekly('MO', '00:00', '00:00')], at('2026-06-08T22:00:00Z')), false);
  const summer = [
    weekly(every, '09:00', '17:00', { validFrom: '2026-06-01', validTo: '2026-08-31' }),
  ];
  assert.equal(isOpenAt(summer, at('2026-05-31T10:00:00Z')), false);
  assert.equal(isOpenAt(summer, at('2026-06-01T10:00:00Z')), true);
  assert.equal(isOpenAt(summer, at('2026-08-31T10:00:00Z')), true);
  assert.equal(isOpenAt(summer, at('2026-09-01T10:00:00Z')), false);
  const lastNight = [weekly(every, '22:00', '02:00', { validTo: '2026-08-31' })];
  assert.equal(isOpenAt(lastNight, at('2026-08-31T23:30:00Z')), true, 'the tail of 31 August');
  assert.equal(isOpenAt(lastNight, at('2026-09-01T23:30:00Z')), false);
  const broken: WeeklySchedule[] = [
    weekly('MO,XX', '09:00', '17:00'),
    weekly('MO', '9 Uhr', '17:00'),
    weekly('MO', '24:00', '17:00'),
    weekly('MO', '09:00', '17:00', { timezone: 'Mars/Olympus' }),
    weekly('MO', '09:00', '17:00', { freq: 'MONTHLY' }),
    { byday: null, opensAt: '09:00', closesAt: '17:00', timezone: BERLIN },
  ];
  assert.equal(isOpenAt(broken, at('2026-06-08T10:00:00Z')), false);
  assert.deepEqual(hoursOn(broken, '2026-06-08'), []);
  assert.equal(nextOpening(broken, at('2026-06-08T10:00:00Z')), null);
});

test('hours of a day, sorted, for a date or for an instant read in a zone', () => {
  const split = [
    weekly('MO,TU', '14:00', '16:30'),
    weekly('MO', '08:00', '12:00'),
    weekly('MO', '08:00', '12:00'),
    weekly('SU', '18:00', '01:00'),
  ];
  assert.deepEqual(hoursOn(split, '2026-03-30'), [
    { opens: '08:00', closes: '12:00', overnight: false, timezone: BERLIN },
    { opens: '14:00', closes: '16:30', overnight: false, timezone: BERLIN },
  ]);
  // 23:30 UTC on Saturday is already Sunday in Berlin.
  assert.deepEqual(hoursOn(split, at('2026-03-28T23:30:00Z'), BERLIN), [
    { opens: '18:00', closes: '01:00', overnight: true, timezone: BERLIN },
  ]);
  assert.deepEqual(hoursOn(split, '2026-03-28'), []);
});

test('next opening: from Friday afternoon to Monday 08:00 across the change to summer time', () => {
  const office = [weekly('MO,TU,WE,TH,FR', '08:00', '12:00')];
  assert.equal(
    nextOpening(office, at('2026-03-27T12:00:00Z'))?.toISOString(),
    '2026-03-30T06:00:00.000Z',
  );
  assert.equal(
    nextOpening(office, at('2026-10-23T12:00:00Z'))?.toISOString(),
    '2026-10-26T07:00:00.000Z',
  );
  // Open now: the next opening is tomorrow's.
  assert.equal(
    nextOpening(office, at('2026-06-08T07:00:00Z'))?.toISOString(),
    '2026-06-09T06:00:00.000Z',
  );
  assert.equal(nextOpening(office, at('2026-06-08T07:00:00Z'), 0), null);
  const once = [weekly('MO', '08:00', '12:00', { validTo: '2026-06-08' })];
  assert.equal(nextOpening(once, at('2026-06-08T12:00:00Z')), null);
});

// ---- Property tests ----------------------------------------------------------------------------

/** FUZZ_SEED reproduces a run (fast-check prints seed and path on failure); FUZZ_RUNS scales it. */
const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const scale = Number(process.env['FUZZ_RUNS'] ?? 1);
const runs = (n: number) => ({
  numRuns: Math.max(1, Math.round(n * scale)),
  ...(seed !== undefined ? { seed } : {}),
});

const DAY_MS = 86_400_000;
const CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const ZONES = [
  BERLIN,
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
];

/** The zone's wall clock as milliseconds of a "floating" UTC timeline, read through toLocaleString. */
function floatingLocal(instant: Date, zone: string): number {
  const [d, t] = instant.toLocaleString('sv-SE', { timeZone: zone }).split(' ');
  const [y, mo, da] = d!.split('-').map(Number);
  const [h, mi, s] = t!.split(':').map(Number);
  return Date.UTC(y!, mo! - 1, da!, h, mi, s);
}

const clockMs = (v: string) => (Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5))) * MINUTE;

/** Brute force: lay each opening of yesterday and today on the local timeline and look the clock up. */
function bruteOpen(schedules: WeeklySchedule[], instant: Date): boolean {
  return schedules.some((s) => {
    const local = floatingLocal(instant, s.timezone);
    for (const back of [0, 1]) {
      const dayStart = local - (local % DAY_MS) - back * DAY_MS;
      const date = new Date(dayStart).toISOString().slice(0, 10);
      if (!s.byday!.split(',').includes(CODES[new Date(dayStart).getUTCDay()]!)) continue;
      if ((s.validFrom && date < s.validFrom) || (s.validTo && date > s.validTo)) continue;
      const open = dayStart + clockMs(s.opensAt!);
      let close = dayStart + clockMs(s.closesAt!);
      if (close <= open) close += DAY_MS;
      if (local >= open && local < close) return true;
    }
    return false;
  });
}

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const dayInRange = fc
  .integer({ min: 0, max: 4 * 365 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * DAY_MS).toISOString().slice(0, 10));
const schedule: fc.Arbitrary<WeeklySchedule> = fc.record({
  freq: fc.constantFrom('WEEKLY', null),
  byday: fc.subarray(CODES.slice(1).concat('SU'), { minLength: 1 }).map((d) => d.join(',')),
  opensAt: fc.oneof(clock, fc.constantFrom('02:00', '02:30', '00:00')),
  closesAt: fc.oneof(clock, fc.constantFrom('03:00', '24:00', '00:00')),
  timezone: fc.constantFrom(...ZONES),
  validFrom: fc.option(dayInRange, { nil: null }),
  validTo: fc.option(dayInRange, { nil: null }),
});
/** Berlin's changes 2025–2028 and a few elsewhere, to land near them often. */
const CHANGES = [
  '2025-03-30T01:00Z',
  '2025-10-26T01:00Z',
  '2026-03-29T01:00Z',
  '2026-10-25T01:00Z',
  '2027-03-28T01:00Z',
  '2026-03-08T07:00Z',
  '2026-04-05T16:00Z',
  '2026-09-26T14:00Z',
].map((s) => Date.parse(s));
const instant = fc
  .oneof(
    fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }),
    fc
      .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -6 * 3600, max: 6 * 3600 }))
      .map(([c, s]) => c + s * 1000),
  )
  .map((ms) => new Date(ms));

test('property: isOpenAt agrees with the brute-force wall-clock check', () => {
  fc.assert(
    fc.property(fc.array(schedule, { minLength: 0, maxLength: 4 }), instant, (schedules, t) => {
      assert.equal(isOpenAt(schedules, t), bruteOpen(schedules, t));
    }),
    runs(2000),
  );
});

test('property: the wall clock read through formatToParts equals toLocaleString', () => {
  fc.assert(
    fc.property(instant, fc.constantFrom(...ZONES), (t, zone) => {
      const w = wallClock(t, zone);
      const expected = floatingLocal(t, zone);
      assert.equal(
        Date.parse(`${w.date}T00:00:00Z`) + w.seconds * 1000,
        expected - (expected % 1000),
      );
    }),
    runs(1000),
  );
});

test('property: nextOpening is the first minute that opens after a closed one', () => {
  const minuteInstant = instant.map((t) => new Date(t.getTime() - (t.getTime() % MINUTE)));
  fc.assert(
    fc.property(
      fc.array(schedule, { minLength: 1, maxLength: 3 }),
      minuteInstant,
      (schedules, from) => {
        const found = nextOpening(schedules, from, 2);
        let expected: number | null = null;
        for (let t = from.getTime(); t <= from.getTime() + 2 * DAY_MS; t += MINUTE)
          if (isOpenAt(schedules, new Date(t)) && !isOpenAt(schedules, new Date(t - 1000))) {
            expected = t;
            break;
          }
        assert.equal(found?.getTime() ?? null, expected);
      },
    ),
    runs(40),
  );
});
