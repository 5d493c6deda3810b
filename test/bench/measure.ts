/** What the benches measure with: percentiles, and the event-loop delay while some work runs. */
export const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN;

/**
 * The event-loop delay of this process while `work` runs: a 1 ms timer's lateness, sampled until a turn after the
 * work ended, so that a thread blocked for the whole work shows as one long delay (perf_hooks' histogram records
 * nothing when its timer never got a turn). p99 and max in ms.
 */
export async function lagWhile<T>(
  work: () => Promise<T>,
): Promise<{ p99: number; max: number; result: T; ms: number }> {
  const lags: number[] = [];
  let last = performance.now();
  let running = true;
  const tick = () => {
    const t = performance.now();
    lags.push(Math.max(0, t - last - 1));
    last = t;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  const result = await work();
  const took = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20));
  running = false;
  return { p99: pct(lags, 99), max: Math.max(...lags), result, ms: took };
}
