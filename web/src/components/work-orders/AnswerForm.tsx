// The department's answer to a work order: done, facts verified, cannot, or more time with a new
// date (which the complaint's handler accepts or declines); or passing it on to the department
// that should answer, with the reason (every pass is recorded; more than two are flagged).
import { App as AntApp, Button, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/org-queries.ts';
import type { WorkOrder } from '../../api/types.ts';
import { useWorkOrderAction } from '../../api/work-order-queries.ts';
import {
  type AnswerDraft,
  answerRequest,
  EMPTY_ANSWER,
  WORK_ORDER_OUTCOMES,
  type WorkOrderOutcome,
} from '../../lib/work-orders.ts';
import { asApiError } from '../complaint/context.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';

const WALL = 'YYYY-MM-DD HH:mm';

export function AnswerForm({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const act = useWorkOrderAction();
  const [draft, setDraft] = useState<AnswerDraft>(EMPTY_ANSWER);
  const request = answerRequest(draft, order.dueAt);
  const send = () =>
    request.ok &&
    act.mutate(
      { id: order.id, action: 'answer', body: request.body },
      {
        onSuccess: () => {
          setDraft(EMPTY_ANSWER);
          void message.success(
            request.body.outcome === 'more_time' ? t('workOrders.moreTimeAsked') : t('workOrders.answered'),
          );
        },
      },
    );
  return (
    <Form layout="vertical" component="div" data-testid="work-order-answer-form">
      <Form.Item label={t('workOrders.outcome')} required>
        <Radio.Group
          id="work-order-outcome"
          value={draft.outcome}
          onChange={(e) => setDraft({ ...draft, outcome: e.target.value as WorkOrderOutcome })}
          options={WORK_ORDER_OUTCOMES.map((o) => ({ value: o, label: t(`workOrderOutcome.${o}`) }))}
        />
      </Form.Item>
      {draft.outcome === 'more_time' ? (
        <Form.Item label={t('workOrders.newDueAt')} required extra={t('workOrders.newDueAtHelp')}>
          <DatePicker
            id="work-order-new-due"
            showTime={{ format: 'HH:mm' }}
            format={WALL}
            value={draft.newDueAt ? dayjs(draft.newDueAt) : null}
            onChange={(d) => setDraft({ ...draft, newDueAt: d ? d.format(WALL) : null })}
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('workOrders.answer')} required>
        <Input.TextArea
          id="work-order-answer-text"
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={8000}
          value={draft.answer}
          onChange={(e) => setDraft({ ...draft, answer: e.target.value })}
        />
      </Form.Item>
      {!request.ok && (draft.outcome || draft.answer) ? (
        <Typography.Paragraph type="secondary">
          {t('workOrders.missingTitle', { items: request.missing.map((k) => t(k)).join('、') })}
        </Typography.Paragraph>
      ) : null}
      {act.error ? <RefusalAlert refusal={asApiError(act.error)} onClose={() => act.reset()} /> : null}
      <Button
        type="primary"
        id="work-order-answer-send"
        disabled={!request.ok}
        loading={act.isPending}
        onClick={send}
      >
        {t('workOrders.sendAnswer')}
      </Button>
    </Form>
  );
}

export function PassForm({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const act = useWorkOrderAction();
  const departments = useDepartments();
  const [to, setTo] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const ready = Boolean(to) && reason.trim() !== '';
  return (
    <Form layout="vertical" component="div" data-testid="work-order-pass-form">
      <Typography.Paragraph type="secondary">{t('workOrders.passHelp')}</Typography.Paragraph>
      <Space wrap align="start">
        <Select
          id="work-order-pass-to"
          style={{ width: 200 }}
          placeholder={t('workOrders.passTo')}
          value={to}
          onChange={setTo}
          options={(departments.data ?? [])
            .filter((d) => d.active && d.id !== order.department.id)
            .map((d) => ({ value: d.id, label: d.name }))}
        />
        <Input
          id="work-order-pass-reason"
          style={{ width: 320 }}
          placeholder={t('workOrders.passReason')}
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button
          disabled={!ready}
          loading={act.isPending}
          onClick={() =>
            to &&
            act.mutate(
              { id: order.id, action: 'pass', body: { departmentId: to, reason: reason.trim() } },
              { onSuccess: () => void message.success(t('workOrders.passedOn')) },
            )
          }
        >
          {t('workOrders.pass')}
        </Button>
      </Space>
      {act.error ? <RefusalAlert refusal={asApiError(act.error)} onClose={() => act.reset()} /> : null}
    </Form>
  );
}
