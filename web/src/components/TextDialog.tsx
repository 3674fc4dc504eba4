// A dialog that asks for one text before an action is sent: a reason, a note, instructions. The
// action's refusal is shown inside it, in words.
import { Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalLike } from '../lib/refusal.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

export function TextDialog({
  open,
  title,
  help,
  label,
  inputId,
  okText,
  danger,
  pending,
  error,
  labels,
  optional,
  onOk,
  onCancel,
  children,
}: {
  open: boolean;
  title: ReactNode;
  help?: ReactNode;
  label: string;
  /** The text area's id (the OK button's is `${inputId}-ok`). */
  inputId: string;
  okText?: string;
  danger?: boolean;
  pending: boolean;
  error: RefusalLike | null;
  labels?: ReadonlyMap<string, string>;
  /** The text may be left empty. */
  optional?: boolean;
  onOk: (text: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(() => {
    if (open) setText('');
  }, [open]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('actions.confirm')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: !optional && !text.trim(), id: `${inputId}-ok`, danger }}
      confirmLoading={pending}
      onOk={() => onOk(text.trim())}
      onCancel={onCancel}
      destroyOnHidden
    >
      {help ? <Typography.Paragraph type="secondary">{help}</Typography.Paragraph> : null}
      {children}
      <Form layout="vertical" component="div">
        <Form.Item label={label} required={!optional}>
          <Input.TextArea
            id={inputId}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error ? <RefusalAlert refusal={error} labels={labels} /> : null}
    </Modal>
  );
}
