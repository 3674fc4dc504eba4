// Working calendars and time limits: each calendar's days off and 调休 working days by year (an
// administrator sets a calendar's own days and imports a year of the national schedule), a due-time
// calculator, and the time-limit policies.
import { Card, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendars } from '../api/calendar-queries.ts';
import { ApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { ComputeTool } from '../components/calendar/ComputeTool.tsx';
import { ScheduleImport } from '../components/calendar/ScheduleImport.tsx';
import { SlaPolicyTable } from '../components/calendar/SlaPolicyTable.tsx';
import { SpecialDaysPanel } from '../components/calendar/SpecialDaysPanel.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { chinaDay } from '../lib/china-time.ts';
import { administersCalendars } from '../lib/roles.ts';

export default function CalendarAdminPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const thisYear = Number(chinaDay(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [chosen, setChosen] = useState<string | undefined>();
  const admin = administersCalendars(me.user.role);
  const list = calendars.data ?? [];
  const calendar = list.find((c) => c.id === chosen) ?? list.find((c) => c.isDefault) ?? list[0];

  const picker = (
    <Space wrap>
      <Select
        id="calendar-pick"
        aria-label={t('calendarAdmin.calendar')}
        loading={calendars.isPending}
        style={{ width: 220 }}
        value={calendar?.id}
        onChange={setChosen}
        options={list.map((c) => ({
          value: c.id,
          label: `${c.name}${c.isDefault ? ` (${t('calendarAdmin.default')})` : ''}`,
        }))}
      />
      <Select<number>
        id="calendar-year"
        aria-label={t('calendarAdmin.year')}
        style={{ width: 100 }}
        value={year}
        onChange={setYear}
        options={[-1, 0, 1, 2].map((d) => ({ value: thisYear + d, label: String(thisYear + d) }))}
      />
      {calendar ? (
        <span className="tousu-muted">
          {calendar.everyDay ? <Tag>{t('calendarAdmin.everyDay')}</Tag> : null}
          {calendar.hours.join(', ')}
        </span>
      ) : null}
    </Space>
  );

  return (
    <div className="tousu-page" data-testid="calendar-admin">
      <Card size="small" title={t('calendarAdmin.title')}>
        {calendars.error ? (
          <RefusalAlert
            refusal={calendars.error instanceof ApiError ? calendars.error : { code: 'NETWORK' }}
          />
        ) : null}
        <Tabs
          size="small"
          defaultActiveKey="days"
          items={[
            {
              key: 'days',
              label: t('calendarAdmin.tabs.days'),
              children: (
                <>
                  <div style={{ marginBottom: 10 }}>{picker}</div>
                  {calendar ? <SpecialDaysPanel calendar={calendar} year={year} admin={admin} /> : null}
                </>
              ),
            },
            ...(admin
              ? [{ key: 'import', label: t('calendarAdmin.tabs.import'), children: <ScheduleImport /> }]
              : []),
            {
              key: 'compute',
              label: t('calendarAdmin.tabs.compute'),
              children: (
                <>
                  <div style={{ marginBottom: 10 }}>{picker}</div>
                  <ComputeTool calendarId={calendar?.id} />
                </>
              ),
            },
            { key: 'policies', label: t('calendarAdmin.tabs.policies'), children: <SlaPolicyTable /> },
          ]}
        />
      </Card>
    </div>
  );
}
