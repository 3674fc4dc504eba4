// Offering compensation (补偿) on a demand: the type, the amount in yuan and the words said to the
// customer, checked while typing (补偿, never the word for damages). Within the agent's authority it holds at once;
// above it, it waits for approval and cannot fulfil the demand until then.
import { Alert, App as AntApp, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrantCompensation, useMyAuthority } from '../../api/compensation-queries.ts';
import type { Demand } from '../../api/types.ts';
import {
  COMPENSATION_TYPES,
  type CompensationDraft,
  compensationRequest,
  compensationWording,
  EMPTY_COMPENSATION,
  needsApproval,
  yuanLabel,
} from '../../lib/compensation.ts';
import { WordingAlert } from '../commitments/WordingAlert.tsx';
import { asApiError, useComplaintCtx } from '../complaint/context.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';

export function CompensationDialog({ demand, onClose }: { demand: Demand | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { complaint: c, markStale } = useComplaintCtx();
  const grant = useGrantCompensation(c.id);
  const authority = useMyAuthority(demand !== null).data;
  const [draft, setDraft] = useState<CompensationDraft>(EMPTY_COMPENSATION);
  const request = compensationRequest(draft);
  const wording = compensationWording(draft.wording);
  const suggestion = wording.findings.find((f) => f.code === 'COMPENSATION_WORD')?.suggestion;
  const error = grant.error ? asApiError(grant.error) : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another demand is chosen only
  useEffect(() => {
    setDraft(EMPTY_COMPENSATION);
    grant.reset();
  }, [demand?.id]);

  const submit = async () => {
    if (!request.ok || !demand) return;
    try {
      const r = await grant.mutateAsync({
        demandId: demand.id,
        body: { version: c.version, ...request.body },
      });
      if (!r.approval) void message.success(t('compensation.granted'));
      else if (r.approval.approversNotified === 0) void message.warning(t('compensation.noApprover'));
      else
        void message.info(
          t('compensation.sentForApproval', {
            limit: yuanLabel(r.approval.limit),
            count: r.approval.approversNotified,
          }),
        );
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
      open={demand !== null}
      title={t('compensation.dialogTitle', { position: demand?.position ?? '' })}
      okText={t('compensation.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: !request.ok, id: 'compensation-ok' }}
      confirmLoading={grant.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{demand?.description}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('compensation.type')} required>
          <Radio.Group
            id="compensation-type"
            optionType="button"
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value })}
            options={COMPENSATION_TYPES.map((x) => ({ value: x, label: t(`compensationType.${x}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('compensation.amount')}
          required
          extra={
            authority
              ? t('compensation.authority', { limit: yuanLabel(authority.maxCompensationFen) })
              : undefined
          }
        >
          <Input
            id="compensation-amount"
            prefix="¥"
            inputMode="decimal"
            style={{ width: 180 }}
            value={draft.amount}
            onChange={(e) => setDraft({ ...draft, amount: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('compensation.wording')} required extra={t('compensation.wordingHelp')}>
          <Input.TextArea
            id="compensation-wording"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            value={draft.wording}
            onChange={(e) => setDraft({ ...draft, wording: e.target.value })}
          />
        </Form.Item>
      </Form>
      <WordingAlert
        findings={wording.findings}
        title={wording.blocking ? t('compensation.wordingBlocking') : undefined}
      />
      {suggestion ? (
        <Button
          size="small"
          style={{ marginTop: 6 }}
          id="compensation-use-suggestion"
          onClick={() => setDraft({ ...draft, wording: suggestion })}
        >
          {t('compensation.useSuggestion')}
        </Button>
      ) : null}
      {needsApproval(draft, authority) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="compensation-needs-approval"
          title={t('compensation.needsApproval')}
        />
      ) : null}
      {!request.ok && (draft.amount || draft.wording) ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('compensation.missingTitle', { items: request.missing.map((k) => t(k)).join('、') })}
        </Typography.Paragraph>
      ) : null}
      {error && error.code !== 'STALE_VERSION' ? <RefusalAlert refusal={error} /> : null}
    </Modal>
  );
}
