// The reports dashboard (统计报表): the period and filters, the KPIs against their targets, the
// category distribution, the trend, the weekday × hour heatmap and the alerts. Everything is in
// the URL (a view can be shared), and every figure opens the complaints behind it in the list.
import { Alert, Card, Col, Row, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../api/types.ts';
import { CategoryDistributionCard } from '../components/reports/CategoryDistributionCard.tsx';
import { HeatmapCard } from '../components/reports/HeatmapCard.tsx';
import { KpiPanel } from '../components/reports/KpiPanel.tsx';
import { ReportAlertsCard } from '../components/reports/ReportAlertsCard.tsx';
import { ReportFiltersBar } from '../components/reports/ReportFiltersBar.tsx';
import { TrendCard } from '../components/reports/TrendCard.tsx';
import { seesAlerts } from '../lib/alerts.ts';
import { chinaDay } from '../lib/china-time.ts';
import { type DrillTarget, drillHref } from '../lib/report-drill.ts';
import { MAX_REPORT_DAYS, rangeProblem } from '../lib/report-periods.ts';
import {
  type ReportFilters,
  type ReportView,
  reportQuery,
  viewFromSearch,
  viewToSearch,
} from '../lib/report-view.ts';
import { overseesTeams } from '../lib/roles.ts';
import { useNow } from '../lib/use-now.ts';

export default function ReportsDashboardPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  // Presets follow China's calendar: recomputed when the day changes, not every minute.
  const today = chinaDay(useNow(60_000));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new day gives a new "now"
  const now = useMemo(() => new Date(), [today]);
  const view = useMemo(() => viewFromSearch(params, now), [params, now]);
  const query = useMemo(() => reportQuery(view), [view]);
  const problem = rangeProblem(view.range);
  const enabled = problem === null;
  const role = me.user.role;
  const oversees = overseesTeams(role);
  // Agents and specialists see their own team's figures (the server's rule); their drill-downs
  // name the team so the list shows the same complaints the figure counts.
  const restricted = role === 'agent' || role === 'specialist';
  const restrictedTeam = restricted ? me.user.team : null;
  // The alerts are for those who oversee (GET /alerts); agents and specialists have none here.
  const alerts = seesAlerts(role);

  const update = useCallback((v: ReportView) => setParams(viewToSearch(v), { replace: true }), [setParams]);
  const drill = (target: DrillTarget, filters?: ReportFilters) =>
    navigate(drillHref(filters ? { ...view, filters } : view, target, { team: restrictedTeam }));

  return (
    <div className="tousu-page" data-testid="reports-dashboard">
      <Card size="small" title={t('reports.title')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('reports.help')}
          {restrictedTeam ? ` ${t('reports.teamOnly', { team: restrictedTeam })}` : ''}
        </Typography.Paragraph>
        <ReportFiltersBar view={view} now={now} oversees={oversees} onChange={update} />
        {problem ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            message={t(`reports.rangeProblem.${problem}`, { days: MAX_REPORT_DAYS })}
          />
        ) : null}
      </Card>
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <KpiPanel view={view} enabled={enabled} restricted={restricted} onChange={update} onDrill={drill} />
        </Col>
        <Col xs={24} xl={12}>
          <CategoryDistributionCard
            view={view}
            query={query}
            enabled={enabled}
            onChange={update}
            onDrill={drill}
          />
        </Col>
        <Col xs={24} xl={12}>
          <TrendCard view={view} query={query} enabled={enabled} onChange={update} onDrill={drill} />
        </Col>
        <Col xs={24} xl={alerts ? 14 : 24}>
          <HeatmapCard view={view} query={query} enabled={enabled} onDrill={drill} />
        </Col>
        {alerts ? (
          <Col xs={24} xl={10}>
            <ReportAlertsCard />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
