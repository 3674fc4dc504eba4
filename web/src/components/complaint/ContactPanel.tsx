// Contacts with the customer: each one has a purpose and an outcome (pitfall 2: no aimless contact).
import { App as AntApp, Button, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, ContactOutcome, ContactPurpose } from '../../api/types.ts';
import { CHANNELS, CONTACT_DIRECTIONS, CONTACT_OUTCOMES, CONTACT_PURPOSES } from '../../lib/vocabulary.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { type ChangeResult, shownError, useComplaintCtx } from './context.tsx';

interface ContactDraft {
  direction: 'inbound' | 'outbound';
  channel: Channel;
  purpose: ContactPurpose | undefined;
  outcome: ContactOutcome;
  notes: string;
}

const EMPTY: ContactDraft = {
  direction: 'outbound',
  channel: 'phone_out',
  purpose: undefined,
  outcome: 'reached',
  notes: '',
};

export function ContactPanel() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { complaint: c, run, pending } = useComplaintCtx();
  const [draft, setDraft] = useState<ContactDraft>(EMPTY);
  const [result, setResult] = useState<ChangeResult | null>(null);

  const save = async () => {
    const r = await run({
      method: 'POST',
      path: '/contacts',
      body: { ...draft, notes: draft.notes.trim() || null },
    });
    setResult(r);
    if (r.ok) {
      setDraft(EMPTY);
      void message.success(t('contact.saved'));
    }
  };
  const error = shownError(result);
  const options = <T extends string>(values: readonly T[], ns: string) =>
    values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));

  return (
    <div data-testid="contact-panel">
      <List
        size="small"
        dataSource={[...c.contacts].reverse()}
        locale={{ emptyText: t('contact.empty') }}
        renderItem={(k) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Space wrap>
                <span className="tousu-muted">{dayjs(k.startedAt).format('YYYY-MM-DD HH:mm')}</span>
                <Tag>{t(`contactDirection.${k.direction}`)}</Tag>
                <Tag color="blue">{t(`contactPurpose.${k.purpose}`)}</Tag>
                <Tag color={k.outcome === 'reached' ? 'green' : 'orange'}>
                  {t(`contactOutcome.${k.outcome}`)}
                </Tag>
                <span>{k.agent.name}</span>
              </Space>
              {k.notes ? <Typography.Text>{k.notes}</Typography.Text> : null}
            </Space>
          </List.Item>
        )}
      />
      {c.abilities.addContact.allowed ? (
        <Form layout="vertical" component="div" style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('contact.add')}</Typography.Text>
          <Space wrap style={{ marginTop: 4 }}>
            <Select
              aria-label={t('contact.direction')}
              value={draft.direction}
              style={{ width: 90 }}
              onChange={(v) => setDraft({ ...draft, direction: v })}
              options={options(CONTACT_DIRECTIONS, 'contactDirection')}
            />
            <Select<Channel>
              aria-label={t('contact.channel')}
              value={draft.channel}
              style={{ width: 110 }}
              onChange={(v) => setDraft({ ...draft, channel: v })}
              options={options(CHANNELS, 'channel')}
            />
            <Select<ContactPurpose>
              id="contact-purpose"
              aria-label={t('contact.purpose')}
              placeholder={t('contact.purpose')}
              value={draft.purpose}
              style={{ width: 150 }}
              status={draft.purpose ? undefined : 'warning'}
              onChange={(v) => setDraft({ ...draft, purpose: v })}
              options={options(CONTACT_PURPOSES, 'contactPurpose')}
            />
            <Select<ContactOutcome>
              aria-label={t('contact.outcome')}
              value={draft.outcome}
              style={{ width: 120 }}
              onChange={(v) => setDraft({ ...draft, outcome: v })}
              options={options(CONTACT_OUTCOMES, 'contactOutcome')}
            />
          </Space>
          <Input.TextArea
            style={{ marginTop: 6 }}
            aria-label={t('contact.notes')}
            placeholder={t('contact.notes')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={10_000}
            value={draft.notes}
            onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0' }}>
            {t('contact.purposeHelp')}
          </Typography.Paragraph>
          {error ? <RefusalAlert refusal={error} onClose={() => setResult(null)} /> : null}
          <Button
            disabled={!draft.purpose}
            loading={pending}
            onClick={() => void save()}
            style={{ marginTop: 4 }}
          >
            {t('contact.save')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
