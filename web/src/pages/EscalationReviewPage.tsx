// The supervisors' review queue: every escalation waits for a judgement — justified or not, with a
// comment — oldest first. From here a supervisor opens the complaint or takes it over.
import { App as AntApp, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type ReviewFilter, useEscalationQueue, useTakeOver } from '../api/escalation-queries.ts';
import { useTiers } from '../api/org-queries.ts';
import type { EscalationQueueItem, Me, Severity } from '../api/types.ts';
import { asApiError } from '../components/complaint/context.tsx';
import { ReviewTag } from '../components/complaint/EscalationsCard.tsx';
import { ReviewDialog } from '../components/escalations/ReviewDialog.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { TextDialog } from '../components/TextDialog.tsx';
import { SeverityTag } from '../components/tags.tsx';
import { chinaDateTime } from '../lib/china-time.ts';
import { tierName } from '../lib/escalation.ts';
import { reviewsEscalations } from '../lib/roles.ts';

export default function EscalationReviewPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [tab, setTab] = useState<ReviewFilter>('pending');
  const queue = useEscalationQueue(tab);
  const tiers = useTiers().data ?? [];
  const takeOver = useTakeOver();
  const [reviewing, setReviewing] = useState<EscalationQueueItem | null>(null);
  const [taking, setTaking] = useState<EscalationQueueItem | null>(null);
  const supervisor = reviewsEscalations(me.user.role);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  const none = t('escalation.inQueue');

  const columns: ColumnsType<EscalationQueueItem> = [
    {
      title: t('reviews.columns.complaint'),
      width: 150,
      render: (_: unknown, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/complaints/${e.complaint.id}`}>{e.complaint.number}</Link>
          <SeverityTag severity={e.complaint.severity as Severity} />
        </Space>
      ),
    },
    {
      title: t('reviews.columns.reason'),
      render: (_: unknown, e) => (
        <div>
          <Space size={4} wrap>
            {e.reason ? <Tag color="geekblue">{t(`escalationReason.${e.reason}`)}</Tag> : null}
            {e.automatic ? <Tag color="orange">{t('escalation.automatic')}</Tag> : null}
          </Space>
          <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>
        </div>
      ),
    },
    {
      title: t('reviews.columns.tiers'),
      width: 190,
      render: (_: unknown, e) => (
        <div>
          <div>
            {t('escalation.fromTo', {
              from: tierName(e.fromLevel, tr, tiers),
              to: tierName(e.toLevel, tr, tiers),
            })}
          </div>
          <div className="tousu-muted" style={{ fontSize: 12 }}>
            {t('escalation.handlers', { from: e.fromHandler?.name ?? none, to: e.toHandler?.name ?? none })}
          </div>
        </div>
      ),
    },
    {
      title: t('reviews.columns.by'),
      width: 170,
      render: (_: unknown, e) => (
        <div>
          <div>{e.createdBy?.name ?? t('timeline.system')}</div>
          <div className="tousu-muted" style={{ fontSize: 12 }}>
            {chinaDateTime(e.createdAt)}
            {e.complaint.team ? ` · ${e.complaint.team}` : ''}
          </div>
        </div>
      ),
    },
    {
      title: t('reviews.columns.review'),
      width: 200,
      render: (_: unknown, e) =>
        e.review ? (
          <div>
            <ReviewTag review={e.review} />
            <div style={{ fontSize: 12 }}>{e.reviewComment}</div>
            <div className="tousu-muted" style={{ fontSize: 12 }}>
              {e.reviewedBy?.name ?? '—'} · {e.reviewedAt ? chinaDateTime(e.reviewedAt) : ''}
            </div>
          </div>
        ) : supervisor ? (
          <Space size={4} wrap>
            <Button size="small" type="primary" data-testid="review-open" onClick={() => setReviewing(e)}>
              {t('reviews.review')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                takeOver.reset();
                setTaking(e);
              }}
            >
              {t('actions.takeOver')}
            </Button>
          </Space>
        ) : (
          <ReviewTag review={null} />
        ),
    },
  ];

  return (
    <div className="tousu-page">
      <Card size="small" title={t('reviews.title')} data-testid="escalation-reviews">
        <Typography.Paragraph type="secondary">{t('reviews.help')}</Typography.Paragraph>
        <Tabs
          size="small"
          activeKey={tab}
          onChange={(k) => setTab(k as ReviewFilter)}
          items={[
            { key: 'pending', label: t('reviews.pending') },
            { key: 'done', label: t('reviews.done') },
          ]}
        />
        {queue.error ? (
          <RefusalAlert refusal={queue.error instanceof ApiError ? queue.error : { code: 'NETWORK' }} />
        ) : (
          <Table<EscalationQueueItem>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={queue.isPending}
            pagination={false}
            locale={{ emptyText: tab === 'pending' ? t('reviews.emptyPending') : t('reviews.emptyDone') }}
          />
        )}
        {queue.hasNextPage ? (
          <div style={{ textAlign: 'center', marginTop: 8 }}>
            <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
      <ReviewDialog item={reviewing} onClose={() => setReviewing(null)} />
      <TextDialog
        open={taking !== null}
        title={t('reviews.takeOverTitle', { number: taking?.complaint.number ?? '' })}
        help={t('escalation.takeOverHelp')}
        label={t('escalation.takeOverNote')}
        inputId="review-take-over"
        pending={takeOver.isPending}
        error={takeOver.error ? asApiError(takeOver.error) : null}
        onOk={(note) =>
          taking &&
          takeOver.mutate(
            { complaintId: taking.complaint.id, note },
            {
              onSuccess: () => {
                setTaking(null);
                void message.success(t('reviews.takenOver'));
              },
            },
          )
        }
        onCancel={() => setTaking(null)}
      />
    </div>
  );
}
