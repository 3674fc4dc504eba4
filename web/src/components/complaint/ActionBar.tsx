// The complaint's actions, enabled from the abilities the server sent. An action blocked by a rule
// stays clickable and says what is missing; a refusal from the server is shown in words.
import { Button, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAction, ResolutionClass } from '../../api/types.ts';
import { type AbilityLike, needs, visibleActions } from '../../lib/actions.ts';
import {
  type AnalysisDraft,
  analysisBody,
  EMPTY_ANALYSIS,
  type FaultGate,
  faultGate,
  missingFields,
} from '../../lib/analysis.ts';
import type { RefusalLike } from '../../lib/refusal.ts';
import { RESOLUTION_CLASSES } from '../../lib/vocabulary.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { AnalysisFields } from './AnalysisFields.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';
import { TransferPicker } from './TransferPicker.tsx';

type Dialog = ComplaintAction | 'transfer';

interface DialogInput {
  reason: string;
  summary: string;
  confirmed: boolean;
  resolutionClass: ResolutionClass | undefined;
  handlerId: string | undefined;
  /** close: the cause analysis, when none is recorded yet. */
  analysis: AnalysisDraft;
}

const EMPTY_INPUT: DialogInput = {
  reason: '',
  summary: '',
  confirmed: false,
  resolutionClass: undefined,
  handlerId: undefined,
  analysis: EMPTY_ANALYSIS,
};

