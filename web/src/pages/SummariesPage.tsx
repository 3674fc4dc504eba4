// The periodic summaries (§12: complaints analysed and summarised periodically): daily, weekly and
// monthly, newest first, by kind; each opens as a printable document with its Excel download.
// Supervisors, analysts and admins also make one on demand (or again, from today's data).
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type SummaryItem, useMakeSummary, useSummaries } from '../api/summary-queries.ts';
import type { Me } from '../api/types.ts';
import {
  change,
  count,
  growth,
  makesSummaries,
  periodStartOf,
  SUMMARY_KINDS,
  type SummaryKind,
  summaryXlsxUrl,
  zonedDateTime,
} from '../lib/summaries.ts';

const PAGE_SIZE = 20;
type Tab = SummaryKind | 'all';

function MakeSummary() {
  const { t, i18n } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const make = useMakeSummary();
  const [kind, setKind] = useState<SummaryKind>('day');
  const [day, setDay] = useState<Dayjs | null>(null);
  const fail = (err: unknown) =>
    message.error(t('summaries.make.failed', { message: err instanceof Error ? err.message : String(err) }));
  const submit = async () => {
    if (!day) return;
    const periodStart = periodStartOf(kind, day.format('YYYY-MM-DD'));
    try {
      const s = await make.mutateAsync({ kind, periodStart });
      message.success(
        t('summaries.make.made', { period: i18n.language.startsWith('en') ? s.label.en : s.label.zh }),
      );
      navigate(`/summaries/${s.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        modal.confirm({
          title: t('summaries.make.exists'),
          okText: t('summaries.regenerate'),
          onOk: async () => {
            try {
              const s = await make.mutateAsync({ kind, periodStart, regenerate: true });
              message.success(t('summaries.regenerated'));
              navigate(`/summaries/${s.id}`);
            } catch (again) {
              fail(again);
            }
          },
        });
      } else fail(err);
    }
  };
  return (
    <Form layout="inline" onFinish={() => void submit()} data-testid="summary-make">
      <Form.Item label={t('summaries.make.kind')}>
        <Select<SummaryKind>
          value={kind}
          onChange={setKind}
          style={{ width: 100 }}
          options={SUMMARY_KINDS.map((k) => ({ value: k, label: t(`summaries.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('summaries.make.period')}>
        <DatePicker picker={kind === 'day' ? 'date' : kind} value={day} onChange={setDay} allowClear />
      </Form.Item>
      <Button htmlType="submit" type="primary" disabled={!day} loading={make.isPending}>
        {t('summaries.make.submit')}
      </Button>
    </Form>
  );
}

export default function SummariesPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const tab: Tab = SUMMARY_KINDS.includes(kindParam as SummaryKind) ? (kindParam as SummaryKind) : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useSummaries(tab, page, PAGE_SIZE);
  const en = i18n.language.startsWith('en');
  const show = (next: { kind?: Tab; page?: number }) => {
    const p = new URLSearchParams(params);
    const k = next.kind ?? tab;
    if (k === 'all') p.delete('kind');
    else p.set('kind', k);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    else p.delete('page');
    setParams(p, { replace: true });
  };

  const columns: ColumnsType<SummaryItem> = [
    {
      title: t('summaries.columns.period'),
      render: (_: unknown, s) => (
        <Space size={6}>
          <Tag color={s.kind === 'month' ? 'purple' : s.kind === 'week' ? 'blue' : 'default'}>
            {t(`summaries.kinds.${s.kind}`)}
          </Tag>
          <Link to={`/summaries/${s.id}`} data-testid="summary-open">
            {en ? s.label.en : s.label.zh}
          </Link>
        </Space>
      ),
    },
    {
      title: t('summaries.columns.total'),
      align: 'right',
      width: 110,
      render: (_: unknown, s) => count(s.total.count),
    },
    {
      title: t('summaries.columns.change'),
      align: 'right',
      width: 150,
      render: (_: unknown, s) => (
        <span className="tousu-nowrap">
          {change(s.total.change)} <span className="tousu-muted">{growth(s.total.growth)}</span>
        </span>
      ),
    },
    {
      title: t('summaries.columns.generatedAt'),
      width: 150,
      render: (_: unknown, s) => zonedDateTime(s.generatedAt, s.timeZone),
    },
    {
      title: t('summaries.columns.generatedBy'),
      width: 160,
      render: (_: unknown, s) =>
        s.generatedBy
          ? t('summaries.byPerson', { name: s.generatedBy.name ?? '' })
          : t('summaries.bySchedule'),
    },
    {
      width: 60,
      render: (_: unknown, s) => (
        <Button
          size="small"
          type="text"
          icon={<DownloadOutlined />}
          href={summaryXlsxUrl(s.id)}
          aria-label={t('summaries.download')}
          title={t('summaries.download')}
        />
      ),
    },
  ];

  const error = list.error instanceof ApiError ? list.error : null;
  return (
    <div className="tousu-page">
      <Card
        title={t('summaries.title')}
        extra={makesSummaries(me.user.role) ? <MakeSummary /> : null}
        styles={{ body: { paddingTop: 4 } }}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('summaries.intro')}
        </Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(k) => show({ kind: k as Tab, page: 1 })}
          items={(['all', ...SUMMARY_KINDS] as Tab[]).map((k) => ({
            key: k,
            label: t(`summaries.kinds.${k}`),
          }))}
        />
        {error ? (
          <Alert
            type="error"
            showIcon
            message={
              error.status === 403
                ? t('summaries.forbidden')
                : t('summaries.loadFailed', { message: error.message })
            }
          />
        ) : (
          <Table<SummaryItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            locale={{ emptyText: t('summaries.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => show({ page: p }),
            }}
            data-testid="summary-list"
          />
        )}
      </Card>
    </div>
  );
}
