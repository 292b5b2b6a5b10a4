import { scaleBand, scaleLinear } from 'd3-scale';
import { line, stack } from 'd3-shape';

/** One series of a chart: a value per category, `null` where there is no data (a gap, never zero). */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /**
   * The series' colour, as a CSS class suffix: `1` to `6` for the chart palette, or a plane ID
   * (`execution`) for the plane's colour. Both themes define each.
   */
  readonly tone: string;
}

/** What a chart shows, independent of how it is drawn. */
export interface ChartSpec {
  /** Unique on its page: the SVG's title and description are referenced by it. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences a screen reader reads instead of the picture. */
  readonly description: string;
  /** Short labels along the x axis, one per category (months, weeks). */
  readonly categories: readonly string[];
  /** Longer names for the table, one per category; the short labels when absent. */
  readonly categoryNames?: readonly string[];
  /** The table's first column heading, e.g. `Month`. */
  readonly categoryHeading: string;
  readonly series: readonly ChartSeries[];
  /** `line` draws each series as a line with points; `bar` as bars side by side; `stack` as stacked bars. */
  readonly kind: 'line' | 'bar' | 'stack';
  /** How a value reads on the axis and in the table, e.g. `12 h`, `40 %`. */
  format(value: number): string;
  /** The unit named above the y axis, e.g. `hours`. */
  readonly unit: string;
  /** A fixed top of the value axis (100 for percentages); else from the data. */
  readonly max?: number;
  /** Counts: the value axis has whole-number ticks only. */
  readonly integer?: boolean;
  /** Leaves the categories before the first value out of the table (weeks before the first commit). */
  readonly omitLeadingGaps?: boolean;
  readonly width?: number;
  readonly height?: number;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly lines: readonly { readonly tone: string; readonly dash: number; readonly d: string }[];
  readonly points: readonly { readonly tone: string; readonly x: number; readonly y: number; readonly title: string }[];
  readonly bars: readonly { readonly tone: string; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly title: string }[];
  /** True when no series has a value: the chart says so instead of drawing an empty frame silently. */
  readonly empty: boolean;
}

const MARGIN = { top: 22, right: 12, bottom: 26, left: 46 };
/** Room one x label needs, in SVG units, before labels are thinned out. */
const LABEL_ROOM = 40;

/** Rounds a coordinate to a tenth, which is all a screen can show and keeps the markup small. */
const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Lays a chart out with d3's scales and shape generators: a band scale along the categories, a
 * linear value scale made "nice" with its own ticks, and lines, points or (stacked) bars. The
 * result is plain numbers and path strings that a component writes as SVG at build time.
 */
