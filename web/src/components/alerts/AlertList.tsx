// The early-warning alerts (§12), newest first: what happened in figures (the count, the baseline,
// the threshold, the p-value and a small chart of the previous 28 days), a link to the complaints
// behind it, and — for supervisors and analysts — the acknowledgement with a note of what was
// done. Reusable: the alerts page shows it in full, the dashboard embeds it (e.g. open alerts only,
// a few at a time).
import { Button, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Alert,
  type AlertKind,
  type AlertStateFilter,
  useAcknowledgeAlert,
  useAlerts,
} from '../../api/alert-queries.ts';
import { useMe } from '../../api/queries.ts';
import {
  acknowledgesAlerts,
  alertDrillPath,
  formatDay,
  formatMean,
  formatPValue,
  sparkBars,
} from '../../lib/alerts.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { asApiError } from '../complaint/context.tsx';
import { TextDialog } from '../TextDialog.tsx';

const KIND_COLOR: Record<AlertKind, string> = { volume_spike: 'volcano', new_product: 'gold' };

/** The previous days as grey bars and the day itself in red, scaled to the highest. */
function Spark({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const bars = sparkBars(alert.details.history, alert.observed);
  if (bars.length < 2) return null;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 4;
  const h = 28;
  return (
    <Tooltip title={t('alerts.chart')}>
      <svg
        width={bars.length * (w + 1)}
        height={h}
        role="img"
        aria-label={t('alerts.chart')}
        data-testid="alert-spark"
      >
        {bars.map((b, i) => {
          const bh = Math.max(1, Math.round((b.value / max) * h));
          return (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: the bars are days in order
              key={i}
              x={i * (w + 1)}
              y={h - bh}
              width={w}
              height={bh}
              fill={b.today ? '#cf1322' : '#bfbfbf'}
            />
          );
        })}
      </svg>
    </Tooltip>
  );
}

function headline(a: Alert, t: (k: string, v?: Record<string, unknown>) => string, zh: boolean): string {
  if (a.kind === 'new_product') {
    const kind = a.subject.productKind ?? 'product';
    return t('alerts.newProductHeadline', {
      subject: a.subject.name,
      productKind: t(`products.kindWord.${kind}`),
    });
  }
  const subject = !zh && a.subject.nameEn ? a.subject.nameEn : a.subject.name;
  return t('alerts.volumeHeadline', { subject, day: formatDay(a.day, zh), observed: a.observed });
}

function Figures({ alert: a }: { alert: Alert }) {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  if (a.kind === 'new_product') {
    const launched = typeof a.details.launchedOn === 'string' ? a.details.launchedOn : null;
    return (
      <Space size={12} wrap className="tousu-muted">
        {launched ? <span>{t('alerts.launchedOn', { date: formatDay(launched, zh) })}</span> : null}
        {a.complaint ? (
          <Link to={`/complaints/${a.complaint.id}`}>
            {t('alerts.firstComplaint', { number: a.complaint.number ?? '' })}
          </Link>
        ) : null}
      </Space>
    );
  }
  const days = typeof a.details.historyDays === 'number' ? a.details.historyDays : 28;
  const setAside = Array.isArray(a.details.setAside) && a.details.setAside.length > 0;
  return (
    <Space size={12} wrap align="center">
      <Spark alert={a} />
      <span className="tousu-muted">
        {t('alerts.baseline', { days, expected: formatMean(a.expected), threshold: a.threshold })}
      </span>
      {a.ratio !== null ? <Tag color="red">{t('alerts.ratio', { ratio: formatMean(a.ratio) })}</Tag> : null}
      <span className="tousu-muted">{formatPValue(a.pValue)}</span>
      {setAside ? <span className="tousu-muted">{t('alerts.setAside')}</span> : null}
    </Space>
  );
}

export function AlertList({
  state = 'open',
  kinds = [],
  pageSize = 20,
  canAcknowledge,
  showCounts = false,
}: {
  state?: AlertStateFilter;
  kinds?: readonly AlertKind[];
  pageSize?: number;
  /** Defaults to the logged-in person's role (supervisors and analysts). */
  canAcknowledge?: boolean;
  /** Show "n open, m acknowledged" above the list. */
  showCounts?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  const role = useMe().data?.user.role;
  const mayAcknowledge = canAcknowledge ?? (role ? acknowledgesAlerts(role) : false);
  const list = useAlerts(state, kinds, pageSize);
  const acknowledge = useAcknowledgeAlert();
  const [acknowledging, setAcknowledging] = useState<Alert | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = list.data?.pages[0]?.counts;

  return (
    <div data-testid="alert-list">
      {showCounts && counts ? (
        <Typography.Text type="secondary">{t('alerts.counts', counts)}</Typography.Text>
      ) : null}
      <List<Alert>
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.empty')} /> }}
        renderItem={(a) => (
          <List.Item
            data-testid="alert-item"
            data-kind={a.kind}
            data-state={a.state}
            actions={[
              <Link key="drill" to={alertDrillPath(a)} data-testid="alert-drill">
                {t('alerts.drill')}
              </Link>,
              ...(a.state === 'open' && mayAcknowledge
                ? [
                    <Button
                      key="ack"
                      size="small"
                      type="primary"
                      data-testid="alert-acknowledge"
                      onClick={() => {
                        acknowledge.reset();
                        setAcknowledging(a);
                      }}
                    >
                      {t('alerts.acknowledge')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <Tag color={KIND_COLOR[a.kind]}>{t(`alerts.kind.${a.kind}`)}</Tag>
                  <Tag>{t(`alerts.subjectKind.${a.subject.kind}`)}</Tag>
                  <span>{headline(a, tr, zh)}</span>
                  {a.state === 'acknowledged' ? (
                    <Tag color="green">{t('alerts.state.acknowledged')}</Tag>
                  ) : null}
                </Space>
              }
              description={
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Figures alert={a} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('alerts.raisedAt', { at: chinaDateTime(a.raisedAt) })}
                  </Typography.Text>
                  {a.acknowledgement ? (
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="alert-acknowledgement">
                      {t('alerts.acknowledgedBy', {
                        name: a.acknowledgement.by.name ?? '—',
                        at: chinaDateTime(a.acknowledgement.at),
                        note: a.acknowledgement.note ?? '',
                      })}
                    </Typography.Text>
                  ) : null}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {list.hasNextPage ? (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('alerts.loadMore')}
        </Button>
      ) : null}
      <TextDialog
        open={acknowledging !== null}
        title={
          acknowledging ? t('alerts.acknowledgeTitle', { headline: headline(acknowledging, tr, zh) }) : ''
        }
        help={t('alerts.acknowledgeHelp')}
        label={t('alerts.note')}
        inputId="alert-note"
        okText={t('alerts.acknowledge')}
        pending={acknowledge.isPending}
        error={acknowledge.error ? asApiError(acknowledge.error) : null}
        onCancel={() => setAcknowledging(null)}
        onOk={(note) =>
          acknowledging &&
          acknowledge.mutate({ id: acknowledging.id, note }, { onSuccess: () => setAcknowledging(null) })
        }
      />
    </div>
  );
}
