// Record a promise we made ("我们会在三个工作日内和您联系") or the customer's own request about
// being contacted ("三天后再联系", "上午10点前不要打"). The wording is checked while typing and again
// by the server; its advice is shown, and the promise is saved all the same.
import { App as AntApp, Button, Form, Input, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentKind, CommitmentSource, WordingFinding } from '../../api/types.ts';
import {
  addedCommitment,
  type CommitmentDraft,
  commitmentRequest,
  EMPTY_COMMITMENT,
  wordingFindings,
} from '../../lib/commitments.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { COMMITMENT_KINDS, COMMITMENT_SOURCES } from '../../lib/vocabulary.ts';
import { type ChangeResult, shownError, useComplaintCtx } from '../complaint/context.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { MomentInput } from './MomentInput.tsx';
import { WordingAlert } from './WordingAlert.tsx';

export function CommitmentForm() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { complaint: c, run, pending } = useComplaintCtx();
  const [draft, setDraft] = useState<CommitmentDraft>(EMPTY_COMMITMENT);
  const [result, setResult] = useState<ChangeResult | null>(null);
  const [savedFindings, setSavedFindings] = useState<WordingFinding[]>([]);
  const typed = useDebounced(draft.description, 250);
  const live = wordingFindings(typed);
  const request = commitmentRequest(draft);
  const customer = draft.source === 'customer';

  const save = async () => {
    if (!request.ok) return;
    const r = await run({ method: 'POST', path: '/commitments', body: { ...request.body } });
    setResult(r);
    if (!r.ok) return;
    setSavedFindings(addedCommitment(c.commitments, r.complaint.commitments)?.wording ?? []);
    setDraft({ ...EMPTY_COMMITMENT, source: draft.source, kind: draft.kind });
    void message.success(t('commitments.saved'));
  };
  const error = shownError(result);
  const touched = draft.description.trim() !== '';

  return (
    <Form layout="vertical" component="div" data-testid="commitment-form" style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('commitments.add')}</Typography.Text>
      <Space wrap style={{ marginTop: 4, display: 'flex' }}>
        <Segmented<CommitmentSource>
          id="commitment-source"
          value={draft.source}
          onChange={(source) => setDraft({ ...draft, source })}
          options={COMMITMENT_SOURCES.map((s) => ({ value: s, label: t(`commitmentSource.${s}`) }))}
        />
        <Select<CommitmentKind>
          id="commitment-kind"
          aria-label={t('commitments.kind')}
          value={draft.kind}
          style={{ width: 110 }}
          onChange={(kind) => setDraft({ ...draft, kind })}
          options={COMMITMENT_KINDS.map((k) => ({ value: k, label: t(`commitmentKind.${k}`) }))}
        />
      </Space>
      <Input.TextArea
        id="commitment-description"
        style={{ marginTop: 6 }}
        aria-label={t('commitments.description')}
        placeholder={customer ? t('commitments.descriptionCustomer') : t('commitments.descriptionAgent')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={2000}
        value={draft.description}
        onChange={(e) => {
          setDraft({ ...draft, description: e.target.value });
          setSavedFindings([]);
        }}
      />
      {draft.description.trim() ? <WordingAlert findings={live} /> : null}
      <div style={{ marginTop: 6 }}>
        {customer ? (
          <Form.Item label={t('commitments.notBefore')} required style={{ marginBottom: 4 }}>
            <MomentInput
              id="commitment-not-before"
              labels="notBeforeUnits"
              value={draft.notBefore}
              onChange={(notBefore) => setDraft({ ...draft, notBefore })}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          label={customer ? t('commitments.dueOptional') : t('commitments.due')}
          required={!customer}
          style={{ marginBottom: 4 }}
        >
          <MomentInput
            id="commitment-due"
            labels="units"
            value={draft.due}
            onChange={(due) => setDraft({ ...draft, due })}
          />
        </Form.Item>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 4px' }}>
        {customer ? t('commitments.customerHelp') : t('commitments.agentHelp')} {t('commitments.autoHelp')}
      </Typography.Paragraph>
      {!request.ok && touched ? (
        <Typography.Paragraph
          type="warning"
          style={{ fontSize: 12, margin: '0 0 4px' }}
          data-testid="commitment-missing"
        >
          {t('commitments.missingTitle', { items: request.missing.map((k) => t(k)).join('、') })}
        </Typography.Paragraph>
      ) : null}
      {error ? <RefusalAlert refusal={error} onClose={() => setResult(null)} /> : null}
      <Button id="commitment-save" disabled={!request.ok} loading={pending} onClick={() => void save()}>
        {t('commitments.save')}
      </Button>
      <WordingAlert findings={savedFindings} saved onClose={() => setSavedFindings([])} />
    </Form>
  );
}
