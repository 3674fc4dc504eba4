// Sending a work order (内部工单) from the complaint to a department: what is asked or wanted, the
// facts so far, and by when (working days or hours on the department's calendar, or a time).
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/org-queries.ts';
import { useSendWorkOrder } from '../../api/work-order-queries.ts';
import type { MomentUnit } from '../../lib/durations.ts';
import { EMPTY_SEND, type SendDraft, sendRequest } from '../../lib/work-orders.ts';
import { MomentInput } from '../commitments/MomentInput.tsx';
import { asApiError, useComplaintCtx } from '../complaint/context.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';

const DUE_UNITS: readonly MomentUnit[] = ['workingDays', 'workingHours', 'at'];

export function SendWorkOrderDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { complaint: c, markStale } = useComplaintCtx();
  const departments = useDepartments(open);
  const send = useSendWorkOrder(c.id);
  const [draft, setDraft] = useState<SendDraft>(EMPTY_SEND);
  const request = sendRequest(draft);
  const error = send.error ? asApiError(send.error) : null;

  // Only when the dialog opens: later changes of the complaint keep what is being typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on opening only
  useEffect(() => {
    if (open) {
      setDraft({ ...EMPTY_SEND, facts: c.verifiedFacts ?? '' });
      send.reset();
    }
  }, [open]);

  const submit = async () => {
    if (!request.ok) return;
    try {
      await send.mutateAsync({ version: c.version, ...request.body });
      onClose();
    } catch (err) {
      if (asApiError(err).code === 'STALE_VERSION') {
        markStale();
        onClose();
      }
    }
  };

  return (
    <Modal
      open={open}
      width={600}
      title={t('workOrders.sendTitle')}
      okText={t('workOrders.send')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: !request.ok, id: 'work-order-send-ok' }}
      confirmLoading={send.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('workOrders.sendHelp')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('workOrders.department')} required>
          <Select
            id="work-order-department"
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            placeholder={t('workOrders.departmentPick')}
            value={draft.departmentId ?? undefined}
            onChange={(v: string) => setDraft({ ...draft, departmentId: v })}
            options={(departments.data ?? [])
              .filter((d) => d.active)
              .map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label={t('workOrders.request')} required extra={t('workOrders.requestHelp')}>
          <Input.TextArea
            id="work-order-request"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            value={draft.request}
            onChange={(e) => setDraft({ ...draft, request: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('workOrders.facts')} extra={t('workOrders.factsHelp')}>
          <Input.TextArea
            id="work-order-facts"
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={8000}
            value={draft.facts}
            onChange={(e) => setDraft({ ...draft, facts: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('workOrders.dueOptional')} extra={t('workOrders.dueHelp')}>
          <MomentInput
            id="work-order-due"
            labels="units"
            units={DUE_UNITS}
            value={draft.due}
            onChange={(due) => setDraft({ ...draft, due })}
          />
        </Form.Item>
      </Form>
      {!request.ok && (draft.request || draft.departmentId) ? (
        <Typography.Text type="secondary">
          {t('workOrders.missingTitle', { items: request.missing.map((k) => t(k)).join('、') })}
        </Typography.Text>
      ) : null}
      {error && error.code !== 'STALE_VERSION' ? <RefusalAlert refusal={error} /> : null}
    </Modal>
  );
}
