/**
 * Monte-Carlo rank stability as a bar chart (ECharts, canvas renderer): for the best candidates,
 * the share of random weight sets in which each ranks first and in the top three.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../components/use-echart.ts';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankStability } from './scoring-state.ts';

registerEcharts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface StabilityBar {
  name: string;
  first: number;
  top3: number;
}

/** The chart's bars: the eight candidates most often in the top three (then first), named by `name`. */
export function stabilityBars(stability: RankStability, name: (id: string) => string): StabilityBar[] {
  return stability.ids
    .map((id, i) => ({ id, first: stability.first[i] ?? 0, top3: stability.top3[i] ?? 0 }))
    .sort((a, b) => b.top3 - a.top3 || b.first - a.first)
    .slice(0, 8)
    .map((b) => ({ name: name(b.id), first: b.first, top3: b.top3 }));
}

/** `pending`: these bars are an earlier ranking's, shown dimmed while the current one's are computed. */
export function StabilityChart({ bars, samples, pending = false }: { bars: StabilityBar[]; samples: number; pending?: boolean }) {
  const { t } = useTranslation();
  const { el, chart } = useEChart();
  // Equal bars after a new ranking (the same names and shares) leave the chart alone: an ECharts
  // setOption takes tens of ms, in the frame after the new table.
  const key = JSON.stringify(bars);
  const data = useMemo(() => JSON.parse(key) as StabilityBar[], [key]);
  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 150, right: 24, top: 36, bottom: 28 },
        legend: { top: 4, textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${(Number(v) * 100).toFixed(1)} %` },
        xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: data.map((b) => b.name),
          axisLabel: { fontSize: 12, width: 140, overflow: 'truncate' },
        },
        series: [
          { name: t('scoring.first'), type: 'bar', data: data.map((b) => b.first), itemStyle: { color: '#2f6b2f' } },
          { name: t('scoring.top3'), type: 'bar', data: data.map((b) => b.top3), itemStyle: { color: '#9fc59f' } },
        ],
      },
      true,
    );
  }, [chart, data, t]);
  return (
    <figure
      className={pending ? 'chart pending' : 'chart'}
      aria-label={t('scoring.stabilityCaption', { n: samples })}
      aria-busy={pending}
      data-testid="stability-chart"
      data-pending={pending}
    >
      <div ref={el} style={{ width: '100%', height: `${Math.max(160, 40 + bars.length * 34)}px` }} />
      <figcaption className="muted small">
        {t('scoring.stabilityCaption', { n: samples })}
        {pending && <> · {t('scoring.stabilityPending')}</>}
      </figcaption>
    </figure>
  );
}
