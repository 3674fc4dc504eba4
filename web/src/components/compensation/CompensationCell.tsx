// The compensation (补偿) recorded on one demand: each with its amount and state (approved,
// waiting for approval, refused, withdrawn), a pending one withdrawn with a reason, and a new one
// offered while the demand is open.
import { Button, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Compensation, Demand } from '../../api/types.ts';
import { compensationColor, yuanLabel } from '../../lib/compensation.ts';
import { useComplaintCtx } from '../complaint/context.tsx';

export function CompensationTag({ c }: { c: Compensation }) {
  const { t } = useTranslation();
  const why = [
    t('compensation.wordingSaid', { text: c.wording }),
    c.decisionReason ? t('compensation.decisionLine', { reason: c.decisionReason }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <Tooltip title={<div style={{ whiteSpace: 'pre-wrap' }}>{why}</div>}>
      <Tag color={compensationColor(c.status)} data-testid="compensation-tag" data-status={c.status}>
        {t(`compensationType.${c.type}`)} {yuanLabel(c.amount)} · {t(`compensationStatus.${c.status}`)}
      </Tag>
    </Tooltip>
  );
}

export function CompensationCell({
  demand,
  onOffer,
  onWithdraw,
}: {
  demand: Demand;
  onOffer: (d: Demand) => void;
  onWithdraw: (c: Compensation) => void;
}) {
  const { t } = useTranslation();
  const { complaint, compensations } = useComplaintCtx();
  const mine = compensations.filter((c) => c.demandId === demand.id);
  const canOffer =
    demand.status === 'open' && complaint.abilities.edit.allowed && complaint.status !== 'closed';
  return (
    <Space size={2} wrap data-testid={`compensation-cell-${demand.position}`}>
      {mine.map((c) => (
        <span key={c.id}>
          <CompensationTag c={c} />
          {c.status === 'pending' && complaint.abilities.edit.allowed ? (
            <Button size="small" type="link" onClick={() => onWithdraw(c)}>
              {t('compensation.withdraw')}
            </Button>
          ) : null}
        </span>
      ))}
      {canOffer ? (
        <Button
          size="small"
          type="dashed"
          data-testid={`compensation-add-${demand.position}`}
          onClick={() => onOffer(demand)}
        >
          {t('compensation.add')}
        </Button>
      ) : null}
    </Space>
  );
}
