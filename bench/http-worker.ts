// Worker thread of runHttpLoad: bounded concurrent fetch loops against one URL, latencies posted back.
import { parentPort, workerData } from 'node:worker_threads';
import type { HttpLoadOptions, LoadSample } from './load.ts';
import { measuredLoops, warmUp } from './bounded.ts';

const o = workerData as HttpLoadOptions;
let errors = 0;

async function once(): Promise<void> {
  const res = await fetch(o.url);
  const body = await res.arrayBuffer();
  // A few bytes of slack for per-request tokens; a different page or an error page is far off.
  if (res.status !== 200 || Math.abs(body.byteLength - o.expectBytes) > 256) errors += 1;
}

await warmUp(once, o);
errors = 0;
const sample: LoadSample = { ...(await measuredLoops(once, o)), errors };
parentPort!.postMessage(sample);
