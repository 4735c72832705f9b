// Measurement hygiene: settle the process (full GC, short pause) before timing one operation.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

/** Collects the previous run's garbage so it is not billed to the next one. */
export async function settle(ms = 150): Promise<void> {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Milliseconds one call of fn takes, after settling. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  await settle();
  const s = performance.now();
  await fn();
  return performance.now() - s;
}
