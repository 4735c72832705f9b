// Bounded concurrent load loops: in-process tasks (SQL baselines) and HTTP requests from a worker thread.
import { measuredLoops, warmUp } from './bounded.ts';
import { Worker } from 'node:worker_threads';
import { settle } from './settle.ts';
import { percentile } from './stats.ts';

export interface LoadOptions {
  /** Parallel loops. */
  concurrency: number;
  /** Upper bound on measured requests. */
  maxRequests: number;
  /** Upper bound on measured time in milliseconds. */
  maxMs: number;
  /** Unmeasured requests first (JIT, caches, connection pool). */
  warmup: number;
}

/** What one bounded run recorded; several runs (rounds) of the same thing are summarised together. */
export interface LoadSample {
  latencies: number[];
  elapsedMs: number;
  errors: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
}

export function summarise(samples: LoadSample[]): LoadResult {
  const latencies = samples.flatMap((s) => s.latencies);
  const elapsedMs = samples.reduce((sum, s) => sum + s.elapsedMs, 0);
  return {
    requests: latencies.length,
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    seconds: elapsedMs / 1000,
    rps: latencies.length / (elapsedMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

/** Runs `task` in `concurrency` loops in this thread until maxRequests or maxMs is reached. */
export async function runLoad(task: () => Promise<unknown>, o: LoadOptions): Promise<LoadSample> {
  const call = async () => void (await task());
  await warmUp(call, o);
  await settle();
  return { ...(await measuredLoops(call, o)), errors: 0 };
}

export interface HttpLoadOptions extends LoadOptions {
  /** Only 127.0.0.1 targets are accepted. */
  url: string;
  /** Expected response size; a status other than 200 or a size off by > 256 bytes is an error. */
  expectBytes: number;
}

const workerUrl = new URL('./http-worker.ts', import.meta.url).href;

/**
 * Fires GET requests with fetch from a worker thread, so the client does not share the event
 * loop with the server under test (both are still in this process, on this machine's cores).
 */
export async function runHttpLoad(o: HttpLoadOptions): Promise<LoadSample> {
  if (new URL(o.url).hostname !== '127.0.0.1')
    throw new Error(`Only 127.0.0.1 targets are benchmarked, not ${o.url}`);
  await settle();
  return new Promise((resolve, reject) => {
    // Node 20 does not hand tsx's loader to workers: register it there before importing the .ts file.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: o });
    worker.once('message', (m: LoadSample) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}
