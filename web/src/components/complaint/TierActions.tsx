// Moving a complaint between tiers: escalate (with a reason), hand it back down (with
// instructions), a supervisor's take-over, picking it up from the tier's queue, and the
// difficult-caller flag that tells the supervisors at once. Shown from the server's abilities.
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTiers } from '../../api/org-queries.ts';
import { isRelevant } from '../../lib/actions.ts';
import { tierName } from '../../lib/escalation.ts';
import type { RefusalLike } from '../../lib/refusal.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { TextDialog } from '../TextDialog.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';
import { EscalateDialog } from './EscalateDialog.tsx';

type TextAction = 'handBack' | 'takeOver' | 'flagDifficult';

export function TierActions() {
  const { t } = useTranslation();
  const { complaint: c, run, pending } = useComplaintCtx();
  const tiers = useTiers().data ?? [];
  const [escalating, setEscalating] = useState(false);
  const [dialog, setDialog] = useState<TextAction | null>(null);
  const [result, setResult] = useState<ChangeResult | null>(null);
  const [refusal, setRefusal] = useState<{ action: string; r: RefusalLike } | null>(null);
  const a = c.abilities;
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  // The server decides: which escalation may be handed back, and whether one may pick it up.
  const handBackId = a.handBack.allowed
    ? (a.handBack.details?.escalationId as string | undefined)
    : undefined;
  const canHandBack = handBackId !== undefined;
  const canPickUp = a.pickUp.allowed;
  const open = c.escalations.find((e) => e.id === handBackId) ?? null;

  const send = async (action: TextAction | 'pickUp', text: string) => {
    setRefusal(null);
    const change =
      action === 'handBack'
        ? { path: `/escalations/${handBackId}/return`, body: { instructions: text } }
        : action === 'takeOver'
          ? { path: '/take-over', body: { note: text } }
          : action === 'flagDifficult'
            ? { path: '/difficult-caller', body: { reason: text } }
            : { path: '/pick-up', body: {} };
    const r = await run({ method: 'POST', ...change });
    setResult(r);
    if (r.ok || r.error.code === 'STALE_VERSION') setDialog(null);
    if (!r.ok && action === 'pickUp' && r.error.code !== 'STALE_VERSION') {
      setRefusal({ action, r: r.error });
    }
  };

  const click = (action: 'escalate' | 'takeOver' | 'flagDifficult') => {
    const ability = a[action];
    setResult(null);
    if (!ability.allowed) {
      setRefusal({ action, r: ability });
      return;
    }
    setRefusal(null);
    if (action === 'escalate') setEscalating(true);
    else setDialog(action);
  };

  const error = shownError(result);
  const button = (action: 'escalate' | 'takeOver' | 'flagDifficult', danger = false) => (
    <Button
      id={`action-${action}`}
      danger={danger}
      type={a[action].allowed ? 'default' : 'dashed'}
      onClick={() => click(action)}
      title={a[action].allowed ? undefined : t('actions.whyNot', { action: t(`actions.${action}`) })}
    >
      {t(`actions.${action}`)}
    </Button>
  );

  return (
    <div data-testid="tier-actions">
      <Space wrap>
        {isRelevant(a.escalate) ? button('escalate') : null}
        {canHandBack ? (
          <Button id="action-handBack" onClick={() => setDialog('handBack')}>
            {t('actions.handBack')}
          </Button>
        ) : null}
        {canPickUp ? (
          <Button id="action-pickUp" type="primary" loading={pending} onClick={() => void send('pickUp', '')}>
            {t('actions.pickUp')}
          </Button>
        ) : null}
        {a.takeOver.allowed ? button('takeOver') : null}
        {a.flagDifficult.allowed ? button('flagDifficult', true) : null}
      </Space>
      {refusal ? (
        <div style={{ marginTop: 8 }}>
          <RefusalAlert refusal={refusal.r} action={refusal.action} onClose={() => setRefusal(null)} />
        </div>
      ) : null}
      <EscalateDialog open={escalating} onClose={() => setEscalating(false)} />
      <TextDialog
        open={dialog !== null}
        title={dialog ? t(`actions.${dialog}`) : ''}
        help={
          dialog === 'handBack' && open
            ? t('escalation.handBackHelp', {
                name: open.fromHandler?.name ?? t('escalation.inQueue'),
                tier: tierName(open.fromLevel, tr, tiers),
              })
            : dialog === 'takeOver'
              ? t('escalation.takeOverHelp')
              : t('escalation.difficultHelp')
        }
        label={
          dialog === 'handBack'
            ? t('escalation.instructions')
            : dialog === 'takeOver'
              ? t('escalation.takeOverNote')
              : t('escalation.difficultReason')
        }
        inputId={`${dialog ?? 'text'}-text`}
        danger={dialog === 'flagDifficult'}
        pending={pending}
        error={error}
        onOk={(text) => dialog && void send(dialog, text)}
        onCancel={() => {
          setDialog(null);
          setResult(null);
        }}
      />
    </div>
  );
}
