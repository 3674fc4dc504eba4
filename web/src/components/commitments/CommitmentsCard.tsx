// Every promise made to the customer and every request the customer made about being contacted:
// its state now (waiting, open, due soon, overdue, kept, cancelled), kept by hand with a note or
// cancelled with a reason. A complaint with an open promise cannot be closed.
import { WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Form, Input, List, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../api/types.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { liveCommitmentState } from '../../lib/countdown.ts';
import { type ChangeResult, shownError, useComplaintCtx } from '../complaint/context.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { CommitmentStateTag, ProvisionalTag } from '../timing/TimingTags.tsx';
import { CommitmentForm } from './CommitmentForm.tsx';

type Closing = { commitment: Commitment; action: 'fulfil' | 'cancel' };

function CommitmentRow({
  k,
  now,
  canChange,
  onClose,
}: {
  k: Commitment;
  now: Date;
  canChange: boolean;
  onClose: (c: Closing) => void;
}) {
  const { t } = useTranslation();
  const state = liveCommitmentState(k, now);
  const muted = 'tousu-muted';
  const actions =
    canChange && k.status === 'open'
      ? [
          <Button
            key="f"
            size="small"
            type="link"
            onClick={() => onClose({ commitment: k, action: 'fulfil' })}
          >
            {t('commitments.fulfil')}
          </Button>,
          <Button
            key="c"
            size="small"
            type="link"
            danger
            onClick={() => onClose({ commitment: k, action: 'cancel' })}
          >
            {t('commitments.cancel')}
          </Button>,
        ]
      : [];
  return (
    <List.Item actions={actions} data-testid="commitment-row" style={{ paddingInline: 0 }}>
      <div style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Tag color={k.source === 'customer' ? 'cyan' : 'blue'}>{t(`commitmentSource.${k.source}`)}</Tag>
          <Tag>{t(`commitmentKind.${k.kind}`)}</Tag>
          <CommitmentStateTag state={state} dueAt={k.dueAt} now={now} />
          {k.provisional ? <ProvisionalTag /> : null}
          {k.wording.length > 0 ? (
            <Tooltip
              title={k.wording
                .map((w) => t('commitments.wording.suggestion', { text: w.suggestion }))
                .join('\n')}
            >
              <Tag color="warning" icon={<WarningOutlined />}>
                {t('commitments.wording.title')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
        <div>{k.description}</div>
        <div className={muted} style={{ fontSize: 12 }}>
          {k.notBefore ? `${t('commitments.notBeforeAt', { at: chinaDateTime(k.notBefore) })} · ` : ''}
          {t('commitments.dueBy', { at: chinaDateTime(k.dueAt) })} ·{' '}
          {t('commitments.madeBy', { name: k.madeBy.name ?? '—', at: chinaDateTime(k.madeAt) })}
          {k.fulfilledAt ? ` · ${t('commitments.fulfilledAt', { at: chinaDateTime(k.fulfilledAt) })}` : ''}
          {k.fulfilNote ? `：${k.fulfilNote}` : ''}
          {k.cancelledAt
            ? ` · ${t('commitments.cancelledAt', { at: chinaDateTime(k.cancelledAt), reason: k.cancelReason ?? '' })}`
            : ''}
        </div>
      </div>
    </List.Item>
  );
}

export function CommitmentsCard({ now }: { now: Date }) {
  const { t } = useTranslation();
  const { complaint: c, run, pending } = useComplaintCtx();
  const [closing, setClosing] = useState<Closing | null>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<ChangeResult | null>(null);
  const canChange = c.abilities.addCommitment.allowed;
  const open = c.commitments.filter((k) => k.status === 'open').length;
  // Open promises first, the soonest due on top; then the settled ones, latest first.
  const rows = [...c.commitments].sort((a, b) =>
    a.status === 'open' && b.status === 'open'
      ? a.dueAt.localeCompare(b.dueAt)
      : a.status === 'open'
        ? -1
        : b.status === 'open'
          ? 1
          : b.madeAt.localeCompare(a.madeAt),
  );

  const send = async () => {
    if (!closing) return;
    const { commitment: k, action } = closing;
    const body = action === 'fulfil' ? { note: text.trim() } : { reason: text.trim() };
    const r = await run({ method: 'POST', path: `/commitments/${k.id}/${action}`, body });
    setResult(r);
    if (r.ok || r.error.code === 'STALE_VERSION') {
      setClosing(null);
      setText('');
    }
  };
  const error = shownError(result);

  return (
    <Card
      size="small"
      data-testid="commitments-card"
      style={{ marginTop: 12 }}
      title={
        <span>
          {t('commitments.title')}{' '}
          {open > 0 ? <Badge count={t('commitments.openCount', { count: open })} color="orange" /> : null}
        </span>
      }
    >
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('commitments.empty') }}
        renderItem={(k) => (
          <CommitmentRow
            k={k}
            now={now}
            canChange={canChange}
            onClose={(x) => {
              setResult(null);
              setText('');
              setClosing(x);
            }}
          />
        )}
      />
      {!closing && error ? <RefusalAlert refusal={error} onClose={() => setResult(null)} /> : null}
      {canChange ? <CommitmentForm /> : null}
      <Modal
        open={closing !== null}
        title={closing?.action === 'cancel' ? t('commitments.cancelTitle') : t('commitments.fulfilTitle')}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ disabled: !text.trim(), id: 'commitment-close-ok' }}
        confirmLoading={pending}
        onOk={() => void send()}
        onCancel={() => setClosing(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{closing?.commitment.description}</Typography.Paragraph>
        {closing?.action === 'cancel' ? (
          <Typography.Paragraph type="secondary">{t('commitments.cancelHelp')}</Typography.Paragraph>
        ) : null}
        <Form layout="vertical" component="div">
          <Form.Item
            label={closing?.action === 'cancel' ? t('commitments.cancelReason') : t('commitments.fulfilNote')}
            required
          >
            <Input.TextArea
              id="commitment-close-text"
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              placeholder={closing?.action === 'fulfil' ? t('commitments.fulfilNotePlaceholder') : undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Form.Item>
        </Form>
        {error ? <RefusalAlert refusal={error} /> : null}
      </Modal>
    </Card>
  );
}
