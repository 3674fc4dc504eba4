// 受理: taking a complaint with the customer on the line. Built for the keyboard: the caller's
// number is looked up as it is typed, Enter adds a demand, Ctrl+Enter (or Ctrl+S) accepts.
import {
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, newIdempotencyKey } from '../api/client.ts';
import { useCategories, useCreateComplaint, useCustomerLookup } from '../api/queries.ts';
import type { Channel, CustomerType, DemandType, DissatisfactionLevel, Severity } from '../api/types.ts';
import { CategoryPicker } from '../components/CategoryPicker.tsx';
import { CustomerSummary } from '../components/CustomerSummary.tsx';
import { DemandComposer } from '../components/DemandComposer.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { StageGuide } from '../components/StageGuide.tsx';
import {
  addDemand,
  canSaveAsNew,
  createRequest,
  EMPTY_DRAFT,
  type IntakeDraft,
  isLookupReady,
  missingForAcceptance,
  readBackParts,
  removeDemand,
} from '../lib/intake.ts';
import { useDebounced } from '../lib/use-debounced.ts';
import { CHANNELS, CUSTOMER_TYPES, DISSATISFACTION_LEVELS, SEVERITIES } from '../lib/vocabulary.ts';

const MISSING_KEYS = {
  phone: 'intake.missingPhone',
  description: 'intake.missingDescription',
  demand: 'intake.missingDemand',
  confirm: 'intake.missingConfirm',
} as const;

