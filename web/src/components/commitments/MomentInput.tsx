// "By when" or "not before" as the agent says it: N working days, N working hours, N hours, or a
// precise time picked as China time.
import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MOMENT_UNITS, type MomentDraft, type MomentUnit } from '../../lib/durations.ts';

const WALL = 'YYYY-MM-DD HH:mm';

export function MomentInput({
  id,
  value,
  onChange,
  labels,
  units = MOMENT_UNITS,
}: {
  id: string;
  value: MomentDraft;
  onChange: (v: MomentDraft) => void;
  /** The dictionary of unit names: "个工作日内" for a due time, "个工作日后" for a start. */
  labels: 'units' | 'notBeforeUnits';
  /** The units offered (a work order's due time has no clock hours). */
  units?: readonly MomentUnit[];
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      {value.unit === 'at' ? (
        <DatePicker
          id={`${id}-at`}
          showTime={{ format: 'HH:mm' }}
          format={WALL}
          placeholder={t('commitments.at')}
          value={value.at ? dayjs(value.at) : null}
          onChange={(d) => onChange({ ...value, at: d ? d.format(WALL) : null })}
          style={{ width: 190 }}
        />
      ) : (
        // A plain number input: antd's InputNumber would grow the shared antd chunk for little gain.
        <Input
          id={`${id}-amount`}
          type="number"
          inputMode="decimal"
          aria-label={t('commitments.amount')}
          min={value.unit === 'workingDays' ? 1 : 0.5}
          step={value.unit === 'workingDays' ? 1 : 0.5}
          value={value.amount ?? ''}
          onChange={(e) =>
            onChange({ ...value, amount: e.target.value === '' ? null : Number(e.target.value) })
          }
          style={{ width: 80 }}
        />
      )}
      <Select<MomentUnit>
        id={`${id}-unit`}
        value={value.unit}
        onChange={(unit) => onChange({ ...value, unit })}
        options={units.map((u) => ({ value: u, label: t(`commitments.${labels}.${u}`) }))}
        style={{ width: 140 }}
      />
    </Space.Compact>
  );
}
