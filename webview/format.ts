// Pure number/time formatting for the webview: ns durations and axis tick labels.

const UNITS: readonly { ns: number; suffix: string }[] = [
  { ns: 1e9, suffix: 's' },
  { ns: 1e6, suffix: 'ms' },
  { ns: 1e3, suffix: 'µs' },
  { ns: 1, suffix: 'ns' },
];

/** Trim a fixed-point string's trailing zeros ("1.500" → "1.5", "2.000" → "2"). */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A human duration for ns: "0 ms", "12 µs", "850 ms", "1.25 s". */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns) || ns <= 0) return '0 ms';
  const unit = UNITS.find((u) => ns >= u.ns) ?? UNITS[UNITS.length - 1];
  const v = ns / unit.ns;
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${trimZeros(v.toFixed(digits))} ${unit.suffix}`;
}

/** Tick label formatter for a visible time span: one unit and precision for all ticks. */
export function tickFormatter(spanNs: number, stepNs: number): (ns: number) => string {
  const unit =
    spanNs >= 2e9 ? UNITS[0] : spanNs >= 2e6 ? UNITS[1] : spanNs >= 2e3 ? UNITS[2] : UNITS[3];
  const step = stepNs > 0 ? stepNs / unit.ns : 1;
  const decimals = Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  return (ns: number) => `${(ns / unit.ns).toFixed(decimals)} ${unit.suffix}`;
}

/** A time offset since the run's start, e.g. "t = 1.25 s". */
export function formatAt(ns: number): string {
  return `t = ${ns <= 0 ? '0 ms' : formatDuration(ns)}`;
}
