// Statistical disclosure control on the server: small counts, and everything they could be recomputed from.
//
// Counts (discloseCounts):
// 1. Primary: a count n with 0 < n < minCount (default 3: 1 and 2) is suppressed. A count of 0 is
//    published, as in the tables of the statistical offices and the Bundesagentur für Arbeit,
//    whose sign convention prints „–“ for nothing there and „.“ for a value kept secret
//    (parse-count.ts reads the same signs): no person stands behind a 0. Hiding zeros too would
//    only widen a hidden cell's range from {1, 2} to {0, 1, 2}, at the price of every empty area.
// 2. Secondary: every area with children gives a published equation parent = Σ children. A cell
//    without value is unknown to a reader too. A suppressed cell must not be recoverable from the
//    published cells through these equations, on any level and across levels. In a tree every
//    cell appears in at most two equations (as parent, as child), so repeatedly solving an
//    equation with a single unknown and substituting the result finds every recoverable cell
//    (the equations form a forest; cutting it at a cell leaves a side without another unknown
//    exactly when that cell is determined). While such a chain reaches a suppressed cell, one
//    more cell of the last equation in the chain is suppressed: the smallest positive published
//    sibling that lifts the suppressed siblings' total to minCount (else the largest, a 0 last),
//    and the parent only when no sibling is left. Suppressing a cell adds it to two equations
//    (a district hidden on one level must be covered among the districts and among its own
//    quarters), so this repeats to a fixed point.
// 3. Group rule: a reader can still compute the total of a group of suppressed cells (a published
//    area minus the published cells of any cut through its subtree). Counts are not negative, so
//    a group total of 0 would reveal every member, and a total below minCount is itself a small
//    count. Every such recoverable group total is therefore kept at minCount or above, by
//    suppressing one more published cell of that cut (the smallest leaf that is enough).
// The choice is greedy, not minimal (τ-Argus solves an optimisation problem for that).
//
// Shares and rates (discloseShare) and changes (discloseChange) are published only when the counts
// they were computed from are published and are the very counts they were computed from; a value
// computed from a suppressed cell is suppressed ('derived'). A share imported without any count
// passes unchanged (its source published it). One with just one published count is suppressed: the
// share and that count would give away the other, unchecked count.
//
// Limit: the kind of suppression is for staff. Shown publicly, „weniger als 3 Fälle“ narrows a
// cell to 1 or 2 and can combine with a recoverable group total (a + b = 4 with a ∈ {1, 2} and
// b = 0 or b ≥ 3 gives a = 1): the public should see „.“ for every suppressed cell.
import { AppError, type ErrorDetail } from '../../core/errors.ts';
import { buildHierarchy, type AggArea, type Cell, type ChangeCell } from './aggregate.ts';

export interface DisclosedCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: false | 'primary' | 'secondary' | 'derived';
  /** German reason, for staff and the legend. */
  reason: string | null;
}

export const reasons = {
  primary: (minCount: number) => `weniger als ${minCount} Fälle`,
  secondary: 'gesperrt, damit gesperrte Werte nicht aus Summe und Nachbarn errechnet werden können',
  derived: 'abgeleitet aus einem gesperrten Wert',
  unchecked: 'gesperrt, weil sich daraus eine ungeprüfte Fallzahl errechnen ließe',
};

type Status = 'published' | 'missing' | 'primary' | 'secondary';

/** The cells of one count indicator over the hierarchy, by position. */
interface Table {
  ids: number[];
  value: (number | null)[];
  status: Status[];
  parent: number[];
  children: number[][];
  /** Positions with children, deepest first; each heads one equation. */
  heads: number[];
  bottomUp: number[];
}

const isSuppressed = (s: Status) => s === 'primary' || s === 'secondary';

function buildTable(areas: AggArea[], cells: Map<number, Cell>, minCount: number): Table {
  const hierarchy = buildHierarchy(areas);
  const ids = hierarchy.bottomUp;
  const position = new Map(ids.map((id, i) => [id, i]));
  const problems: ErrorDetail[] = [];
  const value = ids.map((id) => {
    const v = cells.get(id)?.value ?? null;
    if (v !== null && !(Number.isFinite(v) && v >= 0)) {
      problems.push({ field: String(id), message: `Fallzahl ${v} ist keine Zahl ab 0` });
    }
    return v;
  });
  if (problems.length > 0) {
    throw new AppError('invalid_input', 'Fallzahlen müssen Zahlen ab 0 sein.', problems);
  }
  const status = value.map<Status>((v) =>
    v === null ? 'missing' : v > 0 && v < minCount ? 'primary' : 'published',
  );
  const parent = ids.map((id) => {
    const up = hierarchy.byId.get(id)!.parentId;
    return up === null ? -1 : position.get(up)!;
  });
  const children = ids.map((id) => (hierarchy.children.get(id) ?? []).map((c) => position.get(c)!));
  const bottomUp = ids.map((_, i) => i);
  const heads = bottomUp.filter((i) => children[i]!.length > 0);
  return { ids, value, status, parent, children, heads, bottomUp };
}

