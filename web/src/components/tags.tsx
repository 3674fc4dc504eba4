// Small labels used on every screen: status, severity, customer flags.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus, CustomerFlag, Severity } from '../api/types.ts';

const STATUS_COLORS: Record<ComplaintStatus, string> = {
  new: 'orange',
  accepted: 'blue',
  in_progress: 'processing',
  resolved: 'cyan',
  closed: 'default',
};

const SEVERITY_COLORS: Record<Severity, string> = { normal: 'default', major: 'volcano', crisis: 'red' };

export function StatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`severity.${severity}`)}</Tag>;
}

const FLAG_COLORS: Record<string, string> = {
  vip: 'gold',
  repeat_caller: 'red',
  repeat_complaint: 'volcano',
  open_complaints: 'orange',
  previous_malicious_judgement: 'purple',
  tagged: 'geekblue',
};
const KNOWN_FLAGS = new Set(Object.keys(FLAG_COLORS));

export function FlagTag({ flag }: { flag: CustomerFlag }) {
  const { t } = useTranslation();
  const known = KNOWN_FLAGS.has(flag.code);
  return (
    <Tag color={FLAG_COLORS[flag.code] ?? 'default'} data-flag={flag.code}>
      {known ? t(`customer.flags.${flag.code}`, flag) : t('customer.flags.unknown', { code: flag.code })}
    </Tag>
  );
}
