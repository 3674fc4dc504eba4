// A customer's file: profile, phones (masked unless the role may see them), every complaint.
import { Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useCustomer } from '../api/queries.ts';
import { ComplaintTable } from '../components/ComplaintTable.tsx';
import { CustomerCounts, CustomerFlags } from '../components/CustomerSummary.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';

export default function CustomerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCustomer(id);
  if (query.isPending) return <Spin style={{ margin: 48 }} />;
  if (query.isError || !query.data.customer) {
    const err = query.error;
    if (!err || (err instanceof ApiError && (err.status === 404 || err.status === 400))) {
      return (
        <Result
          status="404"
          title={t('customer.notFound')}
          extra={<Link to="/complaints">{t('nav.list')}</Link>}
        />
      );
    }
    return (
      <div className="tousu-page">
        <RefusalAlert refusal={err instanceof ApiError ? err : { code: 'NETWORK' }} />
      </div>
    );
  }
  const profile = query.data;
  const c = profile.customer;
  if (!c) return null;
  const masked = c.phones.some((p) => p.phoneMasked);
  return (
    <div className="tousu-page">
      <Card
        size="small"
        title={t('customer.title', { name: c.name ?? t('complaint.none') })}
        data-testid="customer-page"
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('customer.phones')}>
            <Space wrap data-testid="customer-phones">
              {c.phones.map((p) => (
                <Tag key={p.phone}>{p.phone}</Tag>
              ))}
              {masked ? <Typography.Text type="secondary">{t('customer.masked')}</Typography.Text> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.externalId')}>
            {c.externalId ?? t('complaint.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.since')}>
            {dayjs(c.createdAt).format('YYYY-MM-DD')}
          </Descriptions.Item>
          {c.tags.length ? (
            <Descriptions.Item label={t('customer.tags')}>
              {c.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <CustomerFlags profile={profile} />
        <div style={{ margin: '8px 0' }}>
          <CustomerCounts profile={profile} />
        </div>
      </Card>
      <Card size="small" title={t('customer.history')} style={{ marginTop: 12 }}>
        <ComplaintTable
          items={profile.complaints}
          columns={[
            'number',
            'receivedAt',
            'description',
            'category',
            'severity',
            'status',
            'openDemands',
            'handler',
            'owner',
          ]}
          emptyText={t('customer.noHistory')}
        />
      </Card>
    </div>
  );
}
