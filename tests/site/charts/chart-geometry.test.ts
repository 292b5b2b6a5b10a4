import { describe, expect, it } from 'vitest';
import { type ChartSpec, chartGeometry, chartTable } from '../../../src/site/charts/chart-geometry.ts';

const spec = (overrides: Partial<ChartSpec>): ChartSpec => ({
  id: 'test',
  title: 'Test',
  description: 'A test chart.',
  categories: ['Jan', 'Feb', 'Mar', 'Apr'],
  categoryHeading: 'Month',
  series: [{ label: 'Value', values: [1, null, 3, 4], tone: '1' }],
  kind: 'line',
  unit: 'things',
  format: (value) => String(value),
  width: 400,
  height: 200,
  ...overrides,
});

describe('chart geometry', () => {
  it('breaks a line where there is no data instead of drawing it through zero', () => {
    const geometry = chartGeometry(spec({}));
    // Two pieces: January alone, then March to April.
    expect(geometry.lines[0]!.d.match(/M/g)).toHaveLength(2);
    expect(geometry.points.map((point) => point.title)).toEqual(['Value, Jan: 1', 'Value, Mar: 3', 'Value, Apr: 4']);
    expect(geometry.empty).toBe(false);
  });

  it('puts whole-number ticks only on an axis of counts', () => {
    const ticks = (integer: boolean) => chartGeometry(spec({ series: [{ label: 'Loops', values: [2, 1, 2, 0], tone: '1' }], integer })).yTicks.map((tick) => tick.label);
    expect(ticks(false)).toEqual(['0', '0.5', '1', '1.5', '2']);
    expect(ticks(true)).toEqual(['0', '1', '2']);
  });

  it('stacks bars with their values, leaving zeros and gaps undrawn', () => {
    const geometry = chartGeometry(
      spec({
        kind: 'stack',
        series: [
          { label: 'None', values: [1, null, 0, 2], tone: 'muted' },
          { label: 'Gold', values: [3, null, 4, 0], tone: '1' },
        ],
      }),
    );
    expect(geometry.bars.map((bar) => bar.title)).toEqual(['None, Jan: 1', 'None, Apr: 2', 'Gold, Jan: 3', 'Gold, Mar: 4']);
    const [none, gold] = [geometry.bars[0]!, geometry.bars[2]!];
    // Gold sits on top of None in January.
    expect(gold.y + gold.height).toBeCloseTo(none.y, 0);
  });

  it('says it is empty when no series has a value', () => {
    expect(chartGeometry(spec({ series: [{ label: 'Value', values: [null, null, null, null], tone: '1' }] })).empty).toBe(true);
  });

  it('writes "no data" in the table for a gap, never zero', () => {
    expect(chartTable(spec({}))).toEqual({ columns: ['Month', 'Value'], rows: [['Jan', '1'], ['Feb', 'no data'], ['Mar', '3'], ['Apr', '4']], omitted: 0 });
  });

  it('leaves the categories before the first value out of the table when asked, and counts them', () => {
    const gaps = spec({ series: [{ label: 'Value', values: [null, null, 3, null], tone: '1' }], omitLeadingGaps: true });
    expect(chartTable(gaps)).toEqual({ columns: ['Month', 'Value'], rows: [['Mar', '3'], ['Apr', 'no data']], omitted: 2 });
  });
});
