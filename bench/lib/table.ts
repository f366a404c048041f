// The one table `npm run bench` prints (Markdown, so it can be pasted into bench/RESULTS.md).

/** "met", "MISSED" (with what was missed when a target has several parts) or "—" (no target). */
export type Verdict = "met" | `MISSED${string}` | "—";

export interface Row {
  readonly measure: string;
  readonly result: string;
  readonly baseline?: string;
  readonly ratio?: string;
  readonly target?: string;
  readonly verdict: Verdict;
}

export function renderTable(rows: readonly Row[]): string {
  const header = ["Measure", "Result", "Baseline (same run)", "Ratio", "Target", "Verdict"];
  const lines = rows.map((r) => [r.measure, r.result, r.baseline ?? "", r.ratio ?? "", r.target ?? "", r.verdict]);
  return [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export const verdict = (ok: boolean): Verdict => (ok ? "met" : "MISSED");

/** One verdict for a target with several parts, naming the parts missed. */
export function verdictOf(parts: Readonly<Record<string, boolean>>): Verdict {
  const missed = Object.entries(parts)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  return missed.length === 0 ? "met" : `MISSED: ${missed.join(", ")}`;
}
export const int = (n: number) => Math.round(n).toLocaleString("en");
export const ratio = (n: number) => n.toFixed(2);
export const bytes = (n: number) => `${int(n)} B (${(n / 1000).toFixed(1)} kB)`;
export const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
