// One calendar's year: the days off and 调休 working days (national, imported, or set on this
// calendar), as a year grid and a table; administrators set and remove a calendar's own days.
import { Alert, App as AntApp, Button, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarDays, useRemoveOverride } from '../../api/calendar-queries.ts';
import { ApiError } from '../../api/client.ts';
import type { CalendarSummary, CalendarYear } from '../../api/types.ts';
import { yearCounts } from '../../lib/calendar-year.ts';
import { chinaWeekday } from '../../lib/china-time.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { YearGrid } from './YearGrid.tsx';

type Day = CalendarYear['days'][number];

export function SpecialDaysPanel({
  calendar,
  year,
  admin,
}: {
  calendar: CalendarSummary;
  year: number;
  admin: boolean;
}) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const days = useCalendarDays(calendar.id, year);
  const remove = useRemoveOverride();
  const [picked, setPicked] = useState<string | null>(null);
  const weekdays = t('calendarAdmin.weekdays', { returnObjects: true }) as unknown as string[];
  const canSet = admin && !calendar.everyDay;

  if (days.isPending) return <Spin />;
  if (days.error) {
    return <RefusalAlert refusal={days.error instanceof ApiError ? days.error : { code: 'NETWORK' }} />;
  }
  const list = days.data.days;
  const counts = yearCounts(list);

  return (
    <div data-testid="special-days">
      {days.data.provisional ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('calendarAdmin.provisional', { year })}
        />
      ) : null}
      {calendar.everyDay ? (
        <Typography.Paragraph type="secondary">{t('calendarAdmin.everyDayNote')}</Typography.Paragraph>
      ) : null}
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="red">{t('calendarAdmin.holidays', { count: counts.holidays })}</Tag>
        <Tag color="blue">{t('calendarAdmin.adjusted', { count: counts.adjustedWorkdays })}</Tag>
        <Tag color="purple">{t('calendarAdmin.overrides', { count: counts.overrides })}</Tag>
      </Space>
      {canSet ? (
        <div style={{ marginBottom: 10 }}>
          <OverrideForm calendarId={calendar.id} picked={picked} />
        </div>
      ) : null}
      <YearGrid year={year} days={list} onPick={canSet ? setPicked : undefined} />
      {remove.error ? (
        <div style={{ marginTop: 8 }}>
          <RefusalAlert
            refusal={remove.error instanceof ApiError ? remove.error : { code: 'NETWORK' }}
            onClose={() => remove.reset()}
          />
        </div>
      ) : null}
      <Table<Day>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="day"
        dataSource={list}
        pagination={false}
        columns={[
          {
            title: t('calendarAdmin.columns.day'),
            width: 150,
            render: (_: unknown, d) => `${d.day} ${weekdays[chinaWeekday(`${d.day}T12:00:00+08:00`)] ?? ''}`,
          },
          { title: t('calendarAdmin.columns.name'), dataIndex: 'name' },
          {
            title: t('calendarAdmin.columns.kind'),
            width: 120,
            render: (_: unknown, d) => (
              <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendarAdmin.kinds.${d.kind}`)}</Tag>
            ),
          },
          {
            title: t('calendarAdmin.columns.source'),
            width: 160,
            render: (_: unknown, d) => t(`calendarAdmin.sources.${d.source}`, { defaultValue: d.source }),
          },
          {
            key: 'remove',
            width: 80,
            render: (_: unknown, d) =>
              admin && d.source === 'override' ? (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: t('calendarAdmin.removeConfirm', { day: d.day }),
                      okText: t('actions.confirm'),
                      cancelText: t('actions.cancel'),
                      onOk: () =>
                        remove.mutateAsync(
                          { calendarId: calendar.id, day: d.day },
                          {
                            onSuccess: () => void message.success(t('calendarAdmin.removed', { day: d.day })),
                          },
                        ),
                    })
                  }
                >
                  {t('calendarAdmin.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
