// The time-limit policies, read only: which complaints each applies to (the lowest priority number
// that matches wins) and its limit for acceptance, first contact, reply and resolution.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCalendars, useSlaPolicies } from '../../api/calendar-queries.ts';
import { ApiError } from '../../api/client.ts';
import type { SlaPolicy } from '../../api/types.ts';
import { asDurationSpec, durationLabel } from '../../lib/durations.ts';
import { DEADLINE_KINDS } from '../../lib/vocabulary.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';

export function SlaPolicyTable() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  const calendarName = new Map((calendars.data ?? []).map((c) => [c.id, c.name]));
  if (policies.error) {
    return (
      <RefusalAlert refusal={policies.error instanceof ApiError ? policies.error : { code: 'NETWORK' }} />
    );
  }
  const conditions = (p: SlaPolicy) => {
    const parts = [
      ...(p.severities ?? []).map((s) => t(`severity.${s}`, { defaultValue: s })),
      ...(p.channels ?? []).map((c) => t(`channel.${c}`, { defaultValue: c })),
      ...(p.minVipLevel ? [t('calendarAdmin.vipLevel', { level: p.minVipLevel })] : []),
      ...(p.categoryIds?.length ? [`${t('list.category')} ×${p.categoryIds.length}`] : []),
    ];
    return parts.length ? parts.join(' · ') : t('calendarAdmin.anyComplaint');
  };
  return (
    <Table<SlaPolicy>
      data-testid="sla-policies"
      size="small"
      rowKey="id"
      loading={policies.isPending}
      dataSource={[...(policies.data ?? [])].sort((a, b) => a.priority - b.priority)}
      pagination={false}
      columns={[
        { title: t('calendarAdmin.policyColumns.priority'), dataIndex: 'priority', width: 70 },
        {
          title: t('calendarAdmin.policyColumns.name'),
          render: (_: unknown, p) => (
            <>
              {p.name} {p.active === false ? <Tag>{t('calendarAdmin.inactive')}</Tag> : null}
            </>
          ),
        },
        { title: t('calendarAdmin.policyColumns.conditions'), render: (_: unknown, p) => conditions(p) },
        {
          title: t('calendarAdmin.policyColumns.targets'),
          render: (_: unknown, p) => (
            <div>
              {DEADLINE_KINDS.map((k) => {
                const target = p.targets?.[k];
                const spec = asDurationSpec(target);
                if (!spec) return null;
                const l = durationLabel(spec);
                // A target counted on another calendar than the policy's (acceptance on the 24×7 line).
                const own = typeof target?.calendarId === 'string' ? target.calendarId : null;
                const other = own && own !== p.calendarId ? calendarName.get(own) : undefined;
                return (
                  <div key={k} className="tousu-nowrap">
                    {t(`deadlineKind.${k}`)}：{t(l.key, l.values)}
                    {other ? <span className="tousu-muted"> · {other}</span> : null}
                  </div>
                );
              })}
            </div>
          ),
        },
        {
          title: t('calendarAdmin.policyColumns.warn'),
          width: 120,
          render: (_: unknown, p) =>
            p.warnPercent ? t('calendarAdmin.warnPercent', { percent: p.warnPercent }) : '—',
        },
        {
          title: t('calendarAdmin.policyColumns.escalate'),
          width: 100,
          render: (_: unknown, p) => (p.escalateOnBreach ? t('common.yes') : t('common.no')),
        },
      ]}
    />
  );
}
