// Small labels for time: a deadline's countdown in its state's colour, the "暂定" warning, and
// a promise's state. Due times are shown in China time.
import { PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../lib/china-time.ts';
import {
  type CommitmentState,
  commitmentTone,
  countdown,
  countdownLabel,
  type DeadlineLike,
  deadlineText,
  deadlineTone,
  liveDeadlineState,
  TONE_COLORS,
} from '../../lib/countdown.ts';

/** The countdown (or what became of the deadline), coloured by its state now. */
export function DeadlineTag({ deadline, now }: { deadline: DeadlineLike; now: Date }) {
  const { t } = useTranslation();
  const state = liveDeadlineState(deadline, now);
  const text = deadlineText(deadline, now);
  return (
    <Tooltip
      title={`${t(`deadlineState.${state}`)} · ${t('deadlines.due', { at: chinaDateTime(deadline.dueAt) })}`}
    >
      <Tag
        color={TONE_COLORS[deadlineTone(state, deadline.late)]}
        icon={state === 'paused' ? <PauseCircleOutlined /> : undefined}
        data-state={state}
        data-testid="deadline-tag"
        style={{ marginInlineEnd: 0 }}
      >
        {t(text.key, text.values)}
      </Tag>
    </Tooltip>
  );
}

/** "暂定": the due time reaches a year without the official holiday schedule. */
export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('deadlines.provisionalHelp')}>
      <Tag color="gold" icon={<WarningOutlined />} data-testid="provisional-tag">
        {t('deadlines.provisional')}
      </Tag>
    </Tooltip>
  );
}

/** A promise's state, with the countdown to its due time while it is open. */
export function CommitmentStateTag({
  state,
  dueAt,
  now,
}: {
  state: CommitmentState;
  dueAt: string;
  now: Date;
}) {
  const { t } = useTranslation();
  const running = state === 'open' || state === 'due_soon' || state === 'overdue';
  const left = running ? countdownLabel(countdown(now, new Date(dueAt))) : null;
  return (
    <Tag color={TONE_COLORS[commitmentTone(state)]} data-state={state} data-testid="commitment-state">
      {t(`commitmentState.${state}`)}
      {left ? ` · ${t(left.key, left.values)}` : ''}
    </Tag>
  );
}
