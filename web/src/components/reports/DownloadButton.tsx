// Saves a report as the server's Excel workbook (the same figures as on screen).
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadReport } from '../../api/report-queries.ts';
import type { ReportQuery } from '../../lib/report-view.ts';

export function DownloadButton({
  report,
  query,
  fileName,
  disabled,
}: {
  report: 'category-distribution' | 'trend' | 'heatmap' | 'kpis';
  query: ReportQuery;
  /** Used when the server names no file. */
  fileName: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await downloadReport(report, query, `${fileName}.xlsx`);
    } catch (err) {
      message.error(
        t('reports.downloadFailed', { message: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={() => void save()}
      data-testid={`download-${report}`}
    >
      {t('reports.download')}
    </Button>
  );
}
