// One complaint: who owns it, where it stands in the four stages, every demand, contact and change.
import { Alert, Badge, Button, Card, Col, Result, Row, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useComplaint } from '../api/queries.ts';
import { CommitmentsCard } from '../components/commitments/CommitmentsCard.tsx';
import { ActionBar } from '../components/complaint/ActionBar.tsx';
import { AnalysisCard } from '../components/complaint/AnalysisCard.tsx';
import { ComplaintHeader } from '../components/complaint/ComplaintHeader.tsx';
import { ContactPanel } from '../components/complaint/ContactPanel.tsx';
import { ComplaintProvider } from '../components/complaint/context.tsx';
import { DeadlinesCard } from '../components/complaint/DeadlinesCard.tsx';
import { DemandTable } from '../components/complaint/DemandTable.tsx';
import { DetailsPanel } from '../components/complaint/DetailsPanel.tsx';
import { EscalationsCard } from '../components/complaint/EscalationsCard.tsx';
import { TierActions } from '../components/complaint/TierActions.tsx';
import { TimelinePanel } from '../components/complaint/TimelinePanel.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { StageGuide } from '../components/StageGuide.tsx';
import { WorkOrdersCard } from '../components/work-orders/WorkOrdersCard.tsx';
import { useNow } from '../lib/use-now.ts';

export default function ComplaintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useComplaint(id);
  const [stale, setStale] = useState(false);
  const now = useNow(30_000);

  if (query.isPending) return <Spin style={{ margin: 48 }} />;
  if (query.isError) {
    const err = query.error;
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
      return (
        <Result
          status="404"
          title={t('complaint.notFound')}
          extra={<Link to="/complaints">{t('nav.list')}</Link>}
        />
      );
    }
    return (
      <div className="tousu-page">
        <RefusalAlert refusal={err instanceof ApiError ? err : { code: 'NETWORK' }} />
      </div>
    );
  }
  const c = query.data;
  const openDemands = c.demands.filter((d) => d.status === 'open').length;

  return (
    <ComplaintProvider complaint={c} stale={stale} onStale={() => setStale(true)}>
      <div className="tousu-page">
        {stale ? (
          <Alert
            type="warning"
            showIcon
            data-testid="stale-banner"
            style={{ marginBottom: 12 }}
            title={t('stale.title')}
            description={t('stale.body')}
            action={
              <Button
                id="stale-reload"
                onClick={async () => {
                  await query.refetch();
                  setStale(false);
                }}
                loading={query.isFetching}
              >
                {t('stale.reload')}
              </Button>
            }
          />
        ) : null}
        {c.difficultCaller ? (
          <Alert
            type="error"
            showIcon
            data-testid="difficult-banner"
            style={{ marginBottom: 12 }}
            title={t('escalation.difficultBanner')}
            description={
              <>
                <div>{t('escalation.difficultReasonLine', { reason: c.difficultCaller.reason ?? '—' })}</div>
                <div>{t('escalation.difficultAdvice')}</div>
              </>
            }
          />
        ) : null}
        <Card size="small">
          <ComplaintHeader complaint={c} now={now} />
          <div style={{ marginTop: 8 }}>
            <ActionBar />
          </div>
          <div style={{ marginTop: 8 }}>
            <TierActions />
          </div>
        </Card>
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col xs={24} xl={16}>
            <Card size="small">
              <Tabs
                size="small"
                defaultActiveKey="demands"
                items={[
                  {
                    key: 'demands',
                    label: (
                      <span>
                        {t('complaint.tabs.demands')}{' '}
                        {openDemands > 0 ? <Badge count={openDemands} color="orange" /> : null}
                      </span>
                    ),
                    children: <DemandTable />,
                  },
                  { key: 'details', label: t('complaint.tabs.details'), children: <DetailsPanel /> },
                  {
                    key: 'contacts',
                    label: `${t('complaint.tabs.contacts')} (${c.contacts.length})`,
                    children: <ContactPanel />,
                  },
                  {
                    key: 'timeline',
                    label: t('complaint.tabs.timeline'),
                    children: <TimelinePanel complaint={c} />,
                  },
                ]}
              />
            </Card>
            <CommitmentsCard now={now} />
            <WorkOrdersCard now={now} />
          </Col>
          <Col xs={24} xl={8}>
            <DeadlinesCard now={now} />
            <EscalationsCard />
            <AnalysisCard />
            <StageGuide stage={c.stage} customerType={(c.customerType as never) ?? null} />
          </Col>
        </Row>
      </div>
    </ComplaintProvider>
  );
}
