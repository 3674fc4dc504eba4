// One ECharts chart in React: created on mount, given each new option whole, resized with its box
// (window or layout), disposed on unmount. Clicks report the element clicked.
import { Empty, Spin } from 'antd';
import { type CSSProperties, useEffect, useRef } from 'react';
import type { ChartOption } from '../../lib/report-charts.ts';
import { type ECElementEvent, type EChartsType, init } from './echarts.ts';

export interface EChartProps {
  option: ChartOption | null;
  height?: number;
  loading?: boolean;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: boolean;
  emptyText?: string;
  onClick?: (e: ECElementEvent) => void;
  testId?: string;
  style?: CSSProperties;
}

export function EChart({
  option,
  height = 320,
  loading,
  empty,
  emptyText,
  onClick,
  testId,
  style,
}: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as ECElementEvent));
    const resize = () => {
      if (!c.isDisposed()) c.resize();
    };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(el);
    window.addEventListener('resize', resize);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      chart.current = null;
      c.dispose();
    };
  }, []);

  useEffect(() => {
    if (option && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <Spin spinning={!!loading} delay={150}>
      <div style={{ position: 'relative', height, ...style }} data-testid={testId}>
        <div ref={box} style={{ position: 'absolute', inset: 0, visibility: empty ? 'hidden' : 'visible' }} />
        {empty && !loading ? (
          <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
          </div>
        ) : null}
      </div>
    </Spin>
  );
}
