// On the complaint list: the filters a report's drill-down set (channel, team, product, customer
// type, cause, department, uncategorised, weekday, hour) as tags, each closable on its own.
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/org-queries.ts';
import { activeDrill, type DrillKey, type ListFilters, withoutDrill } from '../../lib/list-filters.ts';

export function DrillTags({
  filters,
  onChange,
}: {
  filters: ListFilters;
  onChange: (f: ListFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const keys = activeDrill(filters);
  const departments = useDepartments(filters.departmentId !== null);
  if (keys.length === 0) return null;
  const weekdays = t('reports.weekdays', { returnObjects: true }) as string[];
  const hour = (h: number) => String(h).padStart(2, '0');
  const sep = i18n.language.startsWith('en') ? ', ' : '、';
  const label = (k: DrillKey): string => {
    const f = filters;
    switch (k) {
      case 'channels':
        return t('reports.drill.channel', { value: f.channels.map((c) => t(`channel.${c}`)).join(sep) });
      case 'team':
        return t('reports.drill.team', { value: f.team });
      case 'product':
        return t('reports.drill.product', { value: f.product });
      case 'customerTypes':
        return t('reports.drill.customerType', {
          value: f.customerTypes.map((c) => t(`customerType.${c}`)).join(sep),
        });
      case 'causes':
        return t('reports.drill.cause', { value: f.causes.map((c) => t(`reports.cause.${c}`)).join(sep) });
      case 'departmentId':
        return t('reports.drill.department', {
          value: departments.data?.find((d) => d.id === f.departmentId)?.name ?? '…',
        });
      case 'uncategorised':
        return t('reports.drill.uncategorised');
      case 'weekday':
        return t('reports.drill.weekday', { value: weekdays[(f.weekday ?? 1) - 1] ?? '' });
      case 'hour':
        return t('reports.drill.hour', { from: hour(f.hour ?? 0), to: hour((f.hour ?? 0) + 1) });
    }
  };
  return (
    <Space size={[4, 4]} wrap style={{ marginBottom: 4 }} data-testid="drill-tags">
      <span className="tousu-muted">{t('reports.drill.fromReports')}</span>
      {keys.map((k) => (
        <Tag
          key={k}
          color="blue"
          closable
          onClose={(e) => {
            e.preventDefault();
            onChange(withoutDrill(filters, k));
          }}
          data-testid={`drill-tag-${k}`}
        >
          {label(k)}
        </Tag>
      ))}
    </Space>
  );
}
