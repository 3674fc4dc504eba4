// The language check's advice (domain §10): which words, why, and what to say instead. Advice only:
// the promise is saved either way.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WordingFinding } from '../../api/types.ts';

const KNOWN = new Set(['FINAL_RESULT_PROMISED', 'FINAL_ANSWER', 'COMPENSATION_WORD', 'HIGH_HANDED']);

export function WordingAlert({
  findings,
  saved,
  title,
  onClose,
}: {
  findings: readonly WordingFinding[];
  /** After saving (the server's findings) rather than while typing. */
  saved?: boolean;
  /** Instead of the promise check's own title. */
  title?: string;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={saved ? 'wording-saved' : 'wording-live'}
      style={{ marginTop: 6 }}
      closable={onClose ? { onClose } : false}
      title={title ?? (saved ? t('commitments.wording.saved') : t('commitments.wording.live'))}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {findings.map((f) => (
            <li key={`${f.code}:${f.phrase}`}>
              <Typography.Text strong>
                {t('commitments.wording.phrase', { phrase: f.phrase })}
              </Typography.Text>{' '}
              {KNOWN.has(f.code)
                ? t(`commitments.wording.${f.code}`)
                : f.message || t('commitments.wording.other')}
              <div data-testid="wording-suggestion">
                {t('commitments.wording.suggestion', { text: f.suggestion })}
              </div>
            </li>
          ))}
        </ul>
      }
    />
  );
}
