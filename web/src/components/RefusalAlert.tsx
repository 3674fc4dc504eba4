// The server's reason, in words: every rule that refused, with the demands or fields concerned.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Demand } from '../api/types.ts';
import { chinaDateTime } from '../lib/china-time.ts';
import { type CommitmentRef, explainRefusal, type RefusalLike } from '../lib/refusal.ts';

export function useExplain() {
  const { t } = useTranslation();
  return (
    r: RefusalLike,
    action: string | undefined,
    demands: readonly Demand[] = [],
    commitments: readonly CommitmentRef[] = [],
    labels?: ReadonlyMap<string, string>,
  ) =>
    explainRefusal(
      r,
      {
        action,
        actionLabel: action ? t(`actions.${action}`, { defaultValue: action }) : '',
        demands,
        commitments,
        labels,
        formatTime: (iso) => chinaDateTime(iso),
        statusLabel: (s) => t(`status.${s}`),
        severityLabel: (s) => t(`severity.${s}`),
      },
      (k, v) => t(k, v) as string,
    );
}

export function RefusalAlert({
  refusal,
  action,
  demands,
  commitments,
  labels,
  onClose,
}: {
  refusal: RefusalLike;
  action?: string;
  demands?: readonly Demand[];
  /** The complaint's promises, to name the open ones (COMMITMENTS_OPEN). */
  commitments?: readonly CommitmentRef[];
  /** Work orders and compensations in words, to name the open ones (WORK_ORDERS_OPEN …). */
  labels?: ReadonlyMap<string, string>;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const explain = useExplain();
  const lines = explain(refusal, action, demands, commitments, labels);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="refusal"
      data-code={refusal.code}
      closable={onClose ? { onClose } : false}
      title={
        action
          ? t('refusal.title', { action: t(`actions.${action}`, { defaultValue: action }) })
          : lines[0]?.text
      }
      description={
        <div>
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own
            <div key={i}>
              {action || i > 0 ? <div>{line.text}</div> : null}
              {line.items.length ? (
                <ul style={{ margin: '2px 0 4px', paddingInlineStart: 20 }}>
                  {line.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </div>
      }
    />
  );
}
