// The median of timed runs after a JIT warm-up: the one timing helper the benches share.
export function median(fn: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn(); // warm the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
