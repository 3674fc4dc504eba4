import { PauseCircleOutlined, RetweetOutlined, WarningOutlined } from '@ant-design/icons';
import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTiers } from '../../api/org-queries.ts';
import type { Complaint } from '../../api/types.ts';
import { ageLabel, ageOf } from '../../lib/age.ts';
import { tierName } from '../../lib/escalation.ts';
import { SeverityTag, StatusTag } from '../tags.tsx';

export function ComplaintHeader({ complaint: c, now }: { complaint: Complaint; now: Date }) {
  const { t } = useTranslation();
  const tiers = useTiers().data ?? [];
  const tier = tierName(c.tierLevel, (k, v) => t(k, v) as string, tiers);
  const waiting = !c.handler && c.status !== 'new' && c.status !== 'closed';
  const end = c.closedAt ? new Date(c.closedAt) : now;
  const age = ageLabel(ageOf(new Date(c.receivedAt), end));
  return (
    <div data-testid="complaint-header">
      <Space size="middle" wrap style={{ marginBottom: 6 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="complaint-number">
          {c.number}
        </Typography.Title>
        <StatusTag status={c.status} />
        <Tag>{t(`stage.${c.stage}`)}</Tag>
        <SeverityTag severity={c.severity} />
        <Tag color="purple" data-testid="tier-tag" data-level={c.tierLevel}>
          {tier}
        </Tag>
        {c.difficultCaller ? (
          <Tag color="red" icon={<WarningOutlined />} data-testid="header-difficult">
            {t('escalation.difficultTag')}
          </Tag>
        ) : null}
        {c.confirmed ? (
          <Tag color="green">{t('complaint.confirmedTag')}</Tag>
        ) : (
          <Tag color="warning">{t('complaint.notConfirmedTag')}</Tag>
        )}
        {c.reopenCount > 0 ? (
          <Tag color="warning">{t('complaint.reopenCount', { count: c.reopenCount })}</Tag>
        ) : null}
        {c.paused ? (
          <Tag icon={<PauseCircleOutlined />} color="#8c8c8c" data-testid="header-paused">
            {t('list.paused')}
          </Tag>
        ) : null}
        {c.repeatOf ? (
          <Tooltip title={t('analysis.repeatHint')}>
            <Link to={`/complaints/${c.repeatOf.id}`}>
              <Tag color="volcano" icon={<RetweetOutlined />} data-testid="header-repeat">
                {t('analysis.repeatTag', { number: c.repeatOf.number })}
              </Tag>
            </Link>
          </Tooltip>
        ) : null}
        {c.withdrawReason ? <Tag>{t('complaint.withdrawn', { reason: c.withdrawReason })}</Tag> : null}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('complaint.customer')}>
          <Link to={`/customers/${c.customer.id}`}>
            {c.customer.name ?? t('complaint.none')} {c.customer.phone}
          </Link>
          {c.customer.vipLevel > 0 ? (
            <Tag color="gold" style={{ marginLeft: 4 }}>
              {t('customer.vip', { level: c.customer.vipLevel })}
            </Tag>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.owner')}>
          <span data-testid="complaint-owner">{c.owner?.name ?? t('complaint.none')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.handler')}>
          <span data-testid="complaint-handler">
            {c.handler?.name ?? (waiting ? t('escalation.waitingInQueue', { tier }) : t('complaint.none'))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.age')}>{t(age.key, age.values)}</Descriptions.Item>
        <Descriptions.Item label={t('complaint.receivedAt')}>
          {dayjs(c.receivedAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.channel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('complaint.team')}>{c.team ?? t('complaint.none')}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
