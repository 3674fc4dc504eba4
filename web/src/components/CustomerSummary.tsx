// What the agent must see about a caller at once: flags, how often they complained, what is still open.
import { Descriptions, Empty, List, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerProfile } from '../api/types.ts';
import { FlagTag, StatusTag } from './tags.tsx';

export function CustomerFlags({ profile }: { profile: CustomerProfile }) {
  const flags = profile.flags ?? [];
  if (flags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap data-testid="customer-flags">
      {flags.map((f) => (
        <FlagTag key={JSON.stringify(f)} flag={f} />
      ))}
    </Space>
  );
}

export function CustomerCounts({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const total = Object.values(profile.counts.byStatus).reduce((a, b) => a + b, 0);
  return (
    <Space size="large">
      <Statistic title={t('customer.last90')} value={profile.counts.last90Days} data-testid="count-90" />
      <Statistic title={t('customer.total')} value={total} />
      <Statistic title={t('customer.open')} value={profile.openComplaints.length} />
    </Space>
  );
}

/** The panel beside the intake form. */
export function CustomerSummary({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const c = profile.customer;
  if (!c) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.unknown')} />;
  return (
    <div data-testid="customer-summary">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('intake.name')}>
          <Link to={`/customers/${c.id}`}>{c.name ?? t('complaint.none')}</Link>
        </Descriptions.Item>
        {c.externalId ? (
          <Descriptions.Item label={t('customer.externalId')}>{c.externalId}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('customer.since')}>
          {dayjs(c.createdAt).format('YYYY-MM-DD')}
        </Descriptions.Item>
      </Descriptions>
      <CustomerFlags profile={profile} />
      <div style={{ margin: '8px 0' }}>
        <CustomerCounts profile={profile} />
      </div>
      <Typography.Text strong>{t('customer.openList')}</Typography.Text>
      <List
        size="small"
        dataSource={profile.openComplaints}
        locale={{ emptyText: t('customer.noHistory') }}
        renderItem={(item) => (
          <List.Item>
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Space>
                <Link to={`/complaints/${item.id}`}>{item.number}</Link>
                <StatusTag status={item.status} />
                <span className="tousu-muted">{dayjs(item.receivedAt).format('YYYY-MM-DD')}</span>
              </Space>
              <Typography.Text ellipsis style={{ maxWidth: 360 }}>
                {item.description}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Typography.Text strong>{t('customer.history')}</Typography.Text>
      <List
        size="small"
        data-testid="customer-history"
        dataSource={profile.complaints.slice(0, 8)}
        locale={{ emptyText: t('customer.noHistory') }}
        renderItem={(item) => (
          <List.Item>
            <Space>
              <Link to={`/complaints/${item.id}`}>{item.number}</Link>
              <StatusTag status={item.status} />
              <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                {item.description}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
