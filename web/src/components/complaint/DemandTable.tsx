// Each demand on its own line, answered in place: fulfilled or declined, the resolution in words,
// and whether the customer has been told. What the agent types survives a reload after a conflict.
import { App as AntApp, Button, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demand, DemandStatus, DemandType } from '../../api/types.ts';
import { DEMAND_STATUSES } from '../../lib/vocabulary.ts';
import { useCompensationColumn } from '../compensation/useCompensationColumn.tsx';
import { DemandComposer } from '../DemandComposer.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';

interface RowDraft {
  status: DemandStatus;
  resolution: string;
  customerInformed: boolean;
  /** Touched by the agent since it was last taken from the server. */
  dirty: boolean;
}

const STATUS_COLORS: Record<DemandStatus, string> = {
  open: 'orange',
  fulfilled: 'green',
  declined: 'default',
};

function fromDemand(d: Demand): RowDraft {
  return {
    status: d.status,
    resolution: d.resolution ?? '',
    customerInformed: d.customerInformed,
    dirty: false,
  };
}

function sameAs(draft: RowDraft, d: Demand): boolean {
  const s = fromDemand(d);
  return (
    draft.status === s.status &&
    draft.resolution.trim() === s.resolution.trim() &&
    draft.customerInformed === s.customerInformed
  );
}

export function DemandTable() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { complaint: c, run, pending, labels } = useComplaintCtx();
  const compensation = useCompensationColumn();
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [result, setResult] = useState<ChangeResult | null>(null);
  const locked = !c.abilities.edit.allowed || c.status === 'resolved' || c.status === 'closed';

  // Rows the agent has not touched follow the server; touched rows keep the agent's text.
  useEffect(() => {
    setDrafts((prev) => {
      const next: Record<string, RowDraft> = {};
      for (const d of c.demands) {
        const p = prev[d.id];
        next[d.id] = p?.dirty ? p : fromDemand(d);
      }
      return next;
    });
  }, [c.demands]);

  const save = async (d: Demand) => {
    const draft = drafts[d.id];
    if (!draft) return;
    const r = await run({
      method: 'PATCH',
      path: `/demands/${d.id}`,
      body: {
        status: draft.status,
        resolution: draft.resolution.trim() || null,
        customerInformed: draft.customerInformed,
      },
    });
    setResult(r);
    if (r.ok) {
      setDrafts((x) => ({ ...x, [d.id]: fromDemand(r.complaint.demands.find((y) => y.id === d.id) ?? d) }));
      void message.success(t('demand.saved'));
    }
  };

  const add = async (type: DemandType, description: string) => {
    const r = await run({ method: 'POST', path: '/demands', body: { type, description } });
    setResult(r);
    if (r.ok) void message.success(t('demand.added'));
  };

  const edit = (id: string, patch: Partial<RowDraft>) =>
    setDrafts((x) => {
      const cur = x[id];
      return cur ? { ...x, [id]: { ...cur, ...patch, dirty: true } } : x;
    });

  const columns: ColumnsType<Demand> = [
    { title: t('demand.position'), dataIndex: 'position', width: 44 },
    {
      title: t('demand.type'),
      width: 96,
      render: (_: unknown, d) => <Tag>{t(`demandType.${d.type}`)}</Tag>,
    },
    { title: t('demand.description'), dataIndex: 'description' },
    {
      title: t('demand.status'),
      width: 120,
      render: (_: unknown, d) => {
        const draft = drafts[d.id];
        if (locked || !draft)
          return <Tag color={STATUS_COLORS[d.status]}>{t(`demandStatus.${d.status}`)}</Tag>;
        return (
          <Select<DemandStatus>
            size="small"
            aria-label={`${t('demand.status')} ${d.position}`}
            data-testid={`demand-status-${d.position}`}
            value={draft.status}
            style={{ width: 108 }}
            onChange={(v) => edit(d.id, { status: v })}
            options={DEMAND_STATUSES.map((s) => ({ value: s, label: t(`demandStatus.${s}`) }))}
          />
        );
      },
    },
    {
      title: t('demand.resolution'),
      render: (_: unknown, d) => {
        const draft = drafts[d.id];
        if (locked || !draft) return d.resolution ?? <span className="tousu-muted">—</span>;
        return (
          <Input.TextArea
            size="small"
            aria-label={`${t('demand.resolution')} ${d.position}`}
            data-testid={`demand-resolution-${d.position}`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={5000}
            placeholder={t('demand.resolutionPlaceholder')}
            value={draft.resolution}
            onChange={(e) => edit(d.id, { resolution: e.target.value })}
          />
        );
      },
    },
    compensation.column,
    {
      title: t('demand.informed'),
      width: 90,
      render: (_: unknown, d) => {
        const draft = drafts[d.id];
        return (
          <Switch
            size="small"
            aria-label={`${t('demand.informed')} ${d.position}`}
            data-testid={`demand-informed-${d.position}`}
            disabled={locked || !draft}
            checked={draft ? draft.customerInformed : d.customerInformed}
            onChange={(v) => edit(d.id, { customerInformed: v })}
          />
        );
      },
    },
    {
      title: '',
      width: 70,
      render: (_: unknown, d) => {
        const draft = drafts[d.id];
        if (locked || !draft) return null;
        return (
          <Button
            size="small"
            type={sameAs(draft, d) ? 'default' : 'primary'}
            data-testid={`demand-save-${d.position}`}
            disabled={sameAs(draft, d)}
            loading={pending}
            onClick={() => void save(d)}
          >
            {t('demand.save')}
          </Button>
        );
      },
    },
  ];

  const error = shownError(result);
  return (
    <div data-testid="demand-table">
      <Table<Demand>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={c.demands}
        pagination={false}
        scroll={{ x: 900 }}
      />
      {compensation.dialogs}
      {c.status === 'resolved' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('demand.locked')}
        </Typography.Paragraph>
      ) : null}
      {error ? (
        <div style={{ marginTop: 8 }}>
          <RefusalAlert refusal={error} demands={c.demands} labels={labels} onClose={() => setResult(null)} />
        </div>
      ) : null}
      {c.abilities.addDemand.allowed ? (
        <div style={{ marginTop: 8 }}>
          <DemandComposer
            idPrefix="complaint"
            onAdd={(type, text) => void add(type, text)}
            loading={pending}
          />
        </div>
      ) : null}
    </div>
  );
}
