/**
 * The progress line `goodfaith ingest` redraws on a terminal: events read, and when the input's
 * size is known (a file, not a pipe) the share read, the rate and the time left, e.g.
 * `120,000 events · 45 % · 13,200/s · ETA 0:12`.
 */
import type { Lang } from "@goodfaith/core";
import { t } from "../messages.js";

/** Where an ingest is. */
export interface IngestProgress {
  /** Events (lines or records) read so far. */
  readonly events: number;
  /** Since the ingest started, ms. */
  readonly elapsedMs: number;
  /** The share of the input read, 0 to 1; absent when its size is unknown (stdin, a pipe). */
  readonly done?: number;
}

/** What the line shows. */
export interface ProgressFigures {
  readonly events: number;
  /** Events per second. */
  readonly perSecond: number;
  /** Whole percent read, when the size is known. */
  readonly percent?: number;
  /** Seconds left at the rate so far, when the size is known and something was read. */
  readonly etaSeconds?: number;
}

/**
 * The rate, percent and time left of `p`: the time left assumes the rest of the input goes as
 * fast as what was read (elapsed × unread / read), so it needs no count of events up front.
 */
export function progressFigures(p: IngestProgress): ProgressFigures {
  const seconds = p.elapsedMs / 1000;
  const perSecond = seconds > 0 ? p.events / seconds : 0;
  if (p.done === undefined || !Number.isFinite(p.done)) return { events: p.events, perSecond };
  const done = Math.min(1, Math.max(0, p.done));
  const percent = Math.floor(done * 100);
  if (done === 0 || seconds <= 0) return { events: p.events, perSecond, percent };
  return {
    events: p.events,
    perSecond,
    percent,
    etaSeconds: Math.ceil((seconds * (1 - done)) / done),
  };
}

/** A duration as `m:ss`, or `h:mm:ss` from an hour: 12 → `0:12`, 3723 → `1:02:03`. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** The progress line in `lang`, numbers grouped as the language writes them. */
export function progressLine(p: IngestProgress, lang: Lang): string {
  const f = progressFigures(p);
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const parts = [t(lang, "progressEvents", { count: n.format(f.events) })];
  if (f.percent !== undefined) parts.push(t(lang, "progressPercent", { percent: f.percent }));
  parts.push(t(lang, "progressRate", { rate: n.format(Math.round(f.perSecond)) }));
  if (f.etaSeconds !== undefined) {
    parts.push(t(lang, "progressEta", { eta: formatDuration(f.etaSeconds) }));
  }
  return parts.join(" · ");
}
