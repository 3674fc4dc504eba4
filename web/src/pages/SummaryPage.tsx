// One periodic summary as a document, with its Excel download, printing (print-to-PDF: the print
// stylesheet leaves the document alone on A4) and, for those who make them, making it again.
import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useMakeSummary, useSummary } from '../api/summary-queries.ts';
import type { Me } from '../api/types.ts';
import { SummaryDocument } from '../components/summaries/SummaryDocument.tsx';
import { makesSummaries, summaryXlsxUrl } from '../lib/summaries.ts';

export default function SummaryPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const { id } = useParams();
  const summary = useSummary(id);
  const make = useMakeSummary();

  // Printing from this page prints the document alone (summary-document.css).
  useEffect(() => {
    document.body.classList.add('tousu-print-document');
    return () => document.body.classList.remove('tousu-print-document');
  }, []);

  const s = summary.data;
  const regenerate = () => {
    if (!s) return;
    modal.confirm({
      title: t('summaries.regenerateConfirm'),
      okText: t('summaries.regenerate'),
      onOk: async () => {
        try {
          await make.mutateAsync({ kind: s.kind, periodStart: s.periodStart, regenerate: true });
          message.success(t('summaries.regenerated'));
        } catch (err) {
          message.error(
            t('summaries.make.failed', { message: err instanceof Error ? err.message : String(err) }),
          );
        }
      },
    });
  };

  const error = summary.error instanceof ApiError ? summary.error : null;
  return (
    <div className="tousu-page">
      <Space className="tousu-no-print" style={{ marginBottom: 12 }} wrap>
        <Link to="/summaries">
          <Button icon={<ArrowLeftOutlined />}>{t('summaries.back')}</Button>
        </Link>
        <Button
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!s}
          data-testid="summary-print"
        >
          {t('summaries.print')}
        </Button>
        <Button icon={<DownloadOutlined />} href={s ? summaryXlsxUrl(s.id) : undefined} disabled={!s}>
          {t('summaries.download')}
        </Button>
        {makesSummaries(me.user.role) ? (
          <Button icon={<ReloadOutlined />} onClick={regenerate} disabled={!s} loading={make.isPending}>
            {t('summaries.regenerate')}
          </Button>
        ) : null}
      </Space>
      {summary.isPending ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : error ? (
        <Alert
          type="error"
          showIcon
          message={
            error.status === 404
              ? t('summaries.notFound')
              : error.status === 403
                ? t('summaries.forbidden')
                : t('summaries.loadFailed', { message: error.message })
          }
        />
      ) : s ? (
        <SummaryDocument summary={s} />
      ) : null}
    </div>
  );
}
