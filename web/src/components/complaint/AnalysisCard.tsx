// The cause analysis of the complaint (domain §8): shown as recorded, edited in place (PUT with the
// version). Closing as completed needs it; the close dialog asks for it when it is missing.
import { App as AntApp, Button, Card, Descriptions, Form, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnalysisDraft,
  analysisBody,
  draftOf,
  faultChoiceOf,
  faultGate,
  isChanged,
  missingFields,
} from '../../lib/analysis.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { AnalysisFields } from './AnalysisFields.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';

export function AnalysisCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { complaint: c, run, pending, labels } = useComplaintCtx();
  const [draft, setDraft] = useState<AnalysisDraft | null>(null);
  const [result, setResult] = useState<ChangeResult | null>(null);
  const ability = c.abilities.analyse;
  const gate = faultGate(ability);
  const a = c.analysis;
  const yesNo = (v: boolean) => t(v ? 'common.yes' : 'common.no');

  const save = async () => {
    if (!draft) return;
    const body = analysisBody(draft, gate);
    if (!body) return;
    if (!isChanged(draft, a)) {
      setDraft(null);
      return;
    }
    const r = await run({ method: 'PUT', path: '/analysis', body });
    setResult(r);
    if (r.ok) {
      setDraft(null);
      void message.success(t('analysis.saved'));
    }
  };
  const error = shownError(result);

  return (
    <Card size="small" title={t('analysis.title')} style={{ marginTop: 12 }} data-testid="analysis-card">
      {draft ? (
        <Form layout="vertical" component="div" data-testid="analysis-form">
          <AnalysisFields draft={draft} onChange={setDraft} gate={gate} idPrefix="analysis" />
          {error ? (
            <div style={{ marginBottom: 8 }}>
              <RefusalAlert
                refusal={error}
                demands={c.demands}
                commitments={c.commitments}
                labels={labels}
                onClose={() => setResult(null)}
              />
            </div>
          ) : null}
          <Space>
            <Button
              type="primary"
              id="analysis-save"
              loading={pending}
              disabled={missingFields(draft).length > 0}
              onClick={() => void save()}
            >
              {t('analysis.save')}
            </Button>
            <Button
              onClick={() => {
                setDraft(null);
                setResult(null);
              }}
            >
              {t('analysis.cancel')}
            </Button>
          </Space>
        </Form>
      ) : (
        <>
          {a ? (
            <Descriptions size="small" column={1} data-testid="analysis-recorded">
              <Descriptions.Item label={t('analysis.cause')}>
                <Tag color="blue" data-cause={a.cause}>
                  {t(`analysis.causes.${a.cause}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('analysis.controllable')}>
                {yesNo(a.controllable)}
              </Descriptions.Item>
              <Descriptions.Item label={t('analysis.internal')}>{yesNo(a.internal)}</Descriptions.Item>
              <Descriptions.Item label={t('analysis.reversible')}>{yesNo(a.reversible)}</Descriptions.Item>
              <Descriptions.Item label={t('analysis.companyAtFault')}>
                {t(`analysis.fault.${faultChoiceOf(a.companyAtFault)}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('analysis.department')}>
                {a.responsibleDepartment?.name ?? t('complaint.none')}
              </Descriptions.Item>
              {a.note ? (
                <Descriptions.Item label={t('analysis.note')}>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{a.note}</div>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          ) : (
            <Typography.Paragraph type="secondary" data-testid="analysis-none">
              {t('analysis.none')}
              <br />
              {t('analysis.help')}
            </Typography.Paragraph>
          )}
          {a?.analysedAt ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('analysis.analysedBy', {
                  name: a.analysedBy?.name ?? '—',
                  at: chinaDateTime(a.analysedAt),
                })}
              </Typography.Text>
            </div>
          ) : null}
          {ability.allowed ? (
            <Button
              id="analysis-edit"
              style={{ marginTop: 4 }}
              onClick={() => {
                setResult(null);
                setDraft(draftOf(a));
              }}
            >
              {a ? t('analysis.edit') : t('analysis.record')}
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}
