// When complaints arrive: weekday (Monday on top) × hour in China time. Click a cell to see the
// complaints received in that hour of that weekday during the period.
import { Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useHeatmap } from '../../api/report-queries.ts';
import { formatCount, heatmapOption, heatTarget } from '../../lib/report-charts.ts';
import type { DrillTarget } from '../../lib/report-drill.ts';
import type { ReportQuery, ReportView } from '../../lib/report-view.ts';
import { useChartTheme } from './chart-theme.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { EChart } from './EChart.tsx';
import { ReportErrorAlert } from './ReportErrorAlert.tsx';

export function HeatmapCard({
  view,
  query,
  enabled,
  onDrill,
}: {
  view: ReportView;
  query: ReportQuery;
  enabled: boolean;
  onDrill: (target: DrillTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const theme = useChartTheme();
  const report = useHeatmap(query, enabled);
  const data = report.data;
  const option = useMemo(() => {
    if (!data) return null;
    const ctx = {
      theme,
      t: (k: string, v?: Record<string, unknown>) => t(k, v) as string,
      lang: i18n.language,
    };
    return heatmapOption(data.cells, t('reports.weekdays', { returnObjects: true }) as string[], ctx);
  }, [data, theme, t, i18n.language]);

  return (
    <Card
      size="small"
      title={t('reports.heatmap.title')}
      data-testid="report-heatmap"
      extra={
        <Space size="small">
          <DownloadButton
            report="heatmap"
            query={query}
            fileName={`heatmap_${view.range.from}_${view.range.to}`}
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
            {t('reports.heatmap.hint')}
            {data ? ` · ${t('reports.total', { n: formatCount(data.total) })}` : ''}
          </Typography.Text>
          <EChart
            option={option}
            height={300}
            loading={report.isFetching}
            empty={!!data && data.total === 0}
            emptyText={t('reports.empty')}
            testId="chart-heatmap"
            onClick={(e) => {
              const target = heatTarget(e.value);
              if (target) onDrill(target);
            }}
          />
          {data && data.total > 0 ? (
            <div
              style={{
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                gap: 6,
                fontSize: 12,
              }}
              className="tousu-muted"
            >
              <span>1</span>
              <span
                style={{
                  width: 160,
                  height: 10,
                  borderRadius: 2,
                  background: `linear-gradient(90deg, ${theme.heatLow}, ${theme.primary})`,
                }}
              />
              <span>{formatCount(Math.max(...data.cells.map((c) => c.count)))}</span>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
