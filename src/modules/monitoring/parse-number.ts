// Reads numbers, suppression markers and periods as statistics tables write them (German or plain notation).

/**
 * The decimal separator a file uses, decided from all its number cells together:
 * - 'comma': some cell shows a decimal comma (`12,5`, `1.234,5`, `0,250`) or dots as thousands
 *   separators (`1.234.567`), and no cell shows a decimal point;
 * - 'point': the reverse (`12.5`, `1,234.5`, `0.250`, `1,234,567`);
 * - 'mixed': both occur; 'unknown': neither (only integers or `1.234`-like cells).
 * Only a cell of the form `d{1,3}(.ddd)+` or `d{1,3}(,ddd)+` with a single separator kind is
 * ambiguous; the file's style resolves it. In an 'unknown' or 'mixed' file it is read as thousands
 * only in a count column (a count cannot be 1.234) and refused elsewhere.
 */
export type NumberStyle = 'comma' | 'point' | 'mixed' | 'unknown';

export type NumberReading =
  | { kind: 'number'; value: number; decimals: number | null }
  | { kind: 'marker'; flag: 'suppressed' | 'missing' }
  | { kind: 'invalid'; reason: string };

/** Destatis signs: "." unknown or secret, "x" blocked, "/" not reliable enough → withheld. */
const SUPPRESSED = new Set(['.', 'x', 'X', '/']);
/**
 * Dashes and ellipses: no value given. (Destatis writes "–" for "exactly zero"; a source that
 * follows it is read with `dashMeansZero`.)
 */
const MISSING = new Set(['-', '–', '—', '…', '...']);
const SPACES = /[ \u00a0\u202f]/;
const MAX_ABS = 1e15;

interface Shape {
  /** Digits with '.' as the decimal point, or null when the separators are ambiguous. */
  normal: string | null;
  /** Alternative readings of an ambiguous cell. */
  asDecimal?: string;
  asThousands?: string;
  sep?: ',' | '.';
  evidence: 'comma' | 'point' | null;
  decimals: number;
}

function shapeOf(body: string): Shape | null {
  if (/^\d+$/.test(body)) return { normal: body, evidence: null, decimals: 0 };
  // Spaces (also no-break) can only group thousands; a '.' or ',' after them is the decimal sign.
  if (SPACES.test(body)) {
    const m = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:([.,])(\d+))?$/.exec(body);
    if (!m) return null;
    const int = m[1]!.replace(/[ \u00a0\u202f]/g, '');
    if (!m[2]) return { normal: int, evidence: null, decimals: 0 };
    return {
      normal: `${int}.${m[3]}`,
      evidence: m[2] === ',' ? 'comma' : 'point',
      decimals: m[3]!.length,
    };
  }
  const hasDot = body.includes('.');
  const hasComma = body.includes(',');
  if (hasDot && hasComma) {
    const dec = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    const t = thou === '.' ? '\\.' : ',';
    const m = new RegExp(`^(\\d{1,3}(?:${t}\\d{3})+)\\${dec}(\\d+)$`).exec(body);
    if (!m) return null;
    return {
      normal: `${m[1]!.split(thou).join('')}.${m[2]}`,
      evidence: dec === ',' ? 'comma' : 'point',
      decimals: m[2]!.length,
    };
  }
  const sep = hasDot ? '.' : ',';
  const parts = body.split(sep);
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  if (parts.length > 2) {
    // 1.234.567 or 1,234,567: only thousands separators can repeat.
    if (!/^\d{1,3}$/.test(parts[0]!) || parts.slice(1).some((p) => p.length !== 3)) return null;
    return { normal: parts.join(''), evidence: sep === '.' ? 'comma' : 'point', decimals: 0 };
  }
  const [int, frac] = parts as [string, string];
  const decimal = `${int}.${frac}`;
  const couldBeThousands = /^[1-9]\d{0,2}$/.test(int) && frac.length === 3;
  if (!couldBeThousands)
    return { normal: decimal, evidence: sep === ',' ? 'comma' : 'point', decimals: frac.length };
  return {
    normal: null,
    asDecimal: decimal,
    asThousands: int + frac,
    sep,
    evidence: null,
    decimals: 3,
  };
}

function split(text: string): { sign: string; body: string; unit: string } {
  let rest = text;
  let unit = '';
  const u = /\s*([%‰])$/.exec(rest);
  if (u) {
    unit = u[1]!;
    rest = rest.slice(0, u.index);
  }
  let sign = '';
  if (/^[-+\u2212]/.test(rest)) {
    sign = rest[0] === '+' ? '' : '-';
    rest = rest.slice(1);
  }
  return { sign, body: rest, unit };
}

/** Which decimal separator one number cell shows, if any (see NumberStyle). */
export function evidenceOf(raw: string): 'comma' | 'point' | null {
  const text = raw.trim();
  if (text === '' || SUPPRESSED.has(text) || MISSING.has(text)) return null;
  return shapeOf(split(text).body)?.evidence ?? null;
}

