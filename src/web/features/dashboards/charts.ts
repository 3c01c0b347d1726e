import type { EChartOption } from './echart';

/** ECharts options of the studios dashboard: plain bars and pies, Chinese labels from the caller. */

const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#fa8c16', '#8c8c8c'];

export function pieOption(rows: { name: string; value: number }[]): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data: rows.filter((r) => r.value > 0),
      },
    ],
  };
}

export function barOption(rows: { name: string; value: number }[], opts: { horizontal?: boolean; color?: string; seriesName?: string } = {}): EChartOption {
  const category = { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, width: opts.horizontal ? 150 : 70, overflow: 'truncate' }, inverse: !!opts.horizontal };
  const value = { type: 'value', minInterval: 1 };
  return {
    color: [opts.color ?? PALETTE[0]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: opts.horizontal ? 160 : 40, right: 32, top: 16, bottom: opts.horizontal ? 24 : 48 },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? category : value,
    series: [{ type: 'bar', name: opts.seriesName, data: rows.map((r) => r.value), barMaxWidth: 28, label: { show: true, position: opts.horizontal ? 'right' : 'top' } }],
  };
}

export function groupedBarOption(categories: string[], series: { name: string; data: number[]; stack?: string }[], opts: { money?: boolean } = {}): EChartOption {
  const fmt = (v: number) => (opts.money ? `${(v / 10_000).toLocaleString('zh-CN')} 万元` : String(v));
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmt(v) },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: opts.money ? 64 : 40, right: 24, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => (opts.money ? `${v / 10_000}万` : String(v)) } },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, stack: s.stack, barMaxWidth: 32 })),
  };
}
