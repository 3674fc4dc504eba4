// An administrator sets one day of one calendar: a day off (company event) or a working day
// (duty), whatever the national schedule says.
import { App as AntApp, Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetOverride } from '../../api/calendar-queries.ts';
import { ApiError } from '../../api/client.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';

type Kind = 'holiday' | 'workday';

export function OverrideForm({ calendarId, picked }: { calendarId: string; picked: string | null }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const setOverride = useSetOverride();
  const [day, setDay] = useState<string | null>(picked);
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  useEffect(() => setDay(picked), [picked]);

  const save = () => {
    if (!day || !name.trim()) return;
    setOverride.mutate(
      { calendarId, day, kind, name: name.trim() },
      {
        onSuccess: () => {
          void message.success(t('calendarAdmin.overrideSaved', { day }));
          setName('');
        },
      },
    );
  };
  const err = setOverride.error;
  return (
    <div data-testid="override-form">
      <Space wrap>
        <span>{t('calendarAdmin.overrideTitle')}</span>
        <DatePicker
          id="override-day"
          aria-label={t('calendarAdmin.overrideDay')}
          value={day ? dayjs(day) : null}
          onChange={(d) => setDay(d ? d.format('YYYY-MM-DD') : null)}
        />
        <Select<Kind>
          id="override-kind"
          aria-label={t('calendarAdmin.overrideKind')}
          value={kind}
          style={{ width: 110 }}
          onChange={setKind}
          options={(['holiday', 'workday'] as const).map((k) => ({
            value: k,
            label: t(`calendarAdmin.overrideKinds.${k}`),
          }))}
        />
        <Input
          id="override-name"
          aria-label={t('calendarAdmin.overrideName')}
          placeholder={t('calendarAdmin.overrideNamePlaceholder')}
          maxLength={50}
          style={{ width: 220 }}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={save}
        />
        <Button type="primary" disabled={!day || !name.trim()} loading={setOverride.isPending} onClick={save}>
          {t('calendarAdmin.overrideSave')}
        </Button>
      </Space>
      {err ? (
        <div style={{ marginTop: 6 }}>
          <RefusalAlert
            refusal={err instanceof ApiError ? err : { code: 'NETWORK' }}
            onClose={() => setOverride.reset()}
          />
        </div>
      ) : null}
    </div>
  );
}