export default function IntakePage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<IntakeDraft>(() => ({
    ...EMPTY_DRAFT,
    phone: params.get('phone') ?? '',
  }));
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateComplaint();
  useCategories();
  const phoneRef = useRef<{ focus: () => void } | null>(null);

  const phone = useDebounced(draft.phone.trim(), 250);
  const lookup = useCustomerLookup(phone, isLookupReady(phone));
  const profile = isLookupReady(draft.phone) ? lookup.data : undefined;

  // A known caller's name fills in by itself, unless the agent typed one.
  const knownName = profile?.customer?.name ?? '';
  useEffect(() => {
    if (knownName) setDraft((d) => (d.name ? d : { ...d, name: knownName }));
  }, [knownName]);

  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) =>
    setDraft((d) => ({
      ...d,
      [key]: value,
      // Changing what was read back needs a new read-back.
      confirmed: key === 'description' ? false : key === 'confirmed' ? (value as boolean) : d.confirmed,
    }));

  const missing = missingForAcceptance(draft);
  const parts = readBackParts(
    draft,
    (x) => t(`demandType.${x}`),
    t('intake.customerFallback'),
    t('intake.readBackSeparator'),
    t('intake.readBackColon'),
  );

  const submit = useCallback(
    (accept: boolean) => {
      if (create.isPending) return;
      if (accept ? missingForAcceptance(draft).length > 0 : !canSaveAsNew(draft)) return;
      create.mutate(
        { body: createRequest(draft, accept), idempotencyKey },
        {
          onSuccess: (c) => {
            void message.success(
              t(c.status === 'new' ? 'intake.savedNew' : 'intake.created', { number: c.number }),
            );
            setDraft(EMPTY_DRAFT);
            setIdempotencyKey(newIdempotencyKey());
            navigate(`/complaints/${c.id}`);
          },
        },
      );
    },
    [create, draft, idempotencyKey, message, navigate, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const save = (e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key === 's' || e.key === 'S');
      if (!save) return;
      e.preventDefault();
      submit(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit]);

  const phoneInvalid = draft.phone.trim().length >= 7 && !isLookupReady(draft.phone);
  const channelOptions = useMemo(() => CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })), [t]);

  return (
    <div className="tousu-page">
      <Row gutter={12}>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={t('intake.title')}
            extra={<span className="tousu-muted">{t('nav.shortcutHint')}</span>}
          >
            <Form layout="vertical" component="div">
              <Row gutter={8}>
                <Col span={9}>
                  <Form.Item
                    label={t('intake.phone')}
                    required
                    validateStatus={phoneInvalid ? 'warning' : undefined}
                    help={phoneInvalid ? t('intake.phoneInvalid') : undefined}
                  >
                    <Input
                      id="intake-phone"
                      ref={(el) => {
                        phoneRef.current = el;
                      }}
                      autoFocus
                      inputMode="tel"
                      placeholder={t('intake.phonePlaceholder')}
                      value={draft.phone}
                      onChange={(e) => set('phone', e.target.value)}
                      suffix={lookup.isFetching ? <Spin size="small" /> : <span />}
                    />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item label={t('intake.name')}>
                    <Input
                      id="intake-name"
                      value={draft.name}
                      maxLength={100}
                      onChange={(e) => set('name', e.target.value)}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('intake.channel')}>
                    <Select<Channel>
                      id="intake-channel"
                      value={draft.channel}
                      options={channelOptions}
                      onChange={(v) => set('channel', v)}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('intake.description')} required>
                <Input.TextArea
                  id="intake-description"
                  value={draft.description}
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  maxLength={10_000}
                  placeholder={t('intake.descriptionPlaceholder')}
                  onChange={(e) => set('description', e.target.value)}
                />
              </Form.Item>
              <Row gutter={8}>
                <Col span={10}>
                  <Form.Item label={t('intake.category')}>
                    <CategoryPicker
                      id="intake-category"
                      value={draft.categoryId}
                      onChange={(v) => set('categoryId', v)}
                    />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label={t('intake.product')}>
                    <Input
                      id="intake-product"
                      value={draft.product}
                      maxLength={200}
                      onChange={(e) => set('product', e.target.value)}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('intake.severity')}>
                    <Radio.Group
                      value={draft.severity}
                      onChange={(e) => set('severity', e.target.value as Severity)}
                      options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item label={t('intake.customerType')}>
                    <Select<CustomerType>
                      id="intake-customer-type"
                      allowClear
                      value={draft.customerType ?? undefined}
                      onChange={(v) => set('customerType', v ?? null)}
                      options={CUSTOMER_TYPES.map((c) => ({ value: c, label: t(`customerType.${c}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label={t('intake.dissatisfaction')}>
                    <Select<DissatisfactionLevel>
                      id="intake-dissatisfaction"
                      allowClear
                      value={draft.dissatisfaction ?? undefined}
                      onChange={(v) => set('dissatisfaction', v ?? null)}
                      options={DISSATISFACTION_LEVELS.map((c) => ({
                        value: c,
                        label: t(`dissatisfaction.${c}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('intake.demands')} required extra={t('intake.demandsHelp')}>
                <DemandComposer
                  idPrefix="intake"
                  onAdd={(type: DemandType, text: string) =>
                    setDraft((d) => addDemand(d, type, text, newIdempotencyKey()))
                  }
                />
                <ol data-testid="intake-demands" style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
                  {draft.demands.map((d) => (
                    <li key={d.key}>
                      <Space>
                        <Typography.Text strong>{t(`demandType.${d.type}`)}</Typography.Text>
                        <span>{d.description}</span>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setDraft((x) => removeDemand(x, d.key))}
                        >
                          {t('intake.removeDemand')}
                        </Button>
                      </Space>
                    </li>
                  ))}
                </ol>
                {draft.demands.length === 0 ? (
                  <Typography.Text type="secondary">{t('intake.noDemands')}</Typography.Text>
                ) : null}
              </Form.Item>
              <Form.Item label={t('intake.readBack')}>
                <div className="tousu-read-back" data-testid="read-back">
                  <div className="tousu-muted">{t('intake.readBackHelp')}</div>
                  <div>
                    {t('intake.readBackText', { name: parts.name, description: parts.description || '…' })}
                    {parts.demands ? t('intake.readBackDemands', { demands: parts.demands }) : null}
                    {t('intake.readBackClose')}
                  </div>
                  <Checkbox
                    id="intake-confirmed"
                    checked={draft.confirmed}
                    disabled={!draft.description.trim() || draft.demands.length === 0}
                    onChange={(e) => set('confirmed', e.target.checked)}
                  >
                    {t('intake.confirmed')}
                  </Checkbox>
                </div>
              </Form.Item>
              {create.error ? (
                <div style={{ marginBottom: 8 }}>
                  <RefusalAlert
                    refusal={
                      create.error instanceof ApiError
                        ? create.error
                        : { code: 'UNEXPECTED', message: create.error.message }
                    }
                  />
                </div>
              ) : null}
              <Space wrap>
                <Button
                  type="primary"
                  id="intake-accept"
                  disabled={missing.length > 0}
                  loading={create.isPending}
                  onClick={() => submit(true)}
                >
                  {t('intake.accept')}
                </Button>
                <Button disabled={!canSaveAsNew(draft) || create.isPending} onClick={() => submit(false)}>
                  {t('intake.saveDraft')}
                </Button>
                <Button
                  type="text"
                  onClick={() => {
                    setDraft(EMPTY_DRAFT);
                    phoneRef.current?.focus();
                  }}
                >
                  {t('intake.reset')}
                </Button>
                {missing.length > 0 ? (
                  <Typography.Text type="secondary" data-testid="intake-missing">
                    {t('intake.missing', { items: missing.map((m) => t(MISSING_KEYS[m])).join('、') })}
                  </Typography.Text>
                ) : null}
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('customer.panelTitle')} data-testid="caller-panel">
            {!isLookupReady(draft.phone) ? (
              <Typography.Text type="secondary">{t('customer.typeNumber')}</Typography.Text>
            ) : lookup.isPending && lookup.fetchStatus !== 'idle' ? (
              <Spin tip={t('customer.looking')} />
            ) : lookup.error ? (
              <RefusalAlert refusal={lookup.error instanceof ApiError ? lookup.error : { code: 'NETWORK' }} />
            ) : profile ? (
              <CustomerSummary profile={profile} />
            ) : null}
          </Card>
          <div style={{ marginTop: 12 }}>
            <StageGuide stage="accept" customerType={draft.customerType} />
          </div>
        </Col>
      </Row>
    </div>
  );
}
