// Early warning (§12): volume spikes of a category or product, and the first complaint about a
// new product, tariff or campaign. Supervisors and analysts acknowledge them with a note; admins
// read them.
import { Card, Checkbox, Result, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertKind, AlertStateFilter } from '../api/alert-queries.ts';
import type { Me } from '../api/types.ts';
import { AlertList } from '../components/alerts/AlertList.tsx';
import { ALERT_KINDS, ALERT_STATES, seesAlerts } from '../lib/alerts.ts';

export default function AlertsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [state, setState] = useState<AlertStateFilter>('open');
  const [kinds, setKinds] = useState<AlertKind[]>([]);
  if (!seesAlerts(me.user.role)) return <Result status="403" title={t('alerts.title')} />;
  return (
    <div style={{ padding: 16, maxWidth: 1100, margin: '0 auto' }}>
      <Card
        title={t('alerts.title')}
        extra={
          <Space wrap>
            <Segmented<AlertStateFilter>
              id="alerts-state"
              value={state}
              onChange={setState}
              options={ALERT_STATES.map((s) => ({ value: s, label: t(`alerts.state.${s}`) }))}
            />
            <Checkbox.Group<AlertKind>
              aria-label={t('alerts.kindFilter')}
              value={kinds}
              onChange={setKinds}
              options={ALERT_KINDS.map((k) => ({ value: k, label: t(`alerts.kind.${k}`) }))}
            />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('alerts.intro')}</Typography.Paragraph>
        <AlertList state={state} kinds={kinds} showCounts />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          {t('alerts.method')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
