// The four-stage method beside the work: the current stage's checklist, CLEAR and the six steps,
// and the handling advice for the customer's type (domain §4, §7).
import { Alert, Card, Checkbox, Collapse, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerType } from '../api/types.ts';

const STAGES = ['accept', 'explain_clarify', 'resolve', 'follow_up'] as const;
export type StageName = (typeof STAGES)[number] | 'done';

function stageIndex(stage: StageName): number {
  return stage === 'done' ? STAGES.length : STAGES.indexOf(stage);
}

export function StageGuide({ stage, customerType }: { stage: StageName; customerType: CustomerType | null }) {
  const { t } = useTranslation();
  // Ticks are the agent's own reminders for this call; they are not stored.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const items = t(`guide.stages.${stage}.items`, { returnObjects: true }) as string[];
  const list = (key: string) => (t(key, { returnObjects: true }) as string[]).join(' · ');
  return (
    <Card size="small" title={t('guide.title')} data-testid="stage-guide">
      <Steps
        size="small"
        current={stageIndex(stage)}
        items={STAGES.map((s) => ({ title: t(`stage.${s}`) }))}
        style={{ marginBottom: 8 }}
      />
      <Typography.Text strong>
        {t('guide.currentStage', { stage: t(`guide.stages.${stage}.title`) })}
      </Typography.Text>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 2, margin: '4px 0 8px' }}>
        {items.map((item) => (
          <Checkbox
            key={item}
            checked={ticked[`${stage}:${item}`] ?? false}
            onChange={(e) => setTicked((x) => ({ ...x, [`${stage}:${item}`]: e.target.checked }))}
          >
            {item}
          </Checkbox>
        ))}
      </div>
      {customerType ? (
        <Alert
          type="info"
          data-testid="customer-type-advice"
          title={t('guide.customerTypeTitle', { type: t(`customerType.${customerType}`) })}
          description={t(`guide.advice.${customerType}`)}
          style={{ marginBottom: 8 }}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('guide.customerTypeNone')}
        </Typography.Paragraph>
      )}
      <Collapse
        size="small"
        defaultActiveKey={stage === 'accept' || stage === 'explain_clarify' ? ['cues'] : []}
        items={[
          {
            key: 'cues',
            label: `${t('guide.clearTitle')} / ${t('guide.sixStepsTitle')}`,
            children: (
              <div style={{ fontSize: 12, lineHeight: 1.7 }}>
                <div>
                  <b>{t('guide.clearTitle')}</b>：{list('guide.clear')}
                </div>
                <div>
                  <b>{t('guide.sixStepsTitle')}</b>：{list('guide.sixSteps')}
                </div>
                <div>{t('guide.motto')}</div>
                <div>{t('guide.promise')}</div>
                <div>{t('guide.leader')}</div>
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
