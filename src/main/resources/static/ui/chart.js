// Counts per time bucket from /logs/stats, as bars stacked by severity, drawn with uPlot. Dragging across the chart
// selects a time range, handed to onZoom(startSeconds, endSeconds).
import uPlot from "/webjars/uplot/dist/uPlot.esm.js";
import { SEVERITIES } from "./view.js";

const HEIGHT = 160;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };

function seconds(interval) {
  const match = /^(\d+)([smhd])$/.exec(interval || "");
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]] : 60;
}

export class Histogram {
  constructor(element, onZoom) {
    this.element = element;
    this.onZoom = onZoom;
    this.plot = null;
    this.stats = null;
    new ResizeObserver(() => this.plot && this.plot.setSize({ width: this.width(), height: HEIGHT })).observe(element);
  }

  /** Draws the buckets; `shown` is the severities to stack (the others are filtered out of the view). */
  render(stats, shown) {
    this.stats = stats;
    this.shown = shown.length ? shown : SEVERITIES;
    if (this.plot) {
      this.plot.destroy();
    }
    this.plot = new uPlot(this.options(), this.data(), this.element);
    this.element.dataset.buckets = String(stats.buckets.length);
  }

  /** Redraws in the colours of the current theme. */
  restyle() {
    if (this.stats) {
      this.render(this.stats, this.shown);
    }
  }

  width() {
    return Math.max(200, this.element.clientWidth);
  }

  // uPlot draws series in order over each other, from zero: series i carries the sum of severities i..n so each
  // bar shows its own share on top of the ones below it; the legend shows each severity's own count.
  data() {
    const buckets = this.stats.buckets;
    const xs = buckets.map((b) => Date.parse(b.start) / 1000);
    this.raw = this.shown.map((sev) => buckets.map((b) => (b.counts && b.counts[sev]) || 0));
    const stacked = this.raw.map((_, i) => buckets.map((_, j) => this.raw.slice(i).reduce((sum, row) => sum + row[j], 0)));
    return [xs, ...stacked];
  }

  options() {
    const css = getComputedStyle(document.documentElement);
    const color = (name) => css.getPropertyValue(name).trim();
    const axis = { stroke: color("--muted"), grid: { stroke: color("--line"), width: 1 }, ticks: { stroke: color("--line") } };
    const bars = uPlot.paths.bars({ size: [0.9, 64], align: 1 });
    return {
      width: this.width(),
      height: HEIGHT,
      padding: [8, 12, 0, 4],
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      legend: { show: true, live: true },
      // A bucket's bar spans from its start to the next one's, so the range ends one interval after the last start.
      scales: { x: { time: true, range: (u, min, max) => [min, max + seconds(this.stats.interval)] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      // Counts are whole numbers: no tick at 0.5.
      axes: [{ ...axis, space: 70 }, { ...axis, size: 44, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7] }],
      series: [
        {},
        ...this.shown.map((sev, i) => ({
          label: sev,
          fill: color("--sev-" + sev),
          stroke: color("--sev-" + sev),
          width: 0,
          paths: bars,
          points: { show: false },
          value: (u, v, s, idx) => (idx == null ? "–" : this.raw[i][idx]),
        })),
      ],
      hooks: { setSelect: [(u) => this.selected(u)] },
    };
  }

  selected(u) {
    const { left, width } = u.select;
    if (width < 3) {
      return;
    }
    const start = u.posToVal(left, "x");
    const end = u.posToVal(left + width, "x");
    u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    this.onZoom(start, end);
  }
}
