// Complaints by category at a level of the tree: a Pareto chart (bars by count, the cumulative
// share as a line, the vital few up to 80 % in the dark colour) or a pie. Click a category to see
// its complaints.
import { Card, Segmented, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../api/queries.ts';
import { useCategoryDistribution } from '../../api/report-queries.ts';
import {
  categoryBarOption,
  categoryPieOption,
  categoryTarget,
  formatCount,
} from '../../lib/report-charts.ts';
import type { DrillTarget } from '../../lib/report-drill.ts';
import {
  type CategoryChart,
  categoryLevels,
  type ReportQuery,
  type ReportView,
} from '../../lib/report-view.ts';
import { useChartTheme } from './chart-theme.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { EChart } from './EChart.tsx';
import { ReportErrorAlert } from './ReportErrorAlert.tsx';

export function CategoryDistributionCard({
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
  const categories = useCategories();
  const levels = categoryLevels(categories.data ?? []);
  const q = useMemo(() => ({ ...query, level: String(view.level) }), [query, view.level]);
  const report = useCategoryDistribution(q, enabled);
  const data = report.data;
  const option = useMemo(() => {
    if (!data) return null;
    const ctx = {
      theme,
      t: (k: string, v?: Record<string, unknown>) => t(k, v) as string,
      lang: i18n.language,
    };
    return view.categoryChart === 'pie'
      ? categoryPieOption(data.rows, ctx)
      : categoryBarOption(data.rows, data.total, ctx);
  }, [data, view.categoryChart, theme, t, i18n.language]);

  return (
    <Card
      size="small"
      title={t('reports.distribution.title')}
      data-testid="report-distribution"
      extra={
        <Space wrap size="small">
          <Select<number>
            size="small"
            aria-label={t('reports.level')}
            value={view.level}
            style={{ width: 96 }}
            onChange={(level) => onChange({ ...view, level })}
            options={Array.from({ length: Math.max(levels, view.level) }, (_, i) => ({
              value: i + 1,
              label: t('reports.levelN', { level: i + 1 }),
            }))}
          />
          <Segmented<CategoryChart>
            size="small"
            value={view.categoryChart}
            onChange={(categoryChart) => onChange({ ...view, categoryChart })}
            options={[
              { value: 'bar', label: t('reports.distribution.bar') },
              { value: 'pie', label: t('reports.distribution.pie') },
            ]}
          />
          <DownloadButton
            report="category-distribution"
            query={q}
            fileName={`category-distribution_${view.range.from}_${view.range.to}`}
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
            {data && data.total > 0 && view.categoryChart === 'bar'
              ? ` · ${t('reports.distribution.paretoHint')}`
              : ''}
          </Typography.Text>
          <EChart
            option={option}
            height={340}
            loading={report.isFetching}
            empty={!!data && data.total === 0}
            emptyText={t('reports.empty')}
            testId="chart-distribution"
            onClick={(e) => {
              const target = categoryTarget(data?.rows ?? [], e.dataIndex);
              if (target) onDrill(target);
            }}
          />
        </>
      )}
    </Card>
  );
}
