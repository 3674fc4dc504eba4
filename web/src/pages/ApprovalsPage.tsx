// Compensation (补偿) waiting for approval that the caller may decide — within their own authority,
// never their own request — oldest first; approved or refused with a reason. A second tab lists
// what they decided.
import { App as AntApp, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type ApprovalFilter, useApprovalQueue, useDecideCompensation } from '../api/compensation-queries.ts';
import type { CompensationItem } from '../api/types.ts';
import { CompensationTag } from '../components/compensation/CompensationCell.tsx';
import { asApiError } from '../components/complaint/context.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { TextDialog } from '../components/TextDialog.tsx';
import { chinaDateTime } from '../lib/china-time.ts';
import { yuanLabel } from '../lib/compensation.ts';
import { spanLabel } from '../lib/durations.ts';

type Deciding = { item: CompensationItem; approve: boolean };

export default function ApprovalsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [tab, setTab] = useState<ApprovalFilter>('pending');
  const queue = useApprovalQueue(tab);
  const decide = useDecideCompensation();
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const open = (item: CompensationItem, approve: boolean) => {
    decide.reset();
    setDeciding({ item, approve });
  };

  const columns: ColumnsType<CompensationItem> = [
    {
      title: t('approvals.columns.complaint'),
      width: 150,
      render: (_: unknown, c) => <Link to={`/complaints/${c.complaint.id}`}>{c.complaint.number}</Link>,
    },
    {
      title: t('approvals.columns.demand'),
      render: (_: unknown, c) => (
        <div>
          <Tag>{t(`demandType.${c.demand.type}`)}</Tag>
          {c.demand.description}
        </div>
      ),
    },
    {
      title: t('approvals.columns.compensation'),
      width: 220,
      render: (_: unknown, c) => (
        <div>
          <Typography.Text strong data-testid="approval-amount">
            {t(`compensationType.${c.type}`)} {yuanLabel(c.amount)}
          </Typography.Text>
          <div className="tousu-muted" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
            {t('compensation.wordingSaid', { text: c.wording })}
          </div>
        </div>
      ),
    },
    {
      title: t('approvals.columns.requested'),
      width: 170,
      render: (_: unknown, c) => {
        const waited = c.waitingMs === null ? null : spanLabel(c.waitingMs);
        return (
          <div>
            <div>{c.requestedBy.name ?? '—'}</div>
            <div className="tousu-muted" style={{ fontSize: 12 }}>
              {chinaDateTime(c.requestedAt)}
              {waited ? ` · ${t('approvals.waited', { span: t(waited.key, waited.values) })}` : ''}
            </div>
          </div>
        );
      },
    },
    {
      title: '',
      width: 200,
      render: (_: unknown, c) =>
        c.status === 'pending' ? (
          <Space size={4}>
            <Button size="small" type="primary" data-testid="approval-approve" onClick={() => open(c, true)}>
              {t('approvals.approve')}
            </Button>
            <Button size="small" danger onClick={() => open(c, false)}>
              {t('approvals.refuse')}
            </Button>
          </Space>
        ) : (
          <div>
            <CompensationTag c={c} />
            <div style={{ fontSize: 12 }}>{c.decisionReason}</div>
          </div>
        ),
    },
  ];

  return (
    <div className="tousu-page">
      <Card size="small" title={t('approvals.title')} data-testid="approvals">
        <Typography.Paragraph type="secondary">{t('approvals.help')}</Typography.Paragraph>
        <Tabs
          size="small"
          activeKey={tab}
          onChange={(k) => setTab(k as ApprovalFilter)}
          items={[
            { key: 'pending', label: t('approvals.pending') },
            { key: 'decided', label: t('approvals.decided') },
          ]}
        />
        {queue.error ? (
          <RefusalAlert refusal={queue.error instanceof ApiError ? queue.error : { code: 'NETWORK' }} />
        ) : (
          <Table<CompensationItem>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={queue.data ?? []}
            loading={queue.isPending}
            pagination={false}
            locale={{ emptyText: t('approvals.empty') }}
          />
        )}
      </Card>
      <TextDialog
        open={deciding !== null}
        title={
          deciding
            ? t(deciding.approve ? 'approvals.approveTitle' : 'approvals.refuseTitle', {
                amount: yuanLabel(deciding.item.amount),
                number: deciding.item.complaint.number,
              })
            : ''
        }
        help={deciding ? t('compensation.wordingSaid', { text: deciding.item.wording }) : undefined}
        label={t('approvals.reason')}
        inputId="approval-reason"
        danger={deciding?.approve === false}
        pending={decide.isPending}
        error={decide.error ? asApiError(decide.error) : null}
        onOk={(reason) =>
          deciding &&
          decide.mutate(
            { id: deciding.item.id, approve: deciding.approve, reason },
            {
              onSuccess: () => {
                setDeciding(null);
                void message.success(t(deciding.approve ? 'approvals.approved' : 'approvals.refused'));
              },
            },
          )
        }
        onCancel={() => setDeciding(null)}
      />
    </div>
  );
}
