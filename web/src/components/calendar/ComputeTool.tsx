// "From this moment, N working days on this calendar: when is that?" — the same arithmetic the
// deadlines use, with the provisional flag for years without an official schedule.
import { Button, DatePicker, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useComputeDue } from '../../api/calendar-queries.ts';
import { ApiError } from '../../api/client.ts';
import { chinaDateTime, chinaWallToIso } from '../../lib/china-time.ts';
import type { DurationSpec } from '../../lib/durations.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { ProvisionalTag } from '../timing/TimingTags.tsx';

type Unit = 'workingDays' | 'workingHours' | 'calendarHours';
const WALL = 'YYYY-MM-DD HH:mm';

export function ComputeTool({ calendarId }: { calendarId: string | undefined }) {
  const { t } = useTranslation();
  const compute = useComputeDue();
  const [from, setFrom] = useState<string>(() => chinaDateTime(new Date()));
  const [amount, setAmount] = useState<number | null>(3);
  const [unit, setUnit] = useState<Unit>('workingDays');

  const run = () => {
    const iso = chinaWallToIso(from);
    if (!iso || !amount || amount <= 0) return;
    const add = { [unit]: amount } as DurationSpec;
    compute.mutate({ calendarId, from: iso, add });
  };
  const err = compute.error;
  return (
    <div data-testid="compute-tool">
      <Space wrap>
        <span>{t('calendarAdmin.computeFrom')}</span>
        <DatePicker
          id="compute-from"
          showTime={{ format: 'HH:mm' }}
          format={WALL}
          value={from ? dayjs(from) : null}
          onChange={(d) => setFrom(d ? d.format(WALL) : '')}
        />
        <span>+</span>
        <Input
          id="compute-amount"
          type="number"
          inputMode="decimal"
          aria-label={t('calendarAdmin.computeAdd')}
          min={unit === 'workingDays' ? 1 : 0.5}
          step={unit === 'workingDays' ? 1 : 0.5}
          value={amount ?? ''}
          onChange={(e) => setAmount(e.target.value === '' ? null : Number(e.target.value))}
          style={{ width: 90 }}
        />
        <Select<Unit>
          id="compute-unit"
          value={unit}
          style={{ width: 130 }}
          onChange={setUnit}
          options={(['workingDays', 'workingHours', 'calendarHours'] as const).map((u) => ({
            value: u,
            label: t(`calendarAdmin.computeUnits.${u}`),
          }))}
        />
        <Button
          type="primary"
          id="compute-run"
          loading={compute.isPending}
          disabled={!from || !amount}
          onClick={run}
        >
          {t('calendarAdmin.computeRun')}
        </Button>
      </Space>
      {compute.data ? (
        <div style={{ marginTop: 10 }} data-testid="compute-result">
          <Typography.Text strong>
            {t('calendarAdmin.computeResult', { at: chinaDateTime(compute.data.dueAt) })}
          </Typography.Text>{' '}
          {compute.data.provisional ? <ProvisionalTag /> : null}
        </div>
      ) : null}
      {err ? (
        <div style={{ marginTop: 8 }}>
          <RefusalAlert refusal={err instanceof ApiError ? err : { code: 'NETWORK' }} />
        </div>
      ) : null}
    </div>
  );
}
