// Every change, who made it and when, before → after: the complaint's whole course.
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/org-queries.ts';
import { useCategories } from '../../api/queries.ts';
import type { Complaint } from '../../api/types.ts';
import { categoryName } from '../../lib/category-tree.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { actionLabel, describeChanges } from '../../lib/timeline.ts';

export function TimelinePanel({ complaint: c }: { complaint: Complaint }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const departments = useDepartments();
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const cat of categories.data ?? []) m.set(cat.id, categoryName(cat, i18n.language));
    for (const e of c.timeline) if (e.actor?.name) m.set(e.actor.id, e.actor.name);
    if (c.owner?.name) m.set(c.owner.id, c.owner.name);
    if (c.handler?.name) m.set(c.handler.id, c.handler.name);
    for (const e of c.escalations) {
      for (const p of [e.fromHandler, e.toHandler, e.createdBy]) if (p?.name) m.set(p.id, p.name);
    }
    for (const d of c.demands) m.set(d.id, `${d.position}. ${d.description}`);
    for (const d of departments.data ?? []) m.set(d.id, d.name);
    if (c.repeatOf) m.set(c.repeatOf.id, c.repeatOf.number);
    return m;
  }, [categories.data, departments.data, c, i18n.language]);
  if (c.timeline.length === 0)
    return <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="timeline"
      items={[...c.timeline].reverse().map((e) => ({
        key: e.id,
        children: (
          <div>
            <div>
              <b>{actionLabel(e.action, tr, e.after)}</b>{' '}
              <span className="tousu-muted">
                {dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')} · {e.actor?.name ?? t('timeline.system')}
              </span>
            </div>
            {e.action === 'complaint.created'
              ? null
              : describeChanges(e.entity, e.before, e.after, tr, {
                  names,
                  formatTime: (iso) => chinaDateTime(iso),
                }).map((ch, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one event's lines never reorder
                  <div key={i} style={{ fontSize: 12 }}>
                    {ch.before === null
                      ? `${ch.field}：${ch.after}`
                      : t('timeline.changed', { field: ch.field, before: ch.before, after: ch.after })}
                  </div>
                ))}
          </div>
        ),
      }))}
    />
  );
}
