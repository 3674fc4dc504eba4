// The complaint's facts and judgements, shown and edited in place (PATCH with the version).
import { App as AntApp, Button, Col, Descriptions, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../api/queries.ts';
import type { Complaint, Severity } from '../../api/types.ts';
import { categoryPath } from '../../lib/category-tree.ts';
import {
  CUSTOMER_MOTIVES,
  CUSTOMER_TYPES,
  DISSATISFACTION_LEVELS,
  RESOLUTION_CLASSES,
  SEVERITIES,
} from '../../lib/vocabulary.ts';
import { CategoryPicker } from '../CategoryPicker.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';

interface DetailsDraft {
  description: string;
  verifiedFacts: string;
  categoryId: string | null;
  product: string;
  severity: Severity;
  customerType: string | null;
  customerMotive: string | null;
  dissatisfaction: string | null;
  resolutionClass: string | null;
  summary: string;
}

function draftOf(c: Complaint): DetailsDraft {
  return {
    description: c.description,
    verifiedFacts: c.verifiedFacts ?? '',
    categoryId: c.category?.id ?? null,
    product: c.product ?? '',
    severity: c.severity,
    customerType: c.customerType,
    customerMotive: c.customerMotive,
    dissatisfaction: c.dissatisfaction,
    resolutionClass: c.resolutionClass,
    summary: c.summary ?? '',
  };
}

/** Only what changed is sent, so a parallel edit of another field is not overwritten. */
function changedFields(before: DetailsDraft, after: DetailsDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof DetailsDraft)[]) {
    const a = after[key];
    const b = before[key];
    if (a === b) continue;
    out[key] = typeof a === 'string' ? a.trim() || (key === 'description' ? a : null) : a;
  }
  return out;
}

export function DetailsPanel() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { complaint: c, run, pending } = useComplaintCtx();
  const categories = useCategories();
  const [editing, setEditing] = useState<{ base: DetailsDraft; draft: DetailsDraft } | null>(null);
  const [result, setResult] = useState<ChangeResult | null>(null);
  const none = t('complaint.none');
  const label = (ns: string, v: string | null) => (v ? t(`${ns}.${v}`) : none);
  const options = (values: readonly string[], ns: string) =>
    values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));

  if (!editing) {
    return (
      <div data-testid="details-panel">
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('complaint.description')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.verifiedFacts')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{c.verifiedFacts ?? none}</div>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.category')}>
            {categoryPath(categories.data ?? [], c.category?.id ?? null, i18n.language) ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.product')}>{c.product ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('complaint.customerType')}>
            {label('customerType', c.customerType)}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.customerMotive')}>
            {label('customerMotive', c.customerMotive)}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.dissatisfaction')}>
            {label('dissatisfaction', c.dissatisfaction)}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.resolutionClass')}>
            {label('resolutionClass', c.resolutionClass)}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.summary')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{c.summary ?? none}</div>
          </Descriptions.Item>
        </Descriptions>
        {c.abilities.edit.allowed ? (
          <Button
            style={{ marginTop: 8 }}
            id="details-edit"
            onClick={() => {
              const base = draftOf(c);
              setEditing({ base, draft: base });
            }}
          >
            {t('complaint.edit')}
          </Button>
        ) : null}
      </div>
    );
  }

  const { base, draft } = editing;
  const set = (patch: Partial<DetailsDraft>) => setEditing({ base, draft: { ...draft, ...patch } });
  const save = async () => {
    const body = changedFields(base, draft);
    if (Object.keys(body).length === 0) {
      setEditing(null);
      return;
    }
    const r = await run({ method: 'PATCH', path: '', body });
    setResult(r);
    if (r.ok) {
      setEditing(null);
      void message.success(t('complaint.saved'));
    }
  };
  const error = shownError(result);

  return (
    <Form layout="vertical" component="div" data-testid="details-form">
      <Form.Item label={t('complaint.description')} required>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={10_000}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('complaint.verifiedFacts')} extra={t('complaint.verifiedFactsHelp')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={10_000}
          value={draft.verifiedFacts}
          onChange={(e) => set({ verifiedFacts: e.target.value })}
        />
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item label={t('complaint.category')}>
            <CategoryPicker value={draft.categoryId} onChange={(v) => set({ categoryId: v })} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('complaint.product')}>
            <Input maxLength={200} value={draft.product} onChange={(e) => set({ product: e.target.value })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('complaint.severity')}>
        <Radio.Group
          value={draft.severity}
          onChange={(e) => set({ severity: e.target.value as Severity })}
          options={options(SEVERITIES, 'severity')}
        />
      </Form.Item>
      <Row gutter={8}>
        {(
          [
            ['customerType', CUSTOMER_TYPES],
            ['customerMotive', CUSTOMER_MOTIVES],
            ['dissatisfaction', DISSATISFACTION_LEVELS],
            ['resolutionClass', RESOLUTION_CLASSES],
          ] as const
        ).map(([key, values]) => (
          <Col span={12} key={key}>
            <Form.Item label={t(`complaint.${key}`)}>
              <Select
                allowClear
                id={`details-${key}`}
                value={draft[key] ?? undefined}
                onChange={(v: string | undefined) => set({ [key]: v ?? null })}
                options={options(values, key)}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item label={t('complaint.summary')} extra={t('complaint.summaryHelp')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={10_000}
          value={draft.summary}
          onChange={(e) => set({ summary: e.target.value })}
        />
      </Form.Item>
      {error ? <RefusalAlert refusal={error} onClose={() => setResult(null)} /> : null}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" id="details-save" loading={pending} onClick={() => void save()}>
          {t('complaint.save')}
        </Button>
        <Button onClick={() => setEditing(null)}>{t('complaint.cancel')}</Button>
      </Space>
    </Form>
  );
}
