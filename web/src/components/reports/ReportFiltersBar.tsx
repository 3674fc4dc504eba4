// The dashboard's period (presets in China time, or any days) and the filters every chart shares.
import { Button, DatePicker, Input, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAUSES } from '../../../../src/domain/vocabulary.ts';
import { useDepartments, useTeams } from '../../api/org-queries.ts';
import { matchingPreset, PRESETS, type Preset } from '../../lib/report-periods.ts';
import {
  hasFilters,
  NO_FILTERS,
  type ReportFilters,
  type ReportView,
  withPeriod,
} from '../../lib/report-view.ts';
import { CHANNELS, CUSTOMER_TYPES, SEVERITIES } from '../../lib/vocabulary.ts';
import { CategoryPicker } from '../CategoryPicker.tsx';

export function ReportFiltersBar({
  view,
  now,
  oversees,
  onChange,
}: {
  view: ReportView;
  now: Date;
  /** Supervisors, analysts and admins: they may pick a team and a department. */
  oversees: boolean;
  onChange: (v: ReportView) => void;
}) {
  const { t } = useTranslation();
  const teams = useTeams(oversees);
  const departments = useDepartments(oversees);
  const f = view.filters;
  const [product, setProduct] = useState(f.product ?? '');
  useEffect(() => setProduct(f.product ?? ''), [f.product]);
  const set = (patch: Partial<ReportFilters>) => onChange({ ...view, filters: { ...f, ...patch } });
  const preset = view.period === 'custom' ? matchingPreset(view.range, now) : view.period;

  return (
    <div data-testid="report-filters">
      <Space wrap style={{ marginBottom: 8 }}>
        <span className="tousu-muted">{t('reports.period')}</span>
        <Segmented<Preset | ''>
          value={preset ?? ''}
          onChange={(p) => p && onChange(withPeriod(view, p, now))}
          options={PRESETS.map((p) => ({ value: p, label: t(`reports.presets.${p}`) }))}
          data-testid="report-presets"
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(view.range.from), dayjs(view.range.to)]}
          onChange={(v) => {
            const [a, b] = v ?? [];
            if (a && b)
              onChange(withPeriod(view, { from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') }, now));
          }}
        />
      </Space>
      <Space wrap>
        <div style={{ width: 200 }}>
          <CategoryPicker
            value={f.categoryId}
            onChange={(categoryId) => set({ categoryId })}
            placeholder={t('reports.filters.category')}
          />
        </div>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('reports.filters.channel')}
          value={f.channel ?? undefined}
          onChange={(channel) => set({ channel: channel ?? null })}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('reports.filters.severity')}
          value={f.severity ?? undefined}
          onChange={(severity) => set({ severity: severity ?? null })}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('reports.filters.customerType')}
          value={f.customerType ?? undefined}
          onChange={(customerType) => set({ customerType: customerType ?? null })}
          options={CUSTOMER_TYPES.map((c) => ({ value: c, label: t(`customerType.${c}`) }))}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('reports.filters.cause')}
          value={f.cause ?? undefined}
          onChange={(cause) => set({ cause: cause ?? null })}
          options={CAUSES.map((c) => ({ value: c, label: t(`reports.cause.${c}`) }))}
          popupMatchSelectWidth={false}
        />
        {oversees ? (
          <>
            <Select
              allowClear
              showSearch
              style={{ width: 120 }}
              placeholder={t('reports.filters.team')}
              value={f.team ?? undefined}
              onChange={(team) => set({ team: team ?? null })}
              loading={teams.isPending}
              options={(teams.data ?? []).map((x) => ({ value: x.name, label: x.name }))}
              popupMatchSelectWidth={false}
            />
            <Select
              allowClear
              showSearch
              style={{ width: 140 }}
              placeholder={t('reports.filters.department')}
              value={f.departmentId ?? undefined}
              onChange={(departmentId) => set({ departmentId: departmentId ?? null })}
              loading={departments.isPending}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              optionFilterProp="label"
              popupMatchSelectWidth={false}
            />
          </>
        ) : null}
        <Input.Search
          allowClear
          style={{ width: 190 }}
          placeholder={t('reports.filters.product')}
          value={product}
          onChange={(e) => setProduct(e.target.value)}
          onSearch={(v) => set({ product: v.trim() || null })}
        />
        {hasFilters(f) ? (
          <Button onClick={() => onChange({ ...view, filters: NO_FILTERS })}>
            {t('reports.filters.clear')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}
