// Complaints per day, week or month: bars for the count (and last year's, when asked), a line for
// the growth over the previous period (and the year-over-year growth). Click a period to see its
// complaints; last year's bar opens last year's.
import { Card, Checkbox, Segmented, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrend } from '../../api/report-queries.ts';
import { formatCount, trendOption, trendTarget } from '../../lib/report-charts.ts';
import type { DrillTarget } from '../../lib/report-drill.ts';
import { INTERVALS, type Interval } from '../../lib/report-periods.ts';
import { intervalOf, type RatioKind, type ReportQuery, type ReportView } from '../../lib/report-view.ts';
import { useChartTheme } from './chart-theme.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { EChart } from './EChart.tsx';
import { ReportErrorAlert } from './ReportErrorAlert.tsx';

export function TrendCard({
  view,
  query,
  enabled,
  onChange,
  onDrill,
}: {
  view: ReportView;
  query: ReportQuery;
  enabled: boolean;
  onChange: (v: ReportView) => void;
  onDrill: (target: DrillTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const theme = useChartTheme();
  const interval = intervalOf(view);
  const q = useMemo(
    () => ({ ...query, interval, ...(view.ratio ? { ratio: view.ratio } : {}) }),
    [query, interval, view.ratio],
  );
  const report = useTrend(q, enabled);
  const data = report.data;
  const option = useMemo(() => {
    if (!data) return null;
    const ctx = {
      theme,
      t: (k: string, v?: Record<string, unknown>) => t(k, v) as string,
      lang: i18n.language,
    };
    return trendOption(data.points, { interval: data.interval, yoy: view.yoy, ratio: view.ratio }, ctx);
  }, [data, view.yoy, view.ratio, theme, t, i18n.language]);

  return (
    <Card
      size="small"
      title={t('reports.trend.title')}
      data-testid="report-trend"
      extra={
        <Space wrap size="small">
          <Segmented<Interval>
            size="small"
            value={interval}
            onChange={(v) => onChange({ ...view, interval: v })}
            options={INTERVALS.map((i) => ({ value: i, label: t(`reports.trend.interval.${i}`) }))}
          />
          <Checkbox checked={view.yoy} onChange={(e) => onChange({ ...view, yoy: e.target.checked })}>
            {t('reports.trend.yoy')}
          </Checkbox>
          <Select<RatioKind>
            size="small"
            allowClear
            placeholder={t('reports.trend.ratio')}
            style={{ width: 128 }}
            value={view.ratio ?? undefined}
            onChange={(ratio) => onChange({ ...view, ratio: ratio ?? null })}
            options={[
              { value: 'customers', label: t('reports.trend.ratioCustomers') },
              { value: 'transactions', label: t('reports.trend.ratioTransactions') },
            ]}
            popupMatchSelectWidth={false}
          />
          <DownloadButton
            report="trend"
            query={q}
            fileName={`trend_${view.range.from}_${view.range.to}`}
            disabled={!enabled}
          />
        </Space>
      }
    >
      {report.error ? (
        <ReportErrorAlert error={report.error} />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {data ? t('reports.total', { n: formatCount(data.total) }) : '\u00a0'}
          </Typography.Text>
          <EChart
            option={option}
            height={340}
            loading={report.isFetching}
            empty={!!data && data.total === 0 && !view.yoy}
            emptyText={t('reports.empty')}
            testId="chart-trend"
            onClick={(e) => {
              const target = trendTarget(data?.points ?? [], e.seriesId, e.dataIndex);
              if (target) onDrill(target);
            }}
          />
        </>
      )}
    </Card>
  );
}
