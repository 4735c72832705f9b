// Bounded concurrent request loops: a warm-up, then loops until a request count or a deadline.
export interface BoundedOptions {
  concurrency: number;
  warmup: number;
  maxRequests: number;
  maxMs: number;
}

export async function warmUp(task: () => Promise<void>, o: BoundedOptions): Promise<void> {
  let started = 0;
  const warm = async () => {
    while (started < o.warmup) {
      started += 1;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.warmup) }, warm));
}

/** Runs `task` in `concurrency` loops; returns each call's latency in ms and the elapsed time. */
export async function measuredLoops(
  task: () => Promise<void>,
  o: BoundedOptions,
): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  let issued = 0;
  const t0 = performance.now();
  const deadline = t0 + o.maxMs;
  const loop = async () => {
    while (issued < o.maxRequests && performance.now() < deadline) {
      issued += 1;
      const s = performance.now();
      await task();
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  return { latencies, elapsedMs: performance.now() - t0 };
}
