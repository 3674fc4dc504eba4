// A department's inbox of work orders (内部工单), soonest due first, each with its countdown on the
// department's calendar; opened on the side to answer or pass on. Department staff see only their
// department's orders and never the customer's personal data; supervisors see every department's.
import { Button, Card, Drawer, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { Me, WorkOrder } from '../api/types.ts';
import { type InboxFilter, useWorkOrder, useWorkOrderInbox } from '../api/work-order-queries.ts';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { WorkOrderDetail } from '../components/work-orders/WorkOrderDetail.tsx';
import { PassTags, WorkOrderStateTag } from '../components/work-orders/WorkOrderTags.tsx';
import { chinaDateTime } from '../lib/china-time.ts';
import { isDepartment } from '../lib/roles.ts';
import { shorten } from '../lib/text.ts';
import { useNow } from '../lib/use-now.ts';

export default function WorkOrderInboxPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: InboxFilter = params.get('tab') === 'closed' ? 'closed' : 'open';
  const openId = params.get('open');
  const inbox = useWorkOrderInbox(tab);
  const opened = useWorkOrder(openId);
  const now = useNow(30_000);
  const department = isDepartment(me.user.role);
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const show = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<WorkOrder> = [
    {
      title: t('workOrders.columns.state'),
      width: 170,
      render: (_: unknown, w) => <WorkOrderStateTag order={w} now={now} />,
    },
    {
      title: t('workOrders.columns.request'),
      render: (_: unknown, w) => (
        <div>
          <Typography.Link data-testid="work-order-open" onClick={() => show({ open: w.id })}>
            {shorten(w.request, 80)}
          </Typography.Link>{' '}
          <PassTags order={w} />
        </div>
      ),
    },
    ...(department
      ? []
      : [
          {
            title: t('workOrders.department'),
            width: 120,
            render: (_: unknown, w: WorkOrder) => w.department.name ?? '—',
          },
        ]),
    {
      title: t('workOrders.columns.complaint'),
      width: 150,
      render: (_: unknown, w) =>
        w.complaint.version === undefined ? (
          w.complaint.number
        ) : (
          <Link to={`/complaints/${w.complaintId}`}>{w.complaint.number}</Link>
        ),
    },
    {
      title: t('workOrders.columns.dueAt'),
      width: 140,
      render: (_: unknown, w) => chinaDateTime(w.dueAt),
    },
    {
      title: t('workOrders.columns.sentBy'),
      width: 120,
      render: (_: unknown, w) => w.createdBy.name ?? '—',
    },
  ];

  return (
    <div className="tousu-page">
      <Card size="small" title={t('workOrders.inboxTitle')} data-testid="work-order-inbox">
        <Typography.Paragraph type="secondary">
          {department ? t('workOrders.inboxHelp') : t('workOrders.inboxHelpAll')}
        </Typography.Paragraph>
        <Tabs
          size="small"
          activeKey={tab}
          onChange={(k) => show({ tab: k === 'closed' ? 'closed' : null })}
          items={[
            { key: 'open', label: t('workOrders.tabOpen') },
            { key: 'closed', label: t('workOrders.tabClosed') },
          ]}
        />
        {inbox.error ? (
          <RefusalAlert refusal={inbox.error instanceof ApiError ? inbox.error : { code: 'NETWORK' }} />
        ) : (
          <Table<WorkOrder>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={inbox.isPending}
            pagination={false}
            locale={{ emptyText: t('workOrders.inboxEmpty') }}
          />
        )}
        {inbox.hasNextPage ? (
          <div style={{ textAlign: 'center', marginTop: 8 }}>
            <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
      <Drawer
        open={openId !== null}
        size={640}
        title={opened.data ? t('workOrders.detailTitle', { number: opened.data.complaint.number }) : ''}
        onClose={() => show({ open: null })}
        destroyOnHidden
      >
        {opened.error ? (
          <RefusalAlert refusal={opened.error instanceof ApiError ? opened.error : { code: 'NETWORK' }} />
        ) : opened.data ? (
          <WorkOrderDetail order={opened.data} now={now} />
        ) : null}
      </Drawer>
    </div>
  );
}
