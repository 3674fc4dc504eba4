// The dashboard's early warnings: the open alerts, a few at a time, with their acknowledgement
// (the alerts module's own list), and a link to all of them.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertList } from '../alerts/AlertList.tsx';

export function ReportAlertsCard() {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('reports.alerts.title')}
      data-testid="report-alerts"
      extra={<Link to="/alerts">{t('reports.alerts.all')}</Link>}
      styles={{ body: { maxHeight: 420, overflowY: 'auto' } }}
    >
      <AlertList state="open" pageSize={5} showCounts />
    </Card>
  );
}
