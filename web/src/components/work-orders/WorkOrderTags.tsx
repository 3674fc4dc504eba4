// A work order's state now with the countdown to its due time (department calendar, China time),
// and the marks of an order passed from one department to another (打太极).
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { TONE_COLORS } from '../../lib/countdown.ts';
import { liveWorkOrderState, workOrderCountdown, workOrderTone } from '../../lib/work-orders.ts';

export function WorkOrderStateTag({ order, now }: { order: WorkOrder; now: Date }) {
  const { t } = useTranslation();
  const state = liveWorkOrderState(order, now);
  const left = workOrderCountdown(order, now);
  return (
    <Tooltip title={t('workOrders.due', { at: chinaDateTime(order.dueAt) })}>
      <Tag
        color={TONE_COLORS[workOrderTone(state)]}
        data-state={state}
        data-testid="work-order-state"
        style={{ marginInlineEnd: 0 }}
      >
        {t(`workOrderState.${state}`)}
        {left ? ` · ${t(left.key, left.values)}` : ''}
      </Tag>
    </Tooltip>
  );
}

export function PassTags({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  return (
    <>
      {order.passCount > 0 ? <Tag>{t('workOrders.passed', { count: order.passCount })}</Tag> : null}
      {order.flaggedAt ? (
        <Tooltip title={t('workOrders.flaggedHelp')}>
          <Tag color="red" data-testid="work-order-flagged">
            {t('workOrders.flagged')}
          </Tag>
        </Tooltip>
      ) : null}
    </>
  );
}
