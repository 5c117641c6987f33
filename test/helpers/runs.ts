// How many cases a fast-check property runs: a count that keeps `npm run test:unit` quick, more in CI
// (CI=true), and any count asked for with PROPERTY_RUNS_SCALE (a factor over the local count).

export function propertyRuns(local: number, ci = local * 4): number {
  const scale = Number(process.env.PROPERTY_RUNS_SCALE);
  if (scale > 0) return Math.max(1, Math.round(local * scale));
  return process.env.CI === 'true' ? ci : local;
}
