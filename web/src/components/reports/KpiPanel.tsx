// The KPIs of complaint management for the period: each rate on a card against its target (green
// when met, red when missed; the raw counts in the tooltip), the volumes and resolution times, and
// optionally a breakdown by team, first owner, department or category. A card opens the period's
// complaints; a row of the breakdown opens its team's, department's or category's.
import { Card, Segmented, Space, Table, Tag, Tooltip, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_RATES, type KpiRate, type KpiRow, useKpis } from '../../api/report-queries.ts';
import { formatCount, formatPercent } from '../../lib/report-charts.ts';
import type { DrillTarget } from '../../lib/report-drill.ts';
import { emptyKpiRow, formatHours, kpiParts, kpiState, LOWER_IS_BETTER } from '../../lib/report-kpis.ts';
import {
  KPI_GROUPS,
  type KpiGroup,
  NO_FILTERS,
  type ReportFilters,
  type ReportView,
} from '../../lib/report-view.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { ReportErrorAlert } from './ReportErrorAlert.tsx';

export type KpiDrill = (target: DrillTarget, filters: ReportFilters) => void;

function KpiTile({
  label,
  value,
  color,
  footer,
  tip,
  onClick,
  testId,
}: {
  label: string;
  value: ReactNode;
  color?: string | undefined;
  footer?: ReactNode;
  tip?: ReactNode;
  onClick?: () => void;
  testId?: string;
}) {
  const { token } = theme.useToken();
  const style = {
    display: 'block',
    width: '100%',
    textAlign: 'left' as const,
    font: 'inherit',
    cursor: onClick ? 'pointer' : 'default',
    border: `1px solid ${token.colorBorderSecondary}`,
    borderTop: `3px solid ${color ?? token.colorBorderSecondary}`,
    borderRadius: token.borderRadius,
    padding: '8px 10px',
    background: token.colorBgContainer,
    minHeight: 86,
  };
  const body = (
    <>
      <div style={{ color: token.colorTextSecondary, fontSize: 12 }}>{label}</div>
      <div style={{ fontSize: 22, fontWeight: 600, color: color ?? token.colorText, lineHeight: '32px' }}>
        {value}
      </div>
      <div style={{ fontSize: 12, color: token.colorTextSecondary }}>{footer}</div>
    </>
  );
  const tile = onClick ? (
    <button type="button" onClick={onClick} data-testid={testId} style={style}>
      {body}
    </button>
  ) : (
    <div data-testid={testId} style={style}>
      {body}
    </div>
  );
  return tip ? <Tooltip title={tip}>{tile}</Tooltip> : tile;
}

