// The complaint's way through the tiers: each escalation with its reason and note, hand-backs with
// their instructions, take-overs, who moved it and when, and the supervisor's review.
import { Card, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTiers } from '../../api/org-queries.ts';
import type { Escalation } from '../../api/types.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { tierName } from '../../lib/escalation.ts';
import { useComplaintCtx } from './context.tsx';

const KIND_COLORS: Record<Escalation['kind'], string> = {
  escalation: 'purple',
  return: 'cyan',
  takeover: 'magenta',
};

export function ReviewTag({ review, comment }: { review: Escalation['review']; comment?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag
      color={review === 'justified' ? 'green' : review === 'unjustified' ? 'red' : 'default'}
      data-testid="review-tag"
      data-review={review ?? 'pending'}
    >
      {review ? t(`escalationReview.${review}`) : t('escalation.reviewPending')}
    </Tag>
  );
  return comment ? <Tooltip title={comment}>{tag}</Tooltip> : tag;
}

function EscalationRow({ e }: { e: Escalation }) {
  const { t } = useTranslation();
  const tiers = useTiers().data ?? [];
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  const none = t('escalation.inQueue');
  return (
    <List.Item data-testid="escalation-row" style={{ paddingInline: 0 }}>
      <div style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Tag color={KIND_COLORS[e.kind]}>{t(`escalationKind.${e.kind}`)}</Tag>
          <Typography.Text strong>
            {t('escalation.fromTo', {
              from: tierName(e.fromLevel, tr, tiers),
              to: tierName(e.toLevel, tr, tiers),
            })}
          </Typography.Text>
          {e.reason ? <Tag color="geekblue">{t(`escalationReason.${e.reason}`)}</Tag> : null}
          {e.automatic ? <Tag color="orange">{t('escalation.automatic')}</Tag> : null}
          {e.kind === 'escalation' ? <ReviewTag review={e.review} comment={e.reviewComment} /> : null}
        </Space>
        <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>
        <div className="tousu-muted" style={{ fontSize: 12 }}>
          {t('escalation.handlers', {
            from: e.fromHandler?.name ?? none,
            to: e.toHandler?.name ?? none,
          })}{' '}
          ·{' '}
          {t('escalation.byAt', {
            name: e.createdBy?.name ?? t('timeline.system'),
            at: chinaDateTime(e.createdAt),
          })}
          {e.reviewedAt
            ? ` · ${t('escalation.reviewedBy', {
                name: e.reviewedBy?.name ?? '—',
                at: chinaDateTime(e.reviewedAt),
                comment: e.reviewComment ?? '',
              })}`
            : ''}
        </div>
      </div>
    </List.Item>
  );
}

export function EscalationsCard() {
  const { t } = useTranslation();
  const { complaint: c } = useComplaintCtx();
  if (c.escalations.length === 0) return null;
  const rows = [...c.escalations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card size="small" title={t('escalation.title')} style={{ marginTop: 12 }} data-testid="escalations-card">
      <List size="small" dataSource={rows} renderItem={(e) => <EscalationRow e={e} />} />
    </Card>
  );
}
