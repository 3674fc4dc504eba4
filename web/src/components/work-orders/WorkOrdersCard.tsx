// The complaint's work orders to departments: each with its state and countdown, the answer once
// given, a request for more time the handler accepts or declines, and cancel with a reason. A
// complaint with an open work order cannot be resolved or closed.
import { Badge, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { useWorkOrderAction } from '../../api/work-order-queries.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { sortWorkOrders } from '../../lib/work-orders.ts';
import { asApiError, useComplaintCtx } from '../complaint/context.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { TextDialog } from '../TextDialog.tsx';
import { SendWorkOrderDialog } from './SendWorkOrderDialog.tsx';
import { PassTags, WorkOrderStateTag } from './WorkOrderTags.tsx';

type Closing = { order: WorkOrder; action: 'cancel' | 'decline' };

function WorkOrderRow({ w, now, onClose }: { w: WorkOrder; now: Date; onClose: (c: Closing) => void }) {
  const { t } = useTranslation();
  const act = useWorkOrderAction();
  const muted = 'tousu-muted';
  const actions = [
    ...(w.abilities.decideExtension.allowed
      ? [
          <Popconfirm
            key="accept"
            title={t('workOrders.acceptExtensionConfirm', { at: chinaDateTime(w.requestedDueAt ?? w.dueAt) })}
            okText={t('actions.confirm')}
            cancelText={t('actions.cancel')}
            onConfirm={() => act.mutate({ id: w.id, action: 'extension', body: { accept: true } })}
          >
            <Button size="small" type="link" id={`work-order-accept-${w.id}`}>
              {t('workOrders.acceptExtension')}
            </Button>
          </Popconfirm>,
          <Button
            key="decline"
            size="small"
            type="link"
            onClick={() => onClose({ order: w, action: 'decline' })}
          >
            {t('workOrders.declineExtension')}
          </Button>,
        ]
      : []),
    ...(w.abilities.cancel.allowed
      ? [
          <Button
            key="cancel"
            size="small"
            type="link"
            danger
            onClick={() => onClose({ order: w, action: 'cancel' })}
          >
            {t('workOrders.cancel')}
          </Button>,
        ]
      : []),
  ];
  return (
    <List.Item actions={actions} data-testid="work-order-row" style={{ paddingInline: 0 }}>
      <div style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{w.department.name ?? '—'}</Typography.Text>
          <WorkOrderStateTag order={w} now={now} />
          {w.provisional ? <Tag color="gold">{t('deadlines.provisional')}</Tag> : null}
          {w.outcome ? <Tag color="blue">{t(`workOrderOutcome.${w.outcome}`)}</Tag> : null}
          <PassTags order={w} />
        </Space>
        <div style={{ whiteSpace: 'pre-wrap' }}>{w.request}</div>
        {w.answer ? (
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="work-order-answer">
            {t('workOrders.answerLine', { answer: w.answer })}
          </div>
        ) : null}
        {w.requestedDueAt ? (
          <Typography.Text type="warning">
            {t('workOrders.extensionAsked', { at: chinaDateTime(w.requestedDueAt) })}
          </Typography.Text>
        ) : null}
        <div className={muted} style={{ fontSize: 12 }}>
          {t('workOrders.due', { at: chinaDateTime(w.dueAt) })} ·{' '}
          {t('workOrders.sentBy', { name: w.createdBy.name ?? '—', at: chinaDateTime(w.createdAt) })}
          {w.answeredAt
            ? ` · ${t('workOrders.answeredBy', { name: w.answeredBy?.name ?? '—', at: chinaDateTime(w.answeredAt) })}`
            : ''}
          {w.cancelReason ? ` · ${t('workOrders.cancelledWhy', { reason: w.cancelReason })}` : ''}
        </div>
        {act.error ? <RefusalAlert refusal={asApiError(act.error)} onClose={() => act.reset()} /> : null}
      </div>
    </List.Item>
  );
}

export function WorkOrdersCard({ now }: { now: Date }) {
  const { t } = useTranslation();
  const { complaint: c, workOrders } = useComplaintCtx();
  const [sending, setSending] = useState(false);
  const [closing, setClosing] = useState<Closing | null>(null);
  const act = useWorkOrderAction();
  const canSend = c.abilities.edit.allowed && c.status !== 'closed';
  const open = workOrders.filter((w) => w.status === 'open').length;
  if (!canSend && workOrders.length === 0) return null;

  const finish = async (text: string) => {
    if (!closing) return;
    const { order, action } = closing;
    try {
      await act.mutateAsync(
        action === 'cancel'
          ? { id: order.id, action: 'cancel', body: { reason: text } }
          : { id: order.id, action: 'extension', body: { accept: false, note: text } },
      );
      setClosing(null);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <Card
      size="small"
      data-testid="work-orders-card"
      style={{ marginTop: 12 }}
      title={
        <span>
          {t('workOrders.title')}{' '}
          {open > 0 ? <Badge count={t('workOrders.openCount', { count: open })} color="orange" /> : null}
        </span>
      }
      extra={
        canSend ? (
          <Button size="small" id="work-order-new" onClick={() => setSending(true)}>
            {t('workOrders.new')}
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={sortWorkOrders(workOrders)}
        locale={{ emptyText: t('workOrders.empty') }}
        renderItem={(w) => (
          <WorkOrderRow
            w={w}
            now={now}
            onClose={(x) => {
              act.reset();
              setClosing(x);
            }}
          />
        )}
      />
      <SendWorkOrderDialog open={sending} onClose={() => setSending(false)} />
      <TextDialog
        open={closing !== null}
        title={closing?.action === 'cancel' ? t('workOrders.cancelTitle') : t('workOrders.declineTitle')}
        help={closing?.order.request}
        label={closing?.action === 'cancel' ? t('workOrders.cancelReason') : t('workOrders.declineNote')}
        inputId="work-order-close-text"
        danger={closing?.action === 'cancel'}
        pending={act.isPending}
        error={act.error ? asApiError(act.error) : null}
        onOk={(text) => void finish(text)}
        onCancel={() => setClosing(null)}
      />
    </Card>
  );
}
