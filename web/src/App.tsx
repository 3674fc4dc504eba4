// The shell: antd in the chosen language, the login gate, and the routes (each page its own chunk).
import { App as AntApp, ConfigProvider, Result, Spin, theme } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useMe } from './api/queries.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { homePath, isDepartment } from './lib/roles.ts';
import { LoginPage } from './pages/LoginPage.tsx';

const IntakePage = lazy(() => import('./pages/IntakePage.tsx'));
const ComplaintListPage = lazy(() => import('./pages/ComplaintListPage.tsx'));
const ComplaintPage = lazy(() => import('./pages/ComplaintPage.tsx'));
const CustomerPage = lazy(() => import('./pages/CustomerPage.tsx'));
const DeadlineBoardPage = lazy(() => import('./pages/DeadlineBoardPage.tsx'));
const CalendarAdminPage = lazy(() => import('./pages/CalendarAdminPage.tsx'));
const EscalationReviewPage = lazy(() => import('./pages/EscalationReviewPage.tsx'));
const ApprovalsPage = lazy(() => import('./pages/ApprovalsPage.tsx'));
const WorkOrderInboxPage = lazy(() => import('./pages/WorkOrderInboxPage.tsx'));
const OrganisationPage = lazy(() => import('./pages/OrganisationPage.tsx'));
const AlertsPage = lazy(() => import('./pages/AlertsPage.tsx'));
const ProductsAdminPage = lazy(() => import('./pages/ProductsAdminPage.tsx'));
const ReportsDashboardPage = lazy(() => import('./pages/ReportsDashboardPage.tsx'));
const SummariesPage = lazy(() => import('./pages/SummariesPage.tsx'));
const SummaryPage = lazy(() => import('./pages/SummaryPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin /> <span className="tousu-muted">{t('app.loading')}</span>
    </div>
  );
}

function Gate() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return <Result status="warning" title={t('app.networkError')} extra={<a href="/">{t('app.retry')}</a>} />;
  }
  if (!me.data) return <LoginPage />;
  const home = homePath(me.data.user.role);
  const department = isDepartment(me.data.user.role);
  return (
    <AppLayout me={me.data}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          {/* Department staff never see the complaint list: their inbox is their start. */}
          <Route path="/intake" element={department ? <Navigate to={home} replace /> : <IntakePage />} />
          <Route
            path="/complaints"
            element={department ? <Navigate to={home} replace /> : <ComplaintListPage me={me.data} />}
          />
          <Route path="/complaints/:id" element={<ComplaintPage />} />
          <Route path="/customers/:id" element={<CustomerPage />} />
          <Route path="/deadlines" element={<DeadlineBoardPage me={me.data} />} />
          <Route path="/admin/calendars" element={<CalendarAdminPage me={me.data} />} />
          <Route path="/admin/organisation" element={<OrganisationPage me={me.data} />} />
          <Route path="/admin/products" element={<ProductsAdminPage me={me.data} />} />
          <Route path="/alerts" element={<AlertsPage me={me.data} />} />
          <Route path="/escalations" element={<EscalationReviewPage me={me.data} />} />
          <Route path="/approvals" element={<ApprovalsPage />} />
          <Route path="/work-orders" element={<WorkOrderInboxPage me={me.data} />} />
          <Route
            path="/reports"
            element={department ? <Navigate to={home} replace /> : <ReportsDashboardPage me={me.data} />}
          />
          <Route path="/summaries" element={<SummariesPage me={me.data} />} />
          <Route path="/summaries/:id" element={<SummaryPage me={me.data} />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

/**
 * No animations for people who asked their system for less motion, nor under browser automation
 * (a click during a dialog's or a list's fade is lost, which made the browser tests flaky).
 */
const MOTION =
  typeof window === 'undefined' ||
  !(navigator.webdriver || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches);

export function App() {
  const { i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
  }, [zh]);
  return (
    <ConfigProvider
      locale={zh ? zhCNLocale : enUSLocale}
      theme={{
        algorithm: theme.compactAlgorithm,
        token: { colorPrimary: '#1f5fbf', borderRadius: 4, motion: MOTION },
      }}
    >
      <AntApp>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}
