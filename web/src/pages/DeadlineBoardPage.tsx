// What is at risk and what is late: supervisors see every team, agents their own complaints
// ("我的超时"). Counts as tabs, filters by time limit and team (kept in the URL), soonest first.
import { Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type BoardQuery, useDeadlineBoard } from '../api/queries.ts';
import type { BoardItem, DeadlineKind, Me } from '../api/types.ts';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { SeverityTag, StatusTag } from '../components/tags.tsx';
import { DeadlineTag, ProvisionalTag } from '../components/timing/TimingTags.tsx';
import { chinaDateTime } from '../lib/china-time.ts';
import { overseesTeams } from '../lib/roles.ts';
import { useNow } from '../lib/use-now.ts';
import { DEADLINE_KINDS } from '../lib/vocabulary.ts';

type StateTab = 'all' | 'at_risk' | 'breached';

function boardQueryFrom(params: URLSearchParams): BoardQuery {
  const state = params.get('state');
  const kind = params.get('kind');
  return {
    state: state === 'at_risk' || state === 'breached' ? state : undefined,
    kind: kind && (DEADLINE_KINDS as readonly string[]).includes(kind) ? (kind as DeadlineKind) : undefined,
    team: params.get('team')?.trim() || undefined,
  };
}

export default function DeadlineBoardPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = boardQueryFrom(params);
  const [team, setTeam] = useState(q.team ?? '');
  const board = useDeadlineBoard(q);
  const now = useNow(30_000);
  const items = board.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = board.data?.pages[0]?.counts;
  const oversees = overseesTeams(me.user.role);

  const update = (patch: Partial<BoardQuery>) => {
    const next = { ...q, ...patch };
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) search.set(k, v);
    setParams(search, { replace: true });
  };
  const tab = (key: StateTab, n: number | undefined) => ({
    key,
    label: (
      <span data-testid={`board-tab-${key}`}>
        {key === 'all' ? t('board.all') : key === 'at_risk' ? t('board.atRisk') : t('board.breached')}{' '}
        {n !== undefined ? (
          <Tag color={key === 'breached' ? 'red' : key === 'at_risk' ? 'orange' : 'default'}>{n}</Tag>
        ) : null}
      </span>
    ),
  });

  const columns: ColumnsType<BoardItem> = [
    {
      title: t('board.columns.kind'),
      width: 110,
      render: (_: unknown, d) => <span className="tousu-nowrap">{t(`deadlineKind.${d.kind}`)}</span>,
    },
    {
      title: t('board.columns.state'),
      width: 150,
      render: (_: unknown, d) => <DeadlineTag deadline={d} now={now} />,
    },
    {
      title: t('board.columns.dueAt'),
      width: 190,
      render: (_: unknown, d) => (
        <Space size={2} wrap>
          <span className="tousu-nowrap">{chinaDateTime(d.dueAt)}</span>
          {d.provisional ? <ProvisionalTag /> : null}
          {d.escalateOnBreach ? <Tag color="purple">{t('deadlines.escalates')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('board.columns.number'),
      width: 150,
      render: (_: unknown, d) => (
        <Link to={`/complaints/${d.complaint.id}`} className="tousu-nowrap">
          {d.complaint.number}
        </Link>
      ),
    },
    {
      title: t('list.columns.status'),
      width: 90,
      render: (_: unknown, d) => <StatusTag status={d.complaint.status} />,
    },
    {
      title: t('board.columns.severity'),
      width: 80,
      render: (_: unknown, d) => <SeverityTag severity={d.complaint.severity} />,
    },
    {
      title: t('board.columns.handler'),
      width: 100,
      render: (_: unknown, d) => d.complaint.handler?.name ?? '—',
    },
    { title: t('board.columns.team'), width: 100, render: (_: unknown, d) => d.complaint.team ?? '—' },
    {
      title: t('board.columns.category'),
      ellipsis: true,
      render: (_: unknown, d) => d.complaint.category?.name ?? '—',
    },
  ];

  return (
    <div className="tousu-page" data-testid="deadline-board">
      <Card size="small" title={oversees ? t('board.title') : t('board.myTitle')}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('board.help')}
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 4 }}>
          <Select<DeadlineKind>
            id="board-kind"
            allowClear
            placeholder={t('board.kind')}
            style={{ width: 160 }}
            value={q.kind}
            onChange={(kind) => update({ kind })}
            options={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`deadlineKind.${k}`) }))}
          />
          {oversees ? (
            <Input.Search
              id="board-team"
              allowClear
              placeholder={t('board.team')}
              style={{ width: 200 }}
              value={team}
              onChange={(e) => setTeam(e.target.value)}
              onSearch={(v) => update({ team: v.trim() || undefined })}
            />
          ) : null}
        </Space>
        <Tabs
          size="small"
          activeKey={q.state ?? 'all'}
          onChange={(k) => update({ state: k === 'all' ? undefined : (k as 'at_risk' | 'breached') })}
          items={[
            tab('all', counts ? counts.at_risk + counts.breached : undefined),
            tab('at_risk', counts?.at_risk),
            tab('breached', counts?.breached),
          ]}
        />
        {board.error ? (
          <RefusalAlert refusal={board.error instanceof ApiError ? board.error : { code: 'NETWORK' }} />
        ) : (
          <Table<BoardItem>
            size="small"
            rowKey="id"
            dataSource={items}
            columns={columns}
            pagination={false}
            loading={board.isPending}
            locale={{ emptyText: t('board.empty') }}
            scroll={{ x: 1000 }}
          />
        )}
        <div style={{ textAlign: 'center', marginTop: 8 }}>
          {board.hasNextPage ? (
            <Button onClick={() => void board.fetchNextPage()} loading={board.isFetchingNextPage}>
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
