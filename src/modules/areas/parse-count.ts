// Reads a count as German statistics offices write it: 1.234 or 1 234; "–" means none (0), "." or "x" withheld.
export type ParsedCount = { ok: true; value: number | null } | { ok: false };

export function parseCount(raw: unknown): ParsedCount {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  if (text === '' || text === '.' || text.toLowerCase() === 'x') return { ok: true, value: null };
  if (text === '–' || text === '-' || text === '—') return { ok: true, value: 0 };
  const digits = text.replace(/[.\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false };
  const value = Number(digits);
  // Counts are stored as PostgreSQL integer.
  if (value > 2_147_483_647) return { ok: false };
  return { ok: true, value };
}
