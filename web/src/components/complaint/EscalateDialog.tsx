// Escalation to the next tier: one of the five reasons (each explained), a note for the higher
// tier, and optionally the person there; otherwise it waits in that tier's queue. Before anything
// is typed the dialog says that a skill problem is not a reason (投诉处理前移).
import { Alert, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams, useTiers } from '../../api/org-queries.ts';
import { useColleagues } from '../../api/queries.ts';
import {
  EMPTY_ESCALATION,
  ESCALATION_REASONS,
  type EscalateDraft,
  type EscalationReason,
  escalateRequest,
  nextTierLevel,
  personTierLevel,
  soundsLikeSkillProblem,
  tierName,
} from '../../lib/escalation.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';

export function EscalateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { complaint: c, run, pending } = useComplaintCtx();
  const [draft, setDraft] = useState<EscalateDraft>(EMPTY_ESCALATION);
  const [result, setResult] = useState<ChangeResult | null>(null);
  const tiers = useTiers(open).data ?? [];
  const teams = useTeams(open).data ?? [];
  const colleagues = useColleagues(open);
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  const next = nextTierLevel(c.tierLevel, tiers);
  const nextName = next === null ? '' : tierName(next, tr, tiers);
  const people = (colleagues.data ?? []).filter(
    (u) => next !== null && u.id !== c.handler?.id && personTierLevel(u, tiers, teams) === next,
  );
  const request = escalateRequest(draft);
  const error = shownError(result);

  useEffect(() => {
    if (open) {
      setDraft(EMPTY_ESCALATION);
      setResult(null);
    }
  }, [open]);

  const send = async () => {
    if (!request.ok) return;
    const r = await run({ method: 'POST', path: '/escalations', body: request.body });
    setResult(r);
    if (r.ok || r.error.code === 'STALE_VERSION') onClose();
  };

  return (
    <Modal
      open={open}
      width={640}
      title={next === null ? t('actions.escalate') : t('escalation.dialogTitle', { tier: nextName })}
      okText={t('actions.escalate')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: !request.ok, id: 'escalate-ok' }}
      confirmLoading={pending}
      onOk={() => void send()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        data-testid="escalate-skill-advice"
        style={{ marginBottom: 12 }}
        title={t('escalation.skillTitle')}
        description={t('escalation.skillBody')}
      />
      <Form layout="vertical" component="div">
        <Form.Item label={t('escalation.reason')} required>
          <Radio.Group
            id="escalate-reason"
            value={draft.reason}
            onChange={(e) => setDraft({ ...draft, reason: e.target.value as EscalationReason })}
          >
            <Space orientation="vertical" size={4}>
              {ESCALATION_REASONS.map((r) => (
                <Radio key={r} value={r} data-testid={`escalate-reason-${r}`}>
                  <Typography.Text strong>{t(`escalationReason.${r}`)}</Typography.Text>
                  <div className="tousu-muted" style={{ fontSize: 12 }}>
                    {t(`escalation.reasonHelp.${r}`)}
                  </div>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('escalation.note')} required extra={t('escalation.noteHelp')}>
          <Input.TextArea
            id="escalate-note"
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            value={draft.note}
            onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          />
        </Form.Item>
        {soundsLikeSkillProblem(draft.note) ? (
          <Alert
            type="warning"
            showIcon
            data-testid="escalate-skill-warning"
            style={{ marginBottom: 12 }}
            title={t('escalation.skillWarning')}
          />
        ) : null}
        <Form.Item label={t('escalation.handler')} extra={t('escalation.handlerHelp', { tier: nextName })}>
          <Select
            id="escalate-handler"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={colleagues.isPending}
            placeholder={t('escalation.handlerPlaceholder', { tier: nextName })}
            value={draft.handlerId ?? undefined}
            onChange={(v: string | undefined) => setDraft({ ...draft, handlerId: v ?? null })}
            options={people.map((u) => ({
              value: u.id,
              label: `${u.name} · ${t(`roles.${u.role}`)}${u.team ? ` · ${u.team}` : ''}`,
            }))}
          />
        </Form.Item>
      </Form>
      {!request.ok && (draft.reason || draft.note) ? (
        <Typography.Text type="secondary" data-testid="escalate-missing">
          {t('escalation.missingTitle', { items: request.missing.map((k) => t(k)).join('、') })}
        </Typography.Text>
      ) : null}
      {error ? <RefusalAlert refusal={error} action="escalate" /> : null}
    </Modal>
  );
}
