// The complaint's time limits (受理 / 首次联系 / 答复 / 办结): each with its target, due time in China
// time and a ticking countdown in its state's colour; waiting for the customer pauses them all.
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../api/types.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { durationLabel, spanLabel } from '../../lib/durations.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { DeadlineTag, ProvisionalTag } from '../timing/TimingTags.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';

const ORDER: Record<Deadline['kind'], number> = { acceptance: 0, first_contact: 1, reply: 2, resolution: 3 };

function DeadlineRow({ d, now }: { d: Deadline; now: Date }) {
  const { t } = useTranslation();
  const target = durationLabel(d.target);
  const paused = d.pausedMs > 0 ? spanLabel(d.pausedMs) : null;
  return (
    <List.Item data-testid={`deadline-${d.kind}`} style={{ paddingInline: 0 }}>
      <div style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{t(`deadlineKind.${d.kind}`)}</Typography.Text>
          <DeadlineTag deadline={d} now={now} />
          {d.provisional ? <ProvisionalTag /> : null}
          {d.escalateOnBreach && !d.metAt && !d.cancelledAt ? (
            <Tooltip title={t('deadlines.escalatesHelp')}>
              <Tag color="purple">{t('deadlines.escalates')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
        <div className="tousu-muted" style={{ fontSize: 12 }}>
          {t(target.key, target.values)} · {t('deadlines.due', { at: chinaDateTime(d.dueAt) })}
          {d.metAt ? ` · ${t('deadlines.metOn', { at: chinaDateTime(d.metAt) })}` : ''}
          {d.deferredTo ? ` · ${t('deadlines.deferred', { at: chinaDateTime(d.deferredTo) })}` : ''}
          {paused ? ` · ${t('deadlines.pausedMs')} ${t(paused.key, paused.values)}` : ''}
        </div>
      </div>
    </List.Item>
  );
}

export function DeadlinesCard({ now }: { now: Date }) {
  const { t } = useTranslation();
  const { complaint: c, run, pending } = useComplaintCtx();
  const [dialog, setDialog] = useState(false);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ChangeResult | null>(null);
  const deadlines = [...c.deadlines].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);

  const pause = async () => {
    const r = await run({ method: 'POST', path: '/pause', body: { reason: reason.trim() } });
    setResult(r);
    if (r.ok || r.error.code === 'STALE_VERSION') {
      setDialog(false);
      setReason('');
    }
  };
  const resume = async () => setResult(await run({ method: 'POST', path: '/resume', body: {} }));
  const error = shownError(result);

  const extra = c.abilities.resume.allowed ? (
    <Button
      size="small"
      id="deadlines-resume"
      icon={<PlayCircleOutlined />}
      loading={pending}
      onClick={resume}
    >
      {t('deadlines.resume')}
    </Button>
  ) : c.abilities.pause.allowed ? (
    <Button
      size="small"
      id="deadlines-pause"
      icon={<PauseCircleOutlined />}
      onClick={() => {
        setResult(null);
        setDialog(true);
      }}
    >
      {t('deadlines.pause')}
    </Button>
  ) : null;

  return (
    <Card
      size="small"
      data-testid="deadlines-card"
      title={
        <span>
          {t('deadlines.title')}{' '}
          <span className="tousu-muted" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t('deadlines.chinaTime')}
          </span>
        </span>
      }
      extra={extra}
      style={{ marginBottom: 12 }}
    >
      {c.paused ? (
        <Alert
          type="info"
          showIcon
          icon={<PauseCircleOutlined />}
          data-testid="paused-banner"
          style={{ marginBottom: 8 }}
          title={t('deadlines.pausedBanner', { since: chinaDateTime(c.paused.since) })}
          description={c.paused.reason ? t('deadlines.pausedReason', { reason: c.paused.reason }) : undefined}
        />
      ) : null}
      {!dialog && error ? <RefusalAlert refusal={error} onClose={() => setResult(null)} /> : null}
      <List
        size="small"
        dataSource={deadlines}
        locale={{ emptyText: t('deadlines.empty') }}
        renderItem={(d) => <DeadlineRow d={d} now={now} />}
      />
      <Modal
        open={dialog}
        title={t('deadlines.pauseTitle')}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ disabled: !reason.trim(), id: 'pause-ok' }}
        confirmLoading={pending}
        onOk={() => void pause()}
        onCancel={() => setDialog(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('deadlines.pauseHelp')}</Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t('deadlines.pauseReason')} required>
            <Input.TextArea
              id="pause-reason"
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
        {error ? <RefusalAlert refusal={error} /> : null}
      </Modal>
    </Card>
  );
}
