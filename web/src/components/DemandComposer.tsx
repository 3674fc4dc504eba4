// Type + words of one demand; Enter adds it and leaves the cursor ready for the next.
import { Button, Input, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandType } from '../api/types.ts';
import { DEMAND_TYPES } from '../lib/vocabulary.ts';

export function DemandComposer({
  idPrefix,
  onAdd,
  disabled,
  loading,
}: {
  idPrefix: string;
  onAdd: (type: DemandType, text: string) => void;
  disabled?: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<DemandType>('fix');
  const [text, setText] = useState('');
  const inputRef = useRef<{ focus: () => void } | null>(null);
  const add = () => {
    if (!text.trim() || disabled) return;
    onAdd(type, text.trim());
    setText('');
    inputRef.current?.focus();
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<DemandType>
        id={`${idPrefix}-demand-type`}
        aria-label={t('intake.demandType')}
        value={type}
        onChange={setType}
        style={{ width: 140 }}
        options={DEMAND_TYPES.map((d) => ({ value: d, label: t(`demandType.${d}`) }))}
        disabled={disabled}
      />
      <Input
        id={`${idPrefix}-demand-text`}
        ref={(el) => {
          inputRef.current = el;
        }}
        aria-label={t('intake.demandText')}
        placeholder={t('intake.demandPlaceholder')}
        value={text}
        maxLength={2000}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault();
          add();
        }}
      />
      <Button
        id={`${idPrefix}-demand-add`}
        onClick={add}
        disabled={disabled || !text.trim()}
        loading={loading}
      >
        {t('intake.addDemand')}
      </Button>
    </Space.Compact>
  );
}
