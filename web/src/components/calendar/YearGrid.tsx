// A year of one working calendar at a glance: twelve months, Monday first, days off in red and
// 调休 working days in blue; a day this calendar sets itself is outlined.
import { Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type DayCell, monthGrid, type SpecialDay } from '../../lib/calendar-year.ts';

function dayClass(cell: DayCell, pickable: boolean): string {
  const c = ['tousu-day'];
  if (pickable) c.push('is-pickable');
  if (cell.special?.kind === 'holiday') c.push('is-holiday');
  else if (cell.special?.kind === 'adjusted_workday') c.push('is-workday');
  else if (cell.weekend) c.push('is-weekend');
  if (cell.special?.source === 'override') c.push('is-override');
  return c.join(' ');
}

function DayContent({ cell }: { cell: DayCell }) {
  const { t } = useTranslation();
  if (!cell.special) return <>{cell.date}</>;
  return (
    <Tooltip title={`${cell.day} ${cell.special.name}`}>
      <span>
        {cell.date}
        <span className="tousu-day-mark">
          {cell.special.kind === 'holiday' ? t('calendarAdmin.holidayMark') : t('calendarAdmin.workdayMark')}
        </span>
      </span>
    </Tooltip>
  );
}

export function YearGrid({
  year,
  days,
  onPick,
}: {
  year: number;
  days: readonly SpecialDay[];
  /** Clicking a day (administrators: to set it). */
  onPick?: (day: string) => void;
}) {
  const { t } = useTranslation();
  const specials = useMemo(() => new Map(days.map((d) => [d.day, d])), [days]);
  const weekdays = t('calendarAdmin.weekdays', { returnObjects: true }) as unknown as string[];
  return (
    <div className="tousu-year" data-testid="year-grid">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <div key={month}>
          <div className="tousu-month-title">{t('calendarAdmin.month', { month })}</div>
          <table className="tousu-month">
            <thead>
              <tr>
                {weekdays.map((w) => (
                  <th key={w}>{w}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthGrid(year, month, specials).map((week) => (
                <tr key={week.find((c) => c)?.day}>
                  {week.map((cell, i) =>
                    cell ? (
                      <td key={cell.day} className={dayClass(cell, Boolean(onPick))} data-day={cell.day}>
                        {onPick ? (
                          <button type="button" className="tousu-day-btn" onClick={() => onPick(cell.day)}>
                            <DayContent cell={cell} />
                          </button>
                        ) : (
                          <DayContent cell={cell} />
                        )}
                      </td>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: blank cells of a fixed week
                      <td key={`blank-${i}`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
