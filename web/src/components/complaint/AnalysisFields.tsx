// The cause analysis form (domain §8): the cause, three yes/no switches, the company's fault (only
// once the facts are verified, else the reason is shown), the responsible department and a note.
// Used by the analysis card and by the close dialog when no analysis is recorded yet.
import { Alert, Form, Input, Radio, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/org-queries.ts';
import { type AnalysisDraft, CAUSES, type FaultChoice, type FaultGate } from '../../lib/analysis.ts';

const SWITCHES = ['controllable', 'internal', 'reversible'] as const;
const FAULTS: readonly FaultChoice[] = ['yes', 'no', 'unjudged'];

export function AnalysisFields({
  draft,
  onChange,
  gate,
  idPrefix,
}: {
  draft: AnalysisDraft;
  onChange: (d: AnalysisDraft) => void;
  gate: FaultGate;
  /** Element ids start with it (tests and labels): `analysis`, `close-analysis`. */
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const departments = (useDepartments().data ?? []).filter(
    (d) => d.active || d.id === draft.responsibleDepartmentId,
  );
  return (
    <div data-testid={`${idPrefix}-fields`}>
      <Form.Item label={t('analysis.cause')} required>
        <Select
          id={`${idPrefix}-cause`}
          placeholder={t('analysis.causePlaceholder')}
          value={draft.cause ?? undefined}
          onChange={(cause) => onChange({ ...draft, cause })}
          options={CAUSES.map((c) => ({ value: c, label: t(`analysis.causes.${c}`) }))}
        />
      </Form.Item>
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        {SWITCHES.map((key) => (
          <Space key={key} size={6}>
            <span>{t(`analysis.${key}`)}</span>
            <Switch
              id={`${idPrefix}-${key}`}
              checked={draft[key]}
              onChange={(v) => onChange({ ...draft, [key]: v })}
              checkedChildren={t('common.yes')}
              unCheckedChildren={t('common.no')}
            />
          </Space>
        ))}
      </Space>
      <Form.Item label={t('analysis.companyAtFault')}>
        <Radio.Group
          id={`${idPrefix}-fault`}
          disabled={!gate.allowed}
          value={gate.allowed ? draft.fault : 'unjudged'}
          onChange={(e) => onChange({ ...draft, fault: e.target.value as FaultChoice })}
          options={FAULTS.map((f) => ({ value: f, label: t(`analysis.fault.${f}`) }))}
        />
        {gate.allowed ? null : (
          <Alert
            data-testid={`${idPrefix}-fault-locked`}
            style={{ marginTop: 6 }}
            type="info"
            showIcon
            title={
              gate.code === 'FACTS_NOT_VERIFIED' ? t('analysis.faultLocked') : t('analysis.faultUnavailable')
            }
          />
        )}
      </Form.Item>
      <Form.Item label={t('analysis.department')}>
        <Select
          id={`${idPrefix}-department`}
          allowClear
          placeholder={t('analysis.departmentPlaceholder')}
          value={draft.responsibleDepartmentId ?? undefined}
          onChange={(v) => onChange({ ...draft, responsibleDepartmentId: v ?? null })}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item label={t('analysis.note')}>
        <Input.TextArea
          id={`${idPrefix}-note`}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={5000}
          value={draft.note}
          onChange={(e) => onChange({ ...draft, note: e.target.value })}
        />
      </Form.Item>
    </div>
  );
}