export function KpiPanel({
  view,
  enabled,
  restricted,
  onChange,
  onDrill,
}: {
  view: ReportView;
  enabled: boolean;
  /** Agents and specialists: their team's figures, overall or by agent only. */
  restricted: boolean;
  onChange: (v: ReportView) => void;
  onDrill: KpiDrill;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const period = { from: view.range.from, to: view.range.to };
  const overall = useKpis({ ...period, groupBy: 'all' }, enabled);
  const groupBy =
    restricted && (view.kpiGroup === 'department' || view.kpiGroup === 'category') ? 'all' : view.kpiGroup;
  const groupQuery = { ...period, groupBy, ...(groupBy === 'category' ? { level: String(view.level) } : {}) };
  const grouped = useKpis(groupQuery, enabled && groupBy !== 'all');
  // No complaints in the period: no row from the server; the cards say so with zeros and dashes.
  const row = overall.data ? (overall.data.rows[0] ?? emptyKpiRow()) : undefined;
  const targets = overall.data?.targets ?? {};
  const stateColor = { met: token.colorSuccess, missed: token.colorError, none: undefined } as const;
  const drillAll = () => onDrill({}, NO_FILTERS);

  const rateTip = (rate: KpiRate, r: KpiRow) => {
    const p = kpiParts(rate, r);
    return t('reports.kpis.parts', {
      numerator: t(`reports.counts.${p.numerator.key}`),
      n: formatCount(p.numerator.value),
      denominator: t(`reports.counts.${p.denominator.key}`),
      d: formatCount(p.denominator.value),
    });
  };
  const p90 = (r: KpiRow) =>
    r.p90Over30Days
      ? t('reports.kpis.over30Days')
      : t('reports.kpis.hours', { value: formatHours(r.p90ResolveHours) });

  const groups = KPI_GROUPS.filter((g) => !restricted || (g !== 'department' && g !== 'category'));
  const drillRow = (r: KpiRow): (() => void) | undefined => {
    if (groupBy === 'team' && r.key) return () => onDrill({}, { ...NO_FILTERS, team: r.key });
    if (groupBy === 'department' && r.key) return () => onDrill({}, { ...NO_FILTERS, departmentId: r.key });
    if (groupBy === 'category') return () => onDrill({ category: r.key }, NO_FILTERS);
    return undefined;
  };
  const columns: ColumnsType<KpiRow> = [
    {
      title: t('reports.kpis.name'),
      fixed: 'left',
      width: 140,
      render: (_: unknown, r) => {
        const name =
          r.name ??
          (groupBy === 'category' && r.key === null ? t('reports.uncategorised') : t('reports.kpis.noName'));
        const go = drillRow(r);
        return go ? <Typography.Link onClick={go}>{name}</Typography.Link> : name;
      },
    },
    {
      title: t('reports.kpis.received'),
      align: 'right',
      width: 80,
      render: (_: unknown, r) => formatCount(r.received),
    },
    ...KPI_RATES.map((rate) => ({
      title: t(`reports.kpi.${rate}`),
      align: 'right' as const,
      width: 96,
      render: (_: unknown, r: KpiRow) => (
        <Tooltip title={rateTip(rate, r)}>
          <span style={{ color: stateColor[kpiState(rate, r.rates[rate], targets[rate])] }}>
            {formatPercent(r.rates[rate])}
          </span>
        </Tooltip>
      ),
    })),
    {
      title: t('reports.kpis.avgResolve'),
      align: 'right',
      width: 110,
      render: (_: unknown, r) => t('reports.kpis.hours', { value: formatHours(r.avgResolveHours) }),
    },
  ];

  return (
    <Card
      size="small"
      title={t('reports.kpis.title')}
      data-testid="report-kpis"
      extra={
        <Space wrap size="small">
          <DownloadButton
            report="kpis"
            query={groupBy === 'all' ? period : groupQuery}
            fileName={`kpis_${view.range.from}_${view.range.to}`}
            disabled={!enabled}
          />
        </Space>
      }
    >
      {overall.error ? (
        <ReportErrorAlert error={overall.error} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('reports.kpis.hint')}
          </Typography.Paragraph>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
              gap: 8,
              opacity: overall.isFetching && overall.data ? 0.6 : 1,
            }}
          >
            {KPI_RATES.map((rate) => {
              const value = row?.rates[rate] ?? null;
              const target = targets[rate];
              const state = kpiState(rate, value, target);
              return (
                <KpiTile
                  key={rate}
                  testId={`kpi-${rate}`}
                  label={t(`reports.kpi.${rate}`)}
                  value={row ? formatPercent(value) : '…'}
                  color={stateColor[state]}
                  onClick={drillAll}
                  tip={row ? rateTip(rate, row) : undefined}
                  footer={
                    <Space size={4}>
                      <span>
                        {target === undefined
                          ? t('reports.kpis.noTarget')
                          : t('reports.kpis.target', {
                              op: LOWER_IS_BETTER.has(rate) ? '≤' : '≥',
                              value: formatPercent(target, 0),
                            })}
                      </span>
                      {state !== 'none' ? (
                        <Tag color={state === 'met' ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
                          {t(`reports.kpis.${state}`)}
                        </Tag>
                      ) : null}
                    </Space>
                  }
                />
              );
            })}
            <KpiTile
              testId="kpi-received"
              label={t('reports.kpis.received')}
              value={row ? formatCount(row.received) : '…'}
              onClick={drillAll}
              footer={row ? `${t('reports.counts.closed')} ${formatCount(row.closed)}` : null}
            />
            <KpiTile
              label={t('reports.kpis.majorCrisis')}
              value={row ? `${formatCount(row.major)} / ${formatCount(row.crisis)}` : '…'}
              color={row && row.crisis > 0 ? token.colorError : undefined}
            />
            <KpiTile
              label={t('reports.kpis.avgResolve')}
              value={row ? t('reports.kpis.hours', { value: formatHours(row.avgResolveHours) }) : '…'}
              footer={row ? `${t('reports.kpis.p90Resolve')} ${p90(row)}` : null}
            />
            <KpiTile
              label={t('reports.kpis.seriousResolve')}
              value={row ? t('reports.kpis.hours', { value: formatHours(row.seriousAvgResolveHours) }) : '…'}
            />
          </div>
          <Space style={{ marginTop: 12, marginBottom: 8 }} wrap>
            <span className="tousu-muted">{t('reports.kpis.groupBy')}</span>
            <Segmented<KpiGroup>
              size="small"
              value={groupBy}
              onChange={(kpiGroup) => onChange({ ...view, kpiGroup })}
              options={groups.map((g) => ({ value: g, label: t(`reports.kpiGroup.${g}`) }))}
            />
          </Space>
          {groupBy !== 'all' ? (
            grouped.error ? (
              <ReportErrorAlert error={grouped.error} />
            ) : (
              <Table<KpiRow>
                size="small"
                rowKey={(r) => r.key ?? '—'}
                dataSource={grouped.data?.rows ?? []}
                columns={columns}
                loading={grouped.isFetching}
                pagination={false}
                scroll={{ x: 1100, y: 360 }}
                locale={{ emptyText: t('reports.empty') }}
                data-testid="kpi-table"
              />
            )
          ) : null}
        </>
      )}
    </Card>
  );
}