/** What a reader knows: published cells, and every cell derivable from them, in derivation order. */
interface Knowledge {
  known: boolean[];
  /** The equation (its head) a cell was derived from, or −1. */
  derivedBy: number[];
  order: number[];
}

const members = (t: Table, head: number) => [head, ...t.children[head]!];

function derive(t: Table): Knowledge {
  const known = t.status.map((s) => s === 'published');
  const open = new Array<number>(t.ids.length).fill(0);
  const queue: number[] = [];
  for (const head of t.heads) {
    open[head] = members(t, head).filter((m) => !known[m]).length;
    if (open[head] === 1) queue.push(head);
  }
  const derivedBy = new Array<number>(t.ids.length).fill(-1);
  const order: number[] = [];
  while (queue.length > 0) {
    const head = queue.shift()!;
    if (open[head] !== 1) continue;
    const cell = members(t, head).find((m) => !known[m])!;
    known[cell] = true;
    derivedBy[cell] = head;
    order.push(cell);
    const equations = [t.children[cell]!.length > 0 ? cell : -1, t.parent[cell]!];
    for (const e of equations) {
      if (e < 0) continue;
      open[e] = open[e]! - 1;
      if (open[e] === 1) queue.push(e);
    }
  }
  return { known, derivedBy, order };
}

/** Smallest positive candidate reaching `need`, else the largest positive one, else a zero. */
function pick(t: Table, candidates: number[], need: number): number | undefined {
  const sorted = [...candidates].sort((a, b) => t.value[a]! - t.value[b]! || t.ids[a]! - t.ids[b]!);
  const positive = sorted.filter((c) => t.value[c]! > 0);
  return positive.find((c) => t.value[c]! >= need) ?? positive.at(-1) ?? sorted[0];
}

/** A published cell whose suppression breaks the derivation of `cell`. */
function breakDerivation(t: Table, k: Knowledge, cell: number, minCount: number): number {
  const head = k.derivedBy[cell]!;
  const others = members(t, head).filter((m) => m !== cell);
  const published = others.filter((m) => t.status[m] === 'published');
  if (published.length > 0) {
    if (cell === head) return pick(t, published, 0)!;
    const siblings = published.filter((m) => m !== head);
    return pick(t, siblings, minCount - (t.value[cell] ?? 0)) ?? head;
  }
  // All other cells of the equation were derived before (cells without value): break one of those.
  const earlier = others.find((m) => k.derivedBy[m]! >= 0)!;
  return breakDerivation(t, k, earlier, minCount);
}

/** The smallest recoverable total of suppressed cells below minCount, with its cut, if any. */
function smallGroup(t: Table, k: Knowledge, minCount: number) {
  const n = t.ids.length;
  const target = (x: number) => !k.known[x] && isSuppressed(t.status[x]!);
  // best[x]: smallest non-empty group total of a cut through x's subtree; empty[x]: a cut with no
  // unknown cell exists; expand[x]: the same as best, but cutting below x.
  const best = new Array<number>(n).fill(Infinity);
  const expand = new Array<number>(n).fill(Infinity);
  const empty = new Array<boolean>(n).fill(false);
  for (const x of t.bottomUp) {
    const kids = t.children[x]!;
    if (kids.length > 0) {
      let forced = 0;
      let anyForced = false;
      let extra = Infinity;
      for (const c of kids) {
        if (empty[c]) extra = Math.min(extra, best[c]!);
        else [forced, anyForced] = [forced + best[c]!, true];
      }
      expand[x] = anyForced ? forced : extra;
    }
    empty[x] = k.known[x]! || (kids.length > 0 && kids.every((c) => empty[c]));
    best[x] = Math.min(target(x) ? t.value[x]! : Infinity, expand[x]!);
  }
  const root = t.bottomUp.find((x) => k.known[x] && expand[x]! < minCount);
  if (root === undefined) return null;
  const group: number[] = [];
  const frontier: number[] = [];
  const trace = (x: number, nonEmpty: boolean): void => {
    if (!nonEmpty && k.known[x]) frontier.push(x);
    else if (nonEmpty && target(x) && t.value[x]! <= expand[x]!) group.push(x);
    else traceBelow(x, nonEmpty);
  };
  const traceBelow = (x: number, nonEmpty: boolean): void => {
    const kids = t.children[x]!;
    const anyForced = kids.some((c) => !empty[c]);
    const cheapest = kids.reduce((a, c) => (best[c]! < best[a]! ? c : a), kids[0]!);
    for (const c of kids) trace(c, !empty[c] || (nonEmpty && !anyForced && c === cheapest));
  };
  traceBelow(root, true);
  return { root, total: expand[root]!, group, frontier };
}