export function chartGeometry(spec: ChartSpec): ChartGeometry {
  const width = spec.width ?? 640;
  const height = spec.height ?? 220;
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const x = scaleBand<number>()
    .domain(spec.categories.map((_, index) => index))
    .range([plot.left, plot.right])
    .paddingInner(spec.kind === 'line' ? 0 : 0.2)
    .paddingOuter(0.1);
  const centre = (index: number) => (x(index) ?? 0) + x.bandwidth() / 2;

  const stacked = spec.kind === 'stack' ? stackedSeries(spec) : undefined;
  const highest = stacked
    ? Math.max(0, ...stacked.flatMap((layer) => layer.map((point) => point[1])))
    : Math.max(0, ...spec.series.flatMap((series) => series.values.filter((value): value is number => value !== null)));
  const y = scaleLinear()
    .domain([0, spec.max ?? (highest > 0 ? highest : 1)])
    .range([plot.bottom, plot.top])
    .nice(4);

  const every = Math.max(1, Math.ceil((spec.categories.length * LABEL_ROOM) / (plot.right - plot.left)));
  const xTicks = spec.categories
    .map((label, index) => ({ x: round(centre(index)), label, index }))
    // The last category is always labelled: it is the one a reader looks for first.
    .filter(({ index }) => (spec.categories.length - 1 - index) % every === 0)
    .map(({ x: position, label }) => ({ x: position, label }));
  const yTicks = y
    .ticks(4)
    .filter((value) => !spec.integer || Number.isInteger(value))
    .map((value) => ({ y: round(y(value)), label: spec.format(value) }));

  const lines: { tone: string; dash: number; d: string }[] = [];
  const points: { tone: string; x: number; y: number; title: string }[] = [];
  const bars: { tone: string; x: number; y: number; width: number; height: number; title: string }[] = [];
  const name = (index: number) => spec.categoryNames?.[index] ?? spec.categories[index] ?? '';

  if (spec.kind === 'line') {
    spec.series.forEach((series, seriesIndex) => {
      const path = line<number | null>()
        .defined((value) => value !== null)
        .x((_, index) => centre(index))
        .y((value) => y(value ?? 0))
        .digits(1);
      const d = path([...series.values]);
      if (d) lines.push({ tone: series.tone, dash: seriesIndex, d });
      series.values.forEach((value, index) => {
        if (value !== null) points.push({ tone: series.tone, x: round(centre(index)), y: round(y(value)), title: `${series.label}, ${name(index)}: ${spec.format(value)}` });
      });
    });
  } else if (spec.kind === 'bar') {
    const inner = scaleBand<number>()
      .domain(spec.series.map((_, index) => index))
      .range([0, x.bandwidth()])
      .paddingInner(0.1);
    spec.series.forEach((series, seriesIndex) =>
      series.values.forEach((value, index) => {
        if (value === null) return;
        const top = y(value);
        bars.push({
          tone: series.tone,
          x: round((x(index) ?? 0) + (inner(seriesIndex) ?? 0)),
          y: round(top),
          width: round(inner.bandwidth()),
          height: round(y(0) - top),
          title: `${series.label}, ${name(index)}: ${spec.format(value)}`,
        });
      }),
    );
  } else if (stacked) {
    stacked.forEach((layer, seriesIndex) => {
      const series = spec.series[seriesIndex]!;
      layer.forEach(([low, high], index) => {
        const value = series.values[index];
        if (value === null || value === undefined || value === 0) return;
        bars.push({
          tone: series.tone,
          x: round(x(index) ?? 0),
          y: round(y(high)),
          width: round(x.bandwidth()),
          height: round(y(low) - y(high)),
          title: `${series.label}, ${name(index)}: ${spec.format(value)}`,
        });
      });
    });
  }
  const empty = spec.series.every((series) => series.values.every((value) => value === null));
  return { width, height, plot, xTicks, yTicks, lines, points, bars, empty };
}

/** Stacked layers with d3's stack: one [low, high] pair per category per series; gaps stack as nothing. */
function stackedSeries(spec: ChartSpec) {
  const rows = spec.categories.map((_, index) => Object.fromEntries(spec.series.map((series, seriesIndex) => [seriesIndex, series.values[index] ?? 0])));
  return stack<Record<string, number>>()
    .keys(spec.series.map((_, index) => String(index)))(rows)
    .map((layer) => layer.map((point) => [point[0], point[1]] as const));
}

/**
 * The table behind a chart: a row per category, a column per series, "no data" for gaps. With
 * `omitLeadingGaps`, the categories before the first value are left out and counted in `omitted`.
 */
export function chartTable(spec: ChartSpec): { columns: string[]; rows: string[][]; omitted: number } {
  const first = spec.categories.findIndex((_, index) => spec.series.some((series) => (series.values[index] ?? null) !== null));
  const omitted = spec.omitLeadingGaps && first > 0 ? first : 0;
  return {
    columns: [spec.categoryHeading, ...spec.series.map((series) => series.label)],
    rows: spec.categories.slice(omitted).map((label, offset) => {
      const index = offset + omitted;
      return [
        spec.categoryNames?.[index] ?? label,
        ...spec.series.map((series) => {
          const value = series.values[index];
          return value === null || value === undefined ? 'no data' : spec.format(value);
        }),
      ];
    }),
    omitted,
  };
}
