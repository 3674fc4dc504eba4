// One work order as its department sees it: what is asked, the facts so far, attachments by
// reference, the complaint's number and category (the customer's number masked, no name), the due
// time, every pass between departments; then the answer or the pass on.
import { Descriptions, Divider, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { categoryName } from '../../lib/category-tree.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { AnswerForm, PassForm } from './AnswerForm.tsx';
import { PassTags, WorkOrderStateTag } from './WorkOrderTags.tsx';

export function WorkOrderDetail({ order: w, now }: { order: WorkOrder; now: Date }) {
  const { t, i18n } = useTranslation();
  const category = w.complaint.category
    ? categoryName(
        { name: w.complaint.category.name ?? '', nameEn: w.complaint.category.nameEn },
        i18n.language,
      )
    : t('complaint.none');
  return (
    <div data-testid="work-order-detail">
      <Space size={4} wrap style={{ marginBottom: 8 }}>
        <WorkOrderStateTag order={w} now={now} />
        {w.outcome ? <Tag color="blue">{t(`workOrderOutcome.${w.outcome}`)}</Tag> : null}
        <PassTags order={w} />
      </Space>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('workOrders.request')}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{w.request}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.facts')}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{w.facts ?? t('complaint.none')}</div>
        </Descriptions.Item>
        {w.attachments.length > 0 ? (
          <Descriptions.Item label={t('workOrders.attachments')}>
            {w.attachments.map((a) => (
              <div key={`${a.name}:${a.ref}`}>
                {a.name}：<Typography.Text copyable>{a.ref}</Typography.Text>
              </div>
            ))}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('workOrders.complaint')}>
          {w.complaint.number} · {category} · {w.complaint.customer.phone}
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.dueAt')}>
          {chinaDateTime(w.dueAt)}
          {w.requestedDueAt
            ? ` · ${t('workOrders.extensionAsked', { at: chinaDateTime(w.requestedDueAt) })}`
            : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.sentByLabel')}>
          {t('workOrders.sentBy', { name: w.createdBy.name ?? '—', at: chinaDateTime(w.createdAt) })}
        </Descriptions.Item>
        {w.answer ? (
          <Descriptions.Item label={t('workOrders.answer')}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{w.answer}</div>
            <div className="tousu-muted" style={{ fontSize: 12 }}>
              {t('workOrders.answeredBy', {
                name: w.answeredBy?.name ?? '—',
                at: w.answeredAt ? chinaDateTime(w.answeredAt) : '',
              })}
            </div>
          </Descriptions.Item>
        ) : null}
        {w.cancelReason ? (
          <Descriptions.Item label={t('workOrders.cancelReason')}>{w.cancelReason}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {w.passes.length > 0 ? (
        <>
          <Divider titlePlacement="start" plain>
            {t('workOrders.passes')}
          </Divider>
          <Timeline
            items={w.passes.map((p) => ({
              key: p.id,
              children: (
                <div>
                  <div>
                    {t('workOrders.passLine', {
                      from: p.from.name ?? '—',
                      to: p.to.name ?? '—',
                      reason: p.reason,
                    })}
                  </div>
                  <div className="tousu-muted" style={{ fontSize: 12 }}>
                    {p.passedBy.name ?? '—'} · {chinaDateTime(p.passedAt)}
                  </div>
                </div>
              ),
            }))}
          />
        </>
      ) : null}
      {w.abilities.answer.allowed ? (
        <>
          <Divider titlePlacement="start" plain>
            {t('workOrders.answerTitle')}
          </Divider>
          <AnswerForm order={w} />
        </>
      ) : null}
      {w.abilities.pass.allowed ? (
        <>
          <Divider titlePlacement="start" plain>
            {t('workOrders.passTitle')}
          </Divider>
          <PassForm order={w} />
        </>
      ) : null}
    </div>
  );
}