function bodyFor(
  action: ComplaintAction,
  input: DialogInput,
  ability: AbilityLike,
  gate: FaultGate,
): Record<string, unknown> {
  switch (action) {
    case 'accept':
      return { action, confirmed: needs(ability, 'confirmed') ? input.confirmed : undefined };
    case 'resolve':
      return { action, resolutionClass: input.resolutionClass };
    case 'close':
      return {
        action,
        summary: input.summary.trim() || undefined,
        analysis: needs(ability, 'analysis') ? analysisBody(input.analysis, gate) : undefined,
      };
    case 'reopen':
    case 'withdraw':
      return { action, reason: input.reason.trim() };
    case 'start':
      return { action };
    default: {
      const never: never = action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

/** Whether the action opens a dialog for input first, or is sent at once. */
function hasDialog(action: ComplaintAction, ability: AbilityLike): boolean {
  if (action === 'start') return false;
  if (action === 'accept') return needs(ability, 'confirmed');
  return true;
}

export function ActionBar() {
  const { t } = useTranslation();
  const { complaint: c, run, pending, labels } = useComplaintCtx();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [input, setInput] = useState<DialogInput>(EMPTY_INPUT);
  const [refusal, setRefusal] = useState<{ action: Dialog; r: RefusalLike } | null>(null);
  const [result, setResult] = useState<ChangeResult | null>(null);
  const abilities = c.abilities;
  const gate = faultGate(abilities.analyse);

  const send = async (action: Dialog) => {
    setRefusal(null);
    const r =
      action === 'transfer'
        ? await run({
            method: 'POST',
            path: '/transfer',
            body: { handlerId: input.handlerId, reason: input.reason.trim() },
          })
        : await run({
            method: 'POST',
            path: '/transitions',
            body: bodyFor(action, input, abilities[action], gate),
          });
    setResult(r);
    if (r.ok || r.error.code === 'STALE_VERSION') {
      setDialog(null);
      setInput(EMPTY_INPUT);
      setResult(null);
    }
  };

  const click = (action: Dialog) => {
    const a = abilities[action];
    setResult(null);
    if (!a.allowed) {
      setRefusal({ action, r: a });
      return;
    }
    setRefusal(null);
    if (action === 'transfer' || hasDialog(action, a)) setDialog(action);
    else void send(action);
  };

  const actions = visibleActions(abilities);
  const dialogError = shownError(result);
  const dialogAbility = dialog ? abilities[dialog] : null;
  const inputMissing =
    dialog === 'reopen' || dialog === 'withdraw'
      ? !input.reason.trim()
      : dialog === 'close'
        ? (Boolean(dialogAbility && needs(dialogAbility, 'summary')) && !input.summary.trim()) ||
          (Boolean(dialogAbility && needs(dialogAbility, 'analysis')) &&
            missingFields(input.analysis).length > 0)
        : dialog === 'accept'
          ? !input.confirmed
          : dialog === 'transfer'
            ? !input.handlerId || !input.reason.trim()
            : false;

  return (
    <div data-testid="action-bar">
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            id={`action-${a}`}
            // Blocked by a rule: dashed (a ghost button would vanish on the white card); a click explains.
            type={
              !abilities[a].allowed
                ? 'dashed'
                : a === 'accept' || a === 'resolve' || a === 'close'
                  ? 'primary'
                  : 'default'
            }
            danger={a === 'withdraw'}
            loading={pending && dialog === null}
            onClick={() => click(a)}
            title={abilities[a].allowed ? undefined : t('actions.whyNot', { action: t(`actions.${a}`) })}
          >
            {t(`actions.${a}`)}
          </Button>
        ))}
        {abilities.transfer.allowed ? (
          <Button id="action-transfer" onClick={() => click('transfer')}>
            {t('actions.transfer')}
          </Button>
        ) : null}
      </Space>
      {refusal ? (
        <div style={{ marginTop: 8 }}>
          <RefusalAlert
            refusal={refusal.r}
            action={refusal.action}
            demands={c.demands}
            commitments={c.commitments}
            labels={labels}
            onClose={() => setRefusal(null)}
          />
        </div>
      ) : null}
      {!dialog && dialogError ? (
        <div style={{ marginTop: 8 }}>
          <RefusalAlert
            refusal={dialogError}
            demands={c.demands}
            commitments={c.commitments}
            labels={labels}
            onClose={() => setResult(null)}
          />
        </div>
      ) : null}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`actions.${dialog}`) : ''}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ disabled: inputMissing, id: 'action-dialog-ok' }}
        confirmLoading={pending}
        onOk={() => dialog && void send(dialog)}
        onCancel={() => {
          setDialog(null);
          setResult(null);
        }}
        destroyOnHidden
      >
        <Form layout="vertical" component="div">
          {dialog === 'accept' ? (
            <Checkbox
              checked={input.confirmed}
              onChange={(e) => setInput({ ...input, confirmed: e.target.checked })}
            >
              {t('actions.confirmedReadBack')}
            </Checkbox>
          ) : null}
          {dialog === 'resolve' ? (
            <Form.Item label={t('actions.resolutionClass')}>
              <Select<ResolutionClass>
                allowClear
                value={input.resolutionClass}
                onChange={(v) => setInput({ ...input, resolutionClass: v })}
                options={RESOLUTION_CLASSES.map((r) => ({ value: r, label: t(`resolutionClass.${r}`) }))}
              />
            </Form.Item>
          ) : null}
          {dialog === 'close' && dialogAbility && needs(dialogAbility, 'analysis') ? (
            <div data-testid="close-analysis">
              <Typography.Paragraph strong>{t('analysis.closeIntro')}</Typography.Paragraph>
              <AnalysisFields
                draft={input.analysis}
                onChange={(analysis) => setInput({ ...input, analysis })}
                gate={gate}
                idPrefix="close-analysis"
              />
            </div>
          ) : null}
          {dialog === 'close' ? (
            <Form.Item
              label={
                dialogAbility && needs(dialogAbility, 'summary')
                  ? t('actions.summaryRequired')
                  : t('actions.summaryOptional')
              }
              required={Boolean(dialogAbility && needs(dialogAbility, 'summary'))}
            >
              <Input.TextArea
                id="action-summary"
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={10_000}
                value={input.summary}
                onChange={(e) => setInput({ ...input, summary: e.target.value })}
              />
            </Form.Item>
          ) : null}
          {dialog === 'transfer' ? (
            <>
              <Typography.Paragraph type="secondary">{t('actions.transferHelp')}</Typography.Paragraph>
              <Form.Item label={t('actions.transferTo')} required>
                <TransferPicker
                  tierLevel={c.tierLevel}
                  exclude={c.handler?.id}
                  value={input.handlerId}
                  onChange={(v) => setInput({ ...input, handlerId: v })}
                />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'reopen' || dialog === 'withdraw' || dialog === 'transfer' ? (
            <Form.Item
              label={dialog === 'transfer' ? t('actions.transferReason') : t('actions.reason')}
              required
            >
              <Input.TextArea
                id="action-reason"
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                value={input.reason}
                onChange={(e) => setInput({ ...input, reason: e.target.value })}
              />
            </Form.Item>
          ) : null}
          {dialogError ? (
            <RefusalAlert
              refusal={dialogError}
              action={dialog ?? undefined}
              demands={c.demands}
              commitments={c.commitments}
              labels={labels}
            />
          ) : null}
        </Form>
      </Modal>
    </div>
  );
}
