/**
 * The benchmark's figure, written by hand as SVG (no plotting library): four
 * small panels — build time, index size, bytes for the first query, warm
 * query latency (p95) — against archive size, log–log, project and plain
 * Pagefind side by side, each point labelled with its value.
 */
import type { FigureField, SizeFigures } from './figures.ts';

interface Series {
  name: string;
  points: [number, number][];
  dash?: string;
  color: string;
}

interface Panel {
  title: string;
  unit: string;
  series: Series[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceLabel(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1).replace(/\.0$/, '');
  return v.toFixed(2).replace(/0$/, '').replace(/\.0$/, '');
}

/** Height of a value label above its baseline, px (the `val` class's font size). */
const LABEL_HEIGHT = 10;

function panelSvg(p: Panel, x0: number, y0: number, w: number, h: number, sizes: number[]): string {
  const m = { l: 46, r: 12, t: 26, b: 30 };
  const iw = w - m.l - m.r;
  const ih = h - m.t - m.b;
  const values = p.series.flatMap((s) => s.points.map(([, v]) => v)).filter((v) => v > 0);
  if (values.length === 0) return '';
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...values))));
  const xs = sizes.map(Math.log10);
  const xmin = Math.min(...xs) - 0.15;
  const xmax = Math.max(...xs) + 0.15;
  const X = (n: number) => x0 + m.l + ((Math.log10(n) - xmin) / (xmax - xmin)) * iw;
  const Y = (v: number) => y0 + m.t + ih - ((Math.log10(v) - lo) / (hi - lo)) * ih;
  const out: string[] = [];
  out.push(
    `<text x="${x0 + m.l}" y="${y0 + 16}" class="title">${esc(p.title)} <tspan class="unit">(${esc(p.unit)}, log scale)</tspan></text>`,
  );
  for (let e = lo; e <= hi; e++) {
    const y = Y(10 ** e);
    out.push(`<line x1="${x0 + m.l}" x2="${x0 + m.l + iw}" y1="${y}" y2="${y}" class="grid"/>`);
    out.push(`<text x="${x0 + m.l - 6}" y="${y + 4}" class="tick" text-anchor="end">${niceLabel(10 ** e)}</text>`);
  }
  for (const n of sizes) {
    out.push(`<line x1="${X(n)}" x2="${X(n)}" y1="${y0 + m.t}" y2="${y0 + m.t + ih}" class="grid"/>`);
    out.push(`<text x="${X(n)}" y="${y0 + m.t + ih + 16}" class="tick" text-anchor="middle">${n.toLocaleString('en')}</text>`);
  }
  for (const s of p.series) {
    const pts = s.points.filter(([, v]) => v > 0);
    if (pts.length === 0) continue;
    out.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''} points="${pts.map(([n, v]) => `${X(n).toFixed(1)},${Y(v).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const [n, v] of pts) {
      out.push(`<circle cx="${X(n).toFixed(1)}" cy="${Y(v).toFixed(1)}" r="3" fill="${s.color}"/>`);
      // The higher of the two values at a size is labelled above its point, the lower below, so close values do not collide.
      const other = p.series.find((o) => o !== s)?.points.find(([m]) => m === n)?.[1];
      const above = other === undefined || v > other || (v === other && s === p.series[0]);
      // A label above a point at the top of the panel would run into the panel's title: it goes below there.
      const labelY = above && Y(v) - 6 - LABEL_HEIGHT < y0 + m.t ? Y(v) + 13 : Y(v) + (above ? -6 : 13);
      out.push(`<text x="${(X(n) + 5).toFixed(1)}" y="${labelY.toFixed(1)}" class="val" fill="${s.color}">${niceLabel(v)}</text>`);
    }
  }
  return out.join('\n');
}

/** Four log–log panels of cost against archive size, project and plain Pagefind. */
export function renderSvg(results: SizeFigures[]): string {
  const sizes = results.map((r) => r.reports);
  const points = (variant: 'project' | 'plain', field: FigureField) =>
    results.flatMap((r): [number, number][] => {
      const v = r[variant][field];
      return v === null ? [] : [[r.reports, v]];
    });
  const series = (field: FigureField): Series[] => [
    { name: 'project', color: '#b3261e', points: points('project', field) },
    { name: 'plain Astro + Pagefind', color: '#555', dash: '5 4', points: points('plain', field) },
  ];
  const panels: Panel[] = [
    { title: 'Build time', unit: 's, wall clock', series: series('buildSeconds') },
    { title: 'Index size', unit: 'MB', series: series('indexMB') },
    { title: 'First query downloads', unit: 'KB', series: series('firstQueryKB') },
    { title: 'Warm query latency, p95', unit: 'ms', series: series('warmP95Ms') },
  ];
  const W = 360;
  const H = 230;
  const width = W * 2;
  const height = H * 2 + 40;
  const body = panels.map((p, i) => panelSvg(p, (i % 2) * W, 34 + Math.floor(i / 2) * H, W, H, sizes)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" role="img" aria-labelledby="t">
<title id="t">Cost against archive size (number of reports): the project's build and search against plain Astro + Pagefind</title>
<style>
.title{font-size:13px;font-weight:600;fill:#222}.unit{font-weight:400;fill:#666}.tick{font-size:10px;fill:#666}.val{font-size:10px}.grid{stroke:#e4e4e4;stroke-width:1}.legend{font-size:12px;fill:#222}
</style>
<rect width="100%" height="100%" fill="#fff"/>
<line x1="16" x2="44" y1="16" y2="16" stroke="#b3261e" stroke-width="2"/><text x="50" y="20" class="legend">project (astro build, its search index)</text>
<line x1="330" x2="358" y1="16" y2="16" stroke="#555" stroke-width="2" stroke-dasharray="5 4"/><text x="364" y="20" class="legend">plain Astro + Pagefind defaults, same pages</text>
${body}
<text x="${width - 8}" y="${height - 6}" class="tick" text-anchor="end">x: reports in the archive (log scale)</text>
</svg>
`;
}