function fixGroup(t: Table, k: Knowledge, minCount: number, found: SmallGroup): number {
  const candidates = found.frontier.filter((c) => t.status[c] === 'published' && t.value[c]! > 0);
  const need = minCount - found.total;
  const leaves = candidates.filter((c) => t.children[c]!.length === 0);
  const choice = pick(t, leaves, need) ?? pick(t, candidates, need);
  if (choice !== undefined) return choice;
  if (t.status[found.root] === 'published') return found.root;
  return breakDerivation(t, k, found.root, minCount);
}

type SmallGroup = NonNullable<ReturnType<typeof smallGroup>>;

/** Suppresses small counts and every cell they could be recomputed from (rules in the header). */
export function discloseCounts(
  areas: AggArea[],
  cells: Map<number, Cell>,
  minCount: number,
): Map<number, DisclosedCell> {
  if (!Number.isInteger(minCount) || minCount < 0) {
    throw new AppError('invalid_input', 'Die Mindestfallzahl muss eine ganze Zahl ab 0 sein.');
  }
  const t = buildTable(areas, cells, minCount);
  for (;;) {
    const k = derive(t);
    const leaked = k.order.find((x) => isSuppressed(t.status[x]!));
    let next: number | undefined;
    if (leaked !== undefined) next = breakDerivation(t, k, leaked, minCount);
    else {
      const found = smallGroup(t, k, minCount);
      if (found) next = fixGroup(t, k, minCount, found);
    }
    if (next === undefined) break;
    if (t.status[next] !== 'published') {
      throw new AppError('internal', 'Die Geheimhaltung konnte nicht hergestellt werden.');
    }
    t.status[next] = 'secondary';
  }
  const result = new Map<number, DisclosedCell>();
  t.ids.forEach((id, i) => {
    const status = t.status[i]!;
    const hidden = isSuppressed(status);
    result.set(id, {
      value: hidden ? null : t.value[i]!,
      numerator: null,
      denominator: null,
      suppressed: hidden ? (status as 'primary' | 'secondary') : false,
      reason:
        status === 'primary'
          ? reasons.primary(minCount)
          : status === 'secondary'
            ? reasons.secondary
            : null,
    });
  });
  return result;
}

const withheld = (reason: string): DisclosedCell => ({
  value: null,
  numerator: null,
  denominator: null,
  suppressed: 'derived',
  reason,
});

type Source = 'published' | 'hidden' | 'unchecked' | 'unknown';

/** How a derived cell's input stands: `used` is the input value the derived cell names, if any. */
function source(disclosed: DisclosedCell | undefined, used: number | null): Source {
  if (disclosed?.suppressed) return 'hidden';
  if (!disclosed || disclosed.value === null) return used === null ? 'unknown' : 'unchecked';
  return used === null || used === disclosed.value ? 'published' : 'unchecked';
}

/** Publishes a value computed from two disclosed cells only if it gives away nothing hidden. */
function discloseDerived(
  a: DisclosedCell | undefined,
  usedA: number | null,
  b: DisclosedCell | undefined,
  usedB: number | null,
  value: number | null,
): DisclosedCell {
  const sa = source(a, usedA);
  const sb = source(b, usedB);
  if (sa === 'hidden' || sb === 'hidden') return withheld(reasons.derived);
  // An input the derived cell names, but not published as that very value, was never checked.
  if (sa === 'unchecked' || sb === 'unchecked') return withheld(reasons.unchecked);
  // With exactly one input published, the value and that input give away the other one.
  if (value !== null && sa !== sb) return withheld(reasons.unchecked);
  return {
    value,
    numerator: sa === 'published' ? a!.value : null,
    denominator: sb === 'published' ? b!.value : null,
    suppressed: false,
    reason: null,
  };
}

/** Disclosure of a share or rate, from its disclosed numerator and denominator counts. */
export function discloseShare(
  areas: AggArea[],
  numeratorDisclosed: Map<number, DisclosedCell>,
  denominatorDisclosed: Map<number, DisclosedCell>,
  shareCells: Map<number, Cell>,
): Map<number, DisclosedCell> {
  const result = new Map<number, DisclosedCell>();
  for (const { id } of areas) {
    const share = shareCells.get(id);
    const numerator = numeratorDisclosed.get(id);
    const denominator = denominatorDisclosed.get(id);
    result.set(
      id,
      discloseDerived(
        numerator,
        share?.numerator ?? null,
        denominator,
        share?.denominator ?? null,
        share?.value ?? null,
      ),
    );
  }
  return result;
}

/** Disclosure of a change between two periods, from the disclosed cells of both periods. */
export function discloseChange(
  areas: AggArea[],
  fromDisclosed: Map<number, DisclosedCell>,
  toDisclosed: Map<number, DisclosedCell>,
  changes: Map<number, ChangeCell>,
): Map<number, DisclosedCell> {
  const result = new Map<number, DisclosedCell>();
  for (const { id } of areas) {
    const c = changes.get(id);
    const cell = discloseDerived(
      fromDisclosed.get(id),
      c?.from ?? null,
      toDisclosed.get(id),
      c?.to ?? null,
      c?.value ?? null,
    );
    result.set(id, { ...cell, numerator: null, denominator: null });
  }
  return result;
}
