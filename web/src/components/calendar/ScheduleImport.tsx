// Import a year of the State Council's holiday schedule from a JSON file: a look at the file
// first (year, days off, 调休 working days), then the server checks every day.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportSchedule } from '../../api/calendar-queries.ts';
import { ApiError } from '../../api/client.ts';
import { previewScheduleFile, type ScheduleFilePreview } from '../../lib/calendar-year.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';

export function ScheduleImport() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const importSchedule = useImportSchedule();
  const [file, setFile] = useState<{ name: string; preview: ScheduleFilePreview } | null>(null);
  // A plain file input: antd's Upload would add its whole machinery to the shared antd chunk.
  const input = useRef<HTMLInputElement>(null);

  const read = async (f: File) => {
    importSchedule.reset();
    setFile({ name: f.name, preview: previewScheduleFile(await f.text()) });
  };
  const send = () => {
    if (!file?.preview.ok) return;
    importSchedule.mutate(file.preview.body, {
      onSuccess: (r) => {
        void message.success(
          t('calendarAdmin.imported', { year: r.year, days: r.days, retimed: r.retimedComplaints }),
        );
        setFile(null);
      },
    });
  };
  const p = file?.preview;
  const err = importSchedule.error;

  return (
    <div data-testid="schedule-import">
      <Typography.Paragraph type="secondary">{t('calendarAdmin.importHelp')}</Typography.Paragraph>
      <Space wrap>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="schedule-file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void read(f);
            e.target.value = '';
          }}
        />
        <Button icon={<UploadOutlined />} id="schedule-file" onClick={() => input.current?.click()}>
          {t('calendarAdmin.importPick')}
        </Button>
        {file ? <Typography.Text>{file.name}</Typography.Text> : null}
      </Space>
      {p?.ok ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={t('calendarAdmin.importPreview', {
            year: p.year,
            holidays: p.holidays,
            workdays: p.workdays,
            source: p.source,
          })}
          action={
            <Button type="primary" id="schedule-import" loading={importSchedule.isPending} onClick={send}>
              {t('calendarAdmin.importSend')}
            </Button>
          }
        />
      ) : p ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={p.problem === 'json' ? t('calendarAdmin.importBadJson') : t('calendarAdmin.importBadShape')}
        />
      ) : null}
      {err ? (
        <div style={{ marginTop: 8 }}>
          <RefusalAlert refusal={err instanceof ApiError ? err : { code: 'NETWORK' }} />
        </div>
      ) : null}
    </div>
  );
}
