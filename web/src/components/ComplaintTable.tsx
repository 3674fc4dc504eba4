// A table of complaints (list page, customer history): dense, one line per complaint.
import { PauseCircleOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintListItem } from '../api/types.ts';
import { categoryName } from '../lib/category-tree.ts';
import { useNow } from '../lib/use-now.ts';
import { SeverityTag, StatusTag } from './tags.tsx';
import { DeadlineTag } from './timing/TimingTags.tsx';

export type ComplaintColumn =
  | 'number'
  | 'receivedAt'
  | 'customer'
  | 'description'
  | 'category'
  | 'severity'
  | 'status'
  | 'deadline'
  | 'openDemands'
  | 'handler'
  | 'owner';

export const ALL_COLUMNS: ComplaintColumn[] = [
  'number',
  'receivedAt',
  'customer',
  'description',
  'category',
  'severity',
  'status',
  'deadline',
  'openDemands',
  'handler',
  'owner',
];

export function ComplaintTable({
  items,
  columns = ALL_COLUMNS,
  loading,
  emptyText,
}: {
  items: ComplaintListItem[];
  columns?: ComplaintColumn[];
  loading?: boolean;
  emptyText?: string;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow(30_000);
  const defs: Record<ComplaintColumn, ColumnsType<ComplaintListItem>[number]> = {
    number: {
      title: t('list.columns.number'),
      dataIndex: 'number',
      width: 150,
      render: (_: unknown, c) => (
        <Link to={`/complaints/${c.id}`} className="tousu-nowrap">
          {c.number}
        </Link>
      ),
    },
    receivedAt: {
      title: t('list.columns.receivedAt'),
      width: 130,
      render: (_: unknown, c) => (
        <span className="tousu-nowrap">{dayjs(c.receivedAt).format('YYYY-MM-DD HH:mm')}</span>
      ),
    },
    customer: {
      title: t('list.columns.customer'),
      width: 150,
      render: (_: unknown, c) => (
        <Link to={`/customers/${c.customer.id}`}>
          {c.customer.name ?? t('complaint.none')} <span className="tousu-muted">{c.customer.phone}</span>
        </Link>
      ),
    },
    description: {
      title: t('list.columns.description'),
      ellipsis: { showTitle: false },
      render: (_: unknown, c) => (
        <Tooltip title={c.description} placement="topLeft">
          <span>{c.description}</span>
        </Tooltip>
      ),
    },
    category: {
      title: t('list.columns.category'),
      width: 120,
      ellipsis: true,
      render: (_: unknown, c) =>
        c.category
          ? categoryName({ name: c.category.name ?? '', nameEn: c.category.nameEn ?? null }, i18n.language)
          : '—',
    },
    severity: {
      title: t('list.columns.severity'),
      width: 80,
      render: (_: unknown, c) => <SeverityTag severity={c.severity} />,
    },
    status: {
      title: t('list.columns.status'),
      width: 90,
      render: (_: unknown, c) => (
        <>
          <StatusTag status={c.status} />
          {c.reopenCount > 0 ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('list.reopened', { count: c.reopenCount })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    deadline: {
      title: t('list.columns.deadline'),
      width: 170,
      render: (_: unknown, c) => (
        <Space size={2} wrap data-testid="list-deadline">
          {c.nextDeadline ? (
            <>
              <span className="tousu-nowrap" style={{ fontSize: 12 }}>
                {t(`deadlineKind.${c.nextDeadline.kind}`)}
              </span>
              <DeadlineTag deadline={c.nextDeadline} now={now} />
            </>
          ) : null}
          {c.paused ? (
            <Tag icon={<PauseCircleOutlined />} color="#8c8c8c" data-testid="list-paused">
              {t('list.paused')}
            </Tag>
          ) : null}
          {!c.nextDeadline && !c.paused ? '—' : null}
        </Space>
      ),
    },
    openDemands: {
      title: t('list.columns.openDemands'),
      width: 90,
      align: 'right',
      render: (_: unknown, c) =>
        c.openDemands > 0 ? <Typography.Text type="danger">{c.openDemands}</Typography.Text> : '0',
    },
    handler: {
      title: t('list.columns.handler'),
      width: 90,
      render: (_: unknown, c) => c.handler?.name ?? '—',
    },
    owner: { title: t('list.columns.owner'), width: 90, render: (_: unknown, c) => c.owner?.name ?? '—' },
  };
  return (
    <Table<ComplaintListItem>
      size="small"
      rowKey="id"
      dataSource={items}
      columns={columns.map((k) => ({ key: k, ...defs[k] }))}
      pagination={false}
      loading={loading}
      locale={{ emptyText: emptyText ?? t('list.empty') }}
      scroll={{ x: 1060 }}
    />
  );
}
