// Weekly opening hours (HSDS schedules: byday, opens_at/closes_at in an IANA zone) on the wall clock.
// An office "08:00–12:00" is open whenever the clock on its wall shows 08:00–11:59, in winter and
// summer time alike; the zone's rules come from Intl (ICU's tz data), never from a table here.

/** The parts of an HSDS schedule row that describe weekly opening hours. */
export interface WeeklySchedule {
  freq?: string | null;
  /** RFC 5545 days: "MO,TU,WE". */
  byday: string | null;
  /** "HH:MM" or "HH:MM:SS"; closes may be "24:00". */
  opensAt: string | null;
  closesAt: string | null;
  /** IANA zone, e.g. Europe/Berlin. */
  timezone: string;
  /** First and last day (local dates, "JJJJ-MM-TT") the hours apply; open-ended when null. */
  validFrom?: string | null;
  validTo?: string | null;
}

/** One opening on a day, as shown on an entry page. */
export interface OpeningInterval {
  opens: string;
  closes: string;
  /** Closes on the following day (e.g. 18:00–01:00). */
  overnight: boolean;
  timezone: string;
}

export interface WallClock {
  /** Local date "JJJJ-MM-TT". */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Seconds since local midnight. */
  seconds: number;
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_SECONDS = 86_400;

interface Rule {
  days: ReadonlySet<number>;
  opens: number;
  /** When closes <= opens the opening runs past midnight; equal means 24 hours. */
  closes: number;
  zone: string;
  from: string | null;
  to: string | null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows the zone. */
export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in a zone at an instant. */
export function wallClock(instant: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(instant))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const date = `${String(parts['year']).padStart(4, '0')}-${pad(parts['month']!)}-${pad(parts['day']!)}`;
  return {
    date,
    weekday: weekdayOf(date),
    seconds: parts['hour']! * 3600 + parts['minute']! * 60 + parts['second']!,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function utcMidnight(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** 0 = Monday … 6 = Sunday of a calendar date. */
export function weekdayOf(date: string): number {
  return (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
}

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/** "HH:MM" or "HH:MM:SS" → seconds; "24:00" only where allowed (closing times). */
export function parseClock(value: string, allow24 = false): number | null {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h === 24 && min === 0 && s === 0) return allow24 ? DAY_SECONDS : null;
  if (h > 23 || min > 59 || s > 59) return null;
  return h * 3600 + min * 60 + s;
}

function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return s ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(h)}:${pad(m)}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** A schedule as a rule, or null when it is not weekly opening hours or does not parse. */
function compile(s: WeeklySchedule): Rule | null {
  if (s.freq && s.freq.trim().toUpperCase() !== 'WEEKLY') return null;
  if (!s.byday || !s.opensAt || !s.closesAt || !isValidZone(s.timezone)) return null;
  const days = new Set<number>();
  for (const token of s.byday.split(',')) {
    const day = DAY_CODES.indexOf(token.trim().toUpperCase() as (typeof DAY_CODES)[number]);
    if (day < 0) return null;
    days.add(day);
  }
  const opens = parseClock(s.opensAt);
  const closes = parseClock(s.closesAt, true);
  if (opens === null || closes === null) return null;
  const from = s.validFrom && DATE.test(s.validFrom) ? s.validFrom.slice(0, 10) : null;
  const to = s.validTo && DATE.test(s.validTo) ? s.validTo.slice(0, 10) : null;
  return { days, opens, closes, zone: s.timezone, from, to };
}

function compileAll(schedules: readonly WeeklySchedule[]): Rule[] {
  return schedules.map(compile).filter((r): r is Rule => r !== null);
}

/** Whether an opening of the rule starts on this local date. */
function startsOn(rule: Rule, date: string, weekday = weekdayOf(date)): boolean {
  return (
    rule.days.has(weekday) && (!rule.from || date >= rule.from) && (!rule.to || date <= rule.to)
  );
}

function ruleOpenAt(rule: Rule, instant: Date): boolean {
  const w = wallClock(instant, rule.zone);
  const overnight = rule.closes <= rule.opens;
  if (startsOn(rule, w.date, w.weekday)) {
    if (w.seconds >= rule.opens && (overnight || w.seconds < rule.closes)) return true;
  }
  // The part after midnight of an opening that started the day before.
  return (
    overnight && w.seconds < rule.closes && startsOn(rule, addDays(w.date, -1), (w.weekday + 6) % 7)
  );
}

/** Whether any schedule describes weekly opening hours that parse. */
export function hasWeeklyHours(schedules: readonly WeeklySchedule[]): boolean {
  return compileAll(schedules).length > 0;
}

/** Whether any of the weekly schedules is open at the instant. Schedules that do not parse count as closed. */
export function isOpenAt(schedules: readonly WeeklySchedule[], instant: Date): boolean {
  return compileAll(schedules).some((rule) => ruleOpenAt(rule, instant));
}

function anyOpenAt(rules: readonly Rule[], ms: number): boolean {
  const instant = new Date(ms);
  return rules.some((rule) => ruleOpenAt(rule, instant));
}

/**
 * The openings that start on a day, sorted: the date as "JJJJ-MM-TT", or an instant taken as the
 * local date in `zone`. Times are those of each schedule's own zone.
 */
export function hoursOn(
  schedules: readonly WeeklySchedule[],
  date: string | Date,
  zone = 'Europe/Berlin',
): OpeningInterval[] {
  const day = typeof date === 'string' ? date : wallClock(date, zone).date;
  const seen = new Set<string>();
  const out: (OpeningInterval & { start: number })[] = [];
  for (const rule of compileAll(schedules)) {
    if (!startsOn(rule, day)) continue;
    const interval = {
      opens: formatClock(rule.opens),
      closes: formatClock(rule.closes),
      overnight: rule.closes <= rule.opens,
      timezone: rule.zone,
    };
    const key = JSON.stringify(interval);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...interval, start: rule.opens });
  }
  return out.sort((a, b) => a.start - b.start).map(({ start: _start, ...i }) => i);
}

/** Seconds between the UTC reading of the zone's wall clock and the instant (its UTC offset). */
function offsetAt(ms: number, zone: string): number {
  const w = wallClock(new Date(ms), zone);
  return utcMidnight(w.date) + w.seconds * 1000 - Math.floor(ms / 1000) * 1000;
}

/** The instants at which the zone's clock shows date + seconds: none in a gap, two in an overlap. */
function instantsOf(date: string, seconds: number, zone: string): number[] {
  const floating = utcMidnight(date) + seconds * 1000;
  const found = new Set<number>();
  for (const probe of [floating - DAY_SECONDS * 1000, floating, floating + DAY_SECONDS * 1000]) {
    const t = floating - offsetAt(probe, zone);
    if (offsetAt(t, zone) === floating - t) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

/** Instants in [from, to) at which the zone's offset changes (to the second). */
function transitions(zone: string, from: number, to: number): number[] {
  const step = 6 * 3600 * 1000;
  const out: number[] = [];
  for (let a = from; a < to; a += step) {
    const b = Math.min(a + step, to);
    if (offsetAt(a, zone) === offsetAt(b, zone)) continue;
    let [lo, hi] = [a, b];
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetAt(mid, zone) === offsetAt(a, zone)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/**
 * The next instant at or after `from` at which a closed place opens (an opening in the spring gap
 * begins when the clock jumps; in the autumn overlap a place can open twice). Null when nothing
 * opens within `horizonDays`.
 */
export function nextOpening(
  schedules: readonly WeeklySchedule[],
  from: Date,
  horizonDays = 14,
): Date | null {
  const rules = compileAll(schedules);
  if (rules.length === 0) return null;
  const start = from.getTime();
  const end = start + horizonDays * DAY_SECONDS * 1000;
  const candidates = new Set<number>();
  for (const zone of new Set(rules.map((r) => r.zone)))
    for (const t of transitions(zone, start - DAY_SECONDS * 1000, end)) candidates.add(t);
  for (const rule of rules) {
    const first = addDays(wallClock(from, rule.zone).date, -1);
    for (let k = 0; k <= horizonDays + 1; k++) {
      const day = addDays(first, k);
      if (startsOn(rule, day))
        for (const t of instantsOf(day, rule.opens, rule.zone)) candidates.add(t);
    }
  }
  const opensAt = (t: number) => anyOpenAt(rules, t) && !anyOpenAt(rules, t - 1000);
  const next = [...candidates]
    .filter((t) => t >= start && t <= end)
    .sort((a, b) => a - b)
    .find(opensAt);
  return next === undefined ? null : new Date(next);
}
