// The demand table's 补偿 column and its dialogs: offering compensation on a demand, and
// withdrawing one that waits for approval (with a reason).
import { App as AntApp } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelCompensation } from '../../api/compensation-queries.ts';
import type { Compensation, Demand } from '../../api/types.ts';
import { asApiError, useComplaintCtx } from '../complaint/context.tsx';
import { TextDialog } from '../TextDialog.tsx';
import { CompensationCell } from './CompensationCell.tsx';
import { CompensationDialog } from './CompensationDialog.tsx';

export function useCompensationColumn(): { column: ColumnType<Demand>; dialogs: ReactNode } {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { complaint, markStale } = useComplaintCtx();
  const [offering, setOffering] = useState<Demand | null>(null);
  const [withdrawing, setWithdrawing] = useState<Compensation | null>(null);
  const cancel = useCancelCompensation();

  const withdraw = async (reason: string) => {
    if (!withdrawing) return;
    try {
      await cancel.mutateAsync({ id: withdrawing.id, reason, version: complaint.version });
      setWithdrawing(null);
      void message.success(t('compensation.withdrawn'));
    } catch (err) {
      if (asApiError(err).code === 'STALE_VERSION') {
        markStale();
        setWithdrawing(null);
      }
    }
  };
  const error = cancel.error ? asApiError(cancel.error) : null;

  return {
    column: {
      title: t('compensation.column'),
      width: 200,
      render: (_: unknown, d) => (
        <CompensationCell
          demand={d}
          onOffer={setOffering}
          onWithdraw={(c) => {
            cancel.reset();
            setWithdrawing(c);
          }}
        />
      ),
    },
    dialogs: (
      <>
        <CompensationDialog demand={offering} onClose={() => setOffering(null)} />
        <TextDialog
          open={withdrawing !== null}
          title={t('compensation.withdrawTitle')}
          label={t('compensation.withdrawReason')}
          inputId="compensation-withdraw"
          danger
          pending={cancel.isPending}
          error={error && error.code !== 'STALE_VERSION' ? error : null}
          onOk={(text) => void withdraw(text)}
          onCancel={() => setWithdrawing(null)}
        />
      </>
    ),
  };
}
