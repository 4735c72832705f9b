// Helpers shared by the monitoring read use cases: area references, notices, ratings, periods.
import type * as repo from './monitoring.repository.ts';
import type { Resolved, Scope } from './resolve-values.ts';
import type { AreaRef, DataNotice, IndicatorInfo, Rating, ValueCell } from './view-model.ts';

export function areaRef(n: repo.AreaNode): AreaRef {
  return { id: n.id, code: n.code, name: n.name, levelKey: n.levelKey, levelName: n.levelName };
}

export function ancestorsOf(scope: Scope, node: repo.AreaNode): repo.AreaNode[] {
  const chain: repo.AreaNode[] = [];
  let at = node.parentId === null ? undefined : scope.byId.get(node.parentId);
  while (at) {
    chain.unshift(at);
    at = at.parentId === null ? undefined : scope.byId.get(at.parentId);
  }
  return chain;
}

export function noticeOf(scope: Scope, resolved: Resolved, shown: IndicatorInfo[]): DataNotice {
  return {
    example:
      scope.system.isExample ||
      resolved.releases.some((r) => r.isExample) ||
      shown.some((i) => i.isExample),
    preview: scope.preview,
    internal: resolved.usedInternal(),
    releases: resolved.releases,
  };
}

/** Indicators with values in this system that the viewer may see, in catalogue order. */
export function indicatorsWithData(scope: Scope, resolved: Resolved): IndicatorInfo[] {
  return [...scope.catalogue.values()].filter(
    (i) => (i.isPublic || scope.viewer.internal) && resolved.periods(i.code).length > 0,
  );
}

/** The latest period with a value at or before the chosen one. */
export function periodAtOrBefore(periods: string[], chosen: string): string | null {
  let best: string | null = null;
  for (const p of periods) if (p <= chosen && (best === null || p > best)) best = p;
  return best;
}

/**
 * Rating against a reference, respecting polarity. For a share with numerator and denominator the
 * 95 % Wilson interval of the area's proportion decides (as UK Fingertips does); otherwise values
 * within ±5 % of the reference count as similar.
 */
export function rate(indicator: IndicatorInfo, cell: ValueCell, ref: ValueCell | null): Rating {
  if (
    !ref ||
    cell.state !== 'ok' ||
    ref.state !== 'ok' ||
    cell.value === null ||
    ref.value === null
  )
    return 'none';
  let similar: boolean;
  if (
    (indicator.kind === 'share' || indicator.kind === 'rate') &&
    cell.numerator !== null &&
    cell.denominator !== null &&
    cell.denominator > 0 &&
    cell.numerator <= cell.denominator
  ) {
    const [lo, hi] = wilson(cell.numerator, cell.denominator);
    const refShare = ref.value / indicator.per;
    similar = refShare >= lo && refShare <= hi;
  } else {
    similar = Math.abs(cell.value - ref.value) <= Math.abs(ref.value) * 0.05;
  }
  if (similar) return 'similar';
  const higher = cell.value > ref.value;
  if (indicator.polarity === 'neutral') return higher ? 'higher' : 'lower';
  return higher === (indicator.polarity === 'high_bad') ? 'worse' : 'better';
}

/** 95 % Wilson score interval of a proportion. */
export function wilson(successes: number, n: number): [number, number] {
  const z = 1.959964;
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
