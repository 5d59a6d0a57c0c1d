/**
 * One ECharts instance (canvas renderer) on an element for the component's lifetime. Each chart
 * registers the ECharts parts it uses; this only creates and disposes the instance.
 */
import { init, type EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

export function useEChart() {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = init(el.current, undefined, { renderer: 'canvas' });
    return () => {
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  return { el, chart };
}
