// The presenter view's updater (src/views/presenter-page.tsx): polls the page's small JSON every
// few seconds and updates the figures in place. Polling rather than server-sent events: the same
// code works on Node and on Workers (where a held-open stream per screen costs a running isolate),
// through proxies and venue wifi that drop long connections, and a missed poll is simply the next
// one. The texts come from data- attributes in the page's language; no dictionary here.
import type { LiveFiguresResponse, LiveScaleFigure } from "../../../src/api-types";
import { barClass, formatLiveMean, ratePercent } from "../../../src/domain/live-figures";

/** The count is announced to screen readers when it changed, at most this often. */
const ANNOUNCE_EVERY_MS = 30_000;

const root = document.getElementById("main");
const source = root?.dataset.source;
if (root && source) start(root, source);

function start(main: HTMLElement, source: string): void {
  const lang = (main.dataset.lang ?? "fi") as "fi" | "sv" | "en";
  const interval = Number(main.dataset.interval) || 3_000;
  const text = (name: string) => main.dataset[name] ?? "";
  const byId = (id: string) => document.getElementById(id);
  let lastCount = Number(byId("live-responses")?.textContent ?? "0");
  let announcedCount = lastCount;
  let lastAnnounced = 0;
  let pendingAnnounce: number | undefined;

  const announce = () => {
    pendingAnnounce = undefined;
    if (lastCount === announcedCount) return;
    const attendance = byId("live-attendance")?.textContent ?? "";
    const template = byId("live-of")?.hidden === false ? text("announceOf") : text("announce");
    setText("live-announcement", fill(template, { count: String(lastCount), attendance }));
    announcedCount = lastCount;
    lastAnnounced = Date.now();
  };

  const show = (figures: LiveFiguresResponse) => {
    const hasAttendance = figures.attendance !== null && figures.attendance > 0;
    setText("live-responses", String(figures.responses));
    setText("live-attendance", figures.attendance === null ? "" : String(figures.attendance));
    setHidden("live-of", !hasAttendance);
    setHidden("live-heading-of", !hasAttendance);
    setHidden("live-heading", hasAttendance);
    const percent = ratePercent(figures.rate);
    setText("live-rate", percent === null ? "" : fill(text("rate"), { percent: String(percent) }));
    setHidden("live-rate", percent === null);
    setHidden("live-cancelled", !figures.cancelled);
    showScale("grade", figures.grade, figures.cancelled);
    showScale("usefulness", figures.usefulness, figures.cancelled);
    if (figures.responses !== lastCount) {
      lastCount = figures.responses;
      const wait = Math.max(0, lastAnnounced + ANNOUNCE_EVERY_MS - Date.now());
      if (pendingAnnounce === undefined) pendingAnnounce = window.setTimeout(announce, wait);
    }
  };

  const showScale = (name: string, figure: LiveScaleFigure | null, cancelled: boolean) => {
    const panel = document.querySelector<HTMLElement>(`[data-figure="${name}"]`);
    if (!panel) return;
    panel.querySelector<HTMLElement>(".waiting")!.hidden = figure !== null || cancelled;
    panel.querySelector<HTMLElement>(".figures")!.hidden = figure === null;
    if (!figure) return;
    panel.querySelector(".mean")!.textContent = figure.mean === null ? "" : formatLiveMean(lang, figure.mean);
    panel.querySelector(".basis")!.textContent = fill(text("basis"), { n: String(figure.n) });
    const largest = Math.max(0, ...figure.distribution.map((d) => d.count));
    for (const { value, count } of figure.distribution) {
      const row = panel.querySelector(`tr[data-value="${value}"]`);
      if (!row) continue;
      row.querySelector(".bar")!.className = barClass(count, largest);
      row.querySelector(".n")!.textContent = String(count);
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(source, { cache: "no-store", headers: { accept: "application/json" }, credentials: "same-origin" });
      if (response.status === 404 || response.status === 401 || response.status === 403) {
        // Revoked or replaced display link, or a staff session that ended: say so and stop.
        setText("live-status", text("gone"));
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      show((await response.json()) as LiveFiguresResponse);
      setText("live-status", "");
    } catch {
      setText("live-status", text("stale"));
    }
    window.setTimeout(poll, interval);
  };
  window.setTimeout(poll, interval);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function setText(id: string, value: string): void {
  const element = document.getElementById(id);
  if (element && element.textContent !== value) element.textContent = value;
}

function setHidden(id: string, hidden: boolean): void {
  const element = document.getElementById(id);
  if (element) element.hidden = hidden;
}