export function detectNumberStyle(texts: Iterable<string>): NumberStyle {
  let comma = false;
  let point = false;
  for (const t of texts) {
    const e = evidenceOf(t);
    if (e === 'comma') comma = true;
    else if (e === 'point') point = true;
    if (comma && point) return 'mixed';
  }
  return comma ? 'comma' : point ? 'point' : 'unknown';
}

const DASHES = new Set(['-', '–', '—']);

export function readMarker(text: string, dashMeansZero = false): NumberReading | null {
  if (text === '') return { kind: 'marker', flag: 'missing' };
  if (dashMeansZero && DASHES.has(text)) return { kind: 'number', value: 0, decimals: 0 };
  if (SUPPRESSED.has(text)) return { kind: 'marker', flag: 'suppressed' };
  if (MISSING.has(text)) return { kind: 'marker', flag: 'missing' };
  return null;
}

/**
 * Reads one number cell. `per` allows a trailing "%" (per 100) or "‰" (per 1,000); `countColumn`
 * resolves `1.234` as thousands when the file shows no decimal separator at all.
 */
export function readNumberText(
  raw: string,
  style: NumberStyle,
  options: { per?: number; countColumn?: boolean; dashMeansZero?: boolean } = {},
): NumberReading {
  const text = raw.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  const marker = readMarker(text, options.dashMeansZero);
  if (marker) return marker;
  const { sign, body, unit } = split(text);
  const invalid: NumberReading = { kind: 'invalid', reason: `„${text}“ ist keine Zahl` };
  if (unit === '%' && options.per !== 100)
    return {
      kind: 'invalid',
      reason: `„${text}“: ein Prozentzeichen passt nicht zu diesem Indikator`,
    };
  if (unit === '‰' && options.per !== 1000)
    return {
      kind: 'invalid',
      reason: `„${text}“: ein Promillezeichen passt nicht zu diesem Indikator`,
    };
  const shape = shapeOf(body);
  if (!shape) return invalid;
  let normal = shape.normal;
  let decimals = shape.decimals;
  if (normal === null) {
    const decimalStyle = shape.sep === ',' ? 'comma' : 'point';
    if (style === decimalStyle) normal = shape.asDecimal!;
    else if (style === 'comma' || style === 'point' || options.countColumn) {
      normal = shape.asThousands!;
      decimals = 0;
    } else {
      const why =
        style === 'mixed'
          ? 'die Datei mischt Dezimalkomma und Dezimalpunkt'
          : 'die Datei zeigt kein Dezimaltrennzeichen';
      return {
        kind: 'invalid',
        reason: `„${text}“ ist mehrdeutig (${shape.asThousands} oder ${shape.asDecimal!.replace('.', ',')}), denn ${why}. Bitte ohne Tausendertrennzeichen schreiben.`,
      };
    }
  }
  const value = Number(sign + normal);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS)
    return { kind: 'invalid', reason: `„${text}“ liegt außerhalb des zulässigen Bereichs` };
  // -0 would print as 0 but compare oddly; normalise it.
  return { kind: 'number', value: value === 0 ? 0 : value, decimals };
}

/** Checks a number that came as a number (XLSX cell). */
export function readNumberValue(value: number): NumberReading {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS)
    return { kind: 'invalid', reason: `${value} liegt außerhalb des zulässigen Bereichs` };
  return { kind: 'number', value: value === 0 ? 0 : value, decimals: null };
}

const PERIOD_FORMS = 'JJJJ, JJJJ-MM, JJJJ-MM-TT oder TT.MM.JJJJ';

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Normalises a period to `2021`, `2021-06` or `2021-12-31`; returns a German reason otherwise. */
export function normalisePeriod(
  raw: string,
): { ok: true; period: string } | { ok: false; reason: string } {
  const text = raw.trim();
  const wrong = {
    ok: false as const,
    reason: `Zeitraum „${text}“ hat nicht die Form ${PERIOD_FORMS}`,
  };
  const noDate = { ok: false as const, reason: `Zeitraum „${text}“ ist kein gültiges Datum` };
  let m = /^(\d{4})$/.exec(text);
  if (m) return { ok: true, period: m[1]! };
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { ok: true, period: text } : noDate;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? null;
  let ymd: [number, number, number] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  if (!ymd) {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  if (!ymd) return wrong;
  const [y, mo, d] = ymd;
  if (!isRealDate(y, mo, d)) return noDate;
  return { ok: true, period: `${y}-${pad(mo)}-${pad(d)}` };
}

/** A date from a spreadsheet cell (exceljs gives UTC midnight) as an ISO period. */
export function periodOfDate(
  date: Date,
): { ok: true; period: string } | { ok: false; reason: string } {
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1000 || date.getUTCFullYear() > 9999)
    return { ok: false, reason: 'Zeitraum ist kein gültiges Datum' };
  return {
    ok: true,
    period: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
  };
}
