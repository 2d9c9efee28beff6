/** Small statistics and printing helpers shared by the benchmarks. */

/** The value at quantile q (0..1) of the samples, by nearest rank. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/** The median of the samples. */
export function median(samples: number[]): number {
  return quantile(samples, 0.5);
}

/** Formats milliseconds with sensible precision. */
export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

/** Prints one comparison line: subject vs baseline medians and their ratio, plus the goal. */
export function printComparison(label: string, subject: number[], baseline: number[], goal: string): void {
  const s = median(subject);
  const b = median(baseline);
  console.log(
    `${label}: median ${ms(s)} (p95 ${ms(quantile(subject, 0.95))}) vs baseline ${ms(b)} (p95 ${ms(quantile(baseline, 0.95))}) ` +
      `→ ratio ${(s / b).toFixed(2)}× over ${subject.length} runs each (goal ${goal})`,
  );
}
