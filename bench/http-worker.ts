// Worker thread of runHttpLoad: bounded concurrent fetch loops against one URL, latencies posted back.
import { parentPort, workerData } from 'node:worker_threads';
import type { HttpLoadOptions, LoadSample } from './load.ts';

const o = workerData as HttpLoadOptions;
let errors = 0;

async function once(): Promise<void> {
  const res = await fetch(o.url);
  const body = await res.arrayBuffer();
  // A few bytes of slack for per-request tokens; a different page or an error page is far off.
  if (res.status !== 200 || Math.abs(body.byteLength - o.expectBytes) > 256) errors += 1;
}

let started = 0;
const warm = async () => {
  while (started < o.warmup) {
    started += 1;
    await once();
  }
};
await Promise.all(Array.from({ length: Math.min(o.concurrency, o.warmup) }, warm));
errors = 0;

const latencies: number[] = [];
let issued = 0;
const t0 = performance.now();
const deadline = t0 + o.maxMs;
const loop = async () => {
  while (issued < o.maxRequests && performance.now() < deadline) {
    issued += 1;
    const s = performance.now();
    await once();
    latencies.push(performance.now() - s);
  }
};
await Promise.all(Array.from({ length: o.concurrency }, loop));
const sample: LoadSample = { latencies, elapsedMs: performance.now() - t0, errors };
parentPort!.postMessage(sample);
