// A supervisor's review of one escalation: justified or not, with a comment. The results feed the
// escalation reports (escalation rate and justified share per team and agent).
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewEscalation } from '../../api/escalation-queries.ts';
import type { EscalationQueueItem } from '../../api/types.ts';
import { asApiError } from '../complaint/context.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';

type Result = 'justified' | 'unjustified';

export function ReviewDialog({ item, onClose }: { item: EscalationQueueItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const review = useReviewEscalation();
  const [result, setResult] = useState<Result | null>(null);
  const [comment, setComment] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset for each escalation reviewed
  useEffect(() => {
    setResult(null);
    setComment('');
    review.reset();
  }, [item?.id]);

  const send = async () => {
    if (!item || !result) return;
    try {
      await review.mutateAsync({ id: item.id, result, comment: comment.trim() });
      onClose();
    } catch {
      // shown below
    }
  };

  return (
    <Modal
      open={item !== null}
      title={t('reviews.dialogTitle', { number: item?.complaint.number ?? '' })}
      okText={t('reviews.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: !result || !comment.trim(), id: 'review-ok' }}
      confirmLoading={review.isPending}
      onOk={() => void send()}
      onCancel={onClose}
      destroyOnHidden
    >
      {item ? (
        <Typography.Paragraph>
          <Typography.Text strong>{item.reason ? t(`escalationReason.${item.reason}`) : ''}</Typography.Text>
          {item.reason ? '：' : ''}
          {item.note}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary">{t('reviews.help')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('reviews.result')} required>
          <Radio.Group
            id="review-result"
            value={result}
            onChange={(e) => setResult(e.target.value as Result)}
            options={[
              { value: 'justified', label: t('escalationReview.justified') },
              { value: 'unjustified', label: t('escalationReview.unjustified') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('reviews.comment')} required>
          <Input.TextArea
            id="review-comment"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
      </Form>
      {review.error ? <RefusalAlert refusal={asApiError(review.error)} /> : null}
    </Modal>
  );
}
