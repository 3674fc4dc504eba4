// The complaint list: mine / my team / all, counts by status, filters kept in the URL, cursor paging.
import { Button, Card, DatePicker, Input, Segmented, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useComplaintList, useStatusCounts } from '../api/queries.ts';
import type { ComplaintStatus, Me, Severity } from '../api/types.ts';
import { CategoryPicker } from '../components/CategoryPicker.tsx';
import { ComplaintTable } from '../components/ComplaintTable.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { DrillTags } from '../components/reports/DrillTags.tsx';
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  isFiltered,
  type ListFilters,
  type Scope,
  type Sort,
  statusQuery,
} from '../lib/list-filters.ts';
import { COMPLAINT_STATUSES, SEVERITIES } from '../lib/vocabulary.ts';

/** Roles that work complaints start on their own; the others see everything they may see. Those
 *  who handle complaints also get "mine, handled elsewhere" (首问) and their tier's queue. */
function scopesFor(me: Me): Scope[] {
  const role = me.user.role;
  if (role === 'agent' || role === 'specialist')
    return ['mine', 'team', 'owned_elsewhere', 'tier_queue', 'all'];
  if (role === 'supervisor') return ['all', 'mine', 'team', 'owned_elsewhere', 'tier_queue'];
  return ['all', 'mine', 'team'];
}

export default function ComplaintListPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const scopes = scopesFor(me);
  const filters = filtersFromSearch(params, scopes[0]);
  const [text, setText] = useState(filters.text);
  const [phone, setPhone] = useState(filters.phone);

  const update = (patch: Partial<ListFilters>) =>
    setParams(filtersToSearch({ ...filters, ...patch }), { replace: true });
  const base = useMemo(() => filtersToQuery(filters), [filters]);
  const listQuery = useMemo(() => ({ ...base, ...statusQuery(filters) }), [base, filters]);
  const { sort: _sort, order: _order, ...countQuery } = base;
  const counts = useStatusCounts(countQuery);
  const list = useComplaintList(listQuery);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const activeStatus = filters.statuses.length === 1 ? filters.statuses[0] : 'all';

  const statusTabs = [
    { key: 'all', label: `${t('status.all')} ${counts.data ? counts.data.total : ''}` },
    ...COMPLAINT_STATUSES.map((s) => ({
      key: s,
      label: `${t(`status.${s}`)} ${counts.data ? (counts.data.byStatus[s] ?? 0) : ''}`,
    })),
  ];

  return (
    <div className="tousu-page">
      <Card size="small" title={t('list.title')}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Segmented<Scope>
            value={filters.scope}
            onChange={(v) => update({ scope: v })}
            data-testid="list-scopes"
            options={scopes.map((s) => ({ value: s, label: t(`list.scope.${s}`) }))}
          />
          <Input.Search
            id="list-text"
            allowClear
            style={{ width: 260 }}
            placeholder={t('list.text')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ text: v, phone })}
          />
          <Input
            id="list-phone"
            allowClear
            style={{ width: 160 }}
            placeholder={t('list.phone')}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            onPressEnter={() => update({ phone, text })}
          />
          <div style={{ width: 200 }}>
            <CategoryPicker
              value={filters.categoryId}
              onChange={(v) => update({ categoryId: v })}
              placeholder={t('list.category')}
            />
          </div>
          <Select<Severity[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('list.severity')}
            value={filters.severities}
            onChange={(v) => update({ severities: v })}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(v) =>
              update({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })
            }
          />
          <Select<Sort>
            aria-label={t('list.sort')}
            value={filters.sort}
            style={{ width: 120 }}
            onChange={(v) => update({ sort: v })}
            options={[
              { value: 'received_desc', label: t('list.sortReceivedDesc') },
              { value: 'received_asc', label: t('list.sortReceivedAsc') },
              { value: 'updated_desc', label: t('list.sortUpdatedDesc') },
            ]}
          />
          <Button type="primary" id="list-search" onClick={() => update({ text, phone })}>
            {t('list.search')}
          </Button>
          {isFiltered(filters) ? (
            <Button
              onClick={() => {
                setText('');
                setPhone('');
                setParams(filtersToSearch({ ...DEFAULT_FILTERS, scope: filters.scope }), { replace: true });
              }}
            >
              {t('list.clear')}
            </Button>
          ) : null}
        </Space>
        <DrillTags filters={filters} onChange={(next) => update(next)} />
        <Tabs
          size="small"
          activeKey={activeStatus}
          onChange={(k) => update({ statuses: k === 'all' ? [] : [k as ComplaintStatus] })}
          items={statusTabs}
          data-testid="status-tabs"
        />
        {list.error ? (
          <RefusalAlert refusal={list.error instanceof ApiError ? list.error : { code: 'NETWORK' }} />
        ) : (
          <ComplaintTable
            items={items}
            loading={list.isPending}
            emptyText={isFiltered(filters) ? `${t('list.empty')} ${t('list.emptyHint')}` : t('list.empty')}
          />
        )}
        <div style={{ textAlign: 'center', marginTop: 8 }}>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          ) : items.length > 0 ? (
            <Typography.Text type="secondary">{t('list.allLoaded', { count: items.length })}</Typography.Text>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
