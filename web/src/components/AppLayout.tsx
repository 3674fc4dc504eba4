// The frame every screen sits in: the menu, who is logged in, the language switch and logout.
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  InboxOutlined,
  LogoutOutlined,
  PhoneOutlined,
  RiseOutlined,
  ShoppingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../api/queries.ts';
import type { Me } from '../api/types.ts';
import { type Language, rememberLanguage } from '../i18n/index.ts';
import { seesAlerts } from '../lib/alerts.ts';
import {
  administersCalendars,
  decidesCompensation,
  hasDeadlineBoard,
  isDepartment,
  overseesTeams,
  seesEscalationReviews,
} from '../lib/roles.ts';
import { seesSummaries } from '../lib/summaries.ts';
import { NotificationBell } from './NotificationBell.tsx';

const HANDLING_ROLES = new Set(['agent', 'specialist', 'supervisor']);

/** The menu entry a path belongs to. */
function sectionOf(path: string): string {
  if (path.startsWith('/alerts')) return 'alerts';
  if (path.startsWith('/summaries')) return 'summaries';
  if (path.startsWith('/admin/products')) return 'admin/products';
  for (const s of [
    'intake',
    'deadlines',
    'escalations',
    'approvals',
    'work-orders',
    'admin/organisation',
    'reports',
  ]) {
    if (path.startsWith(`/${s}`)) return s;
  }
  return path.startsWith('/admin') ? 'admin' : 'list';
}

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const logout = useLogout();
  const navigate = useNavigate();
  const path = location.pathname;
  const section = sectionOf(path);
  const role = me.user.role;
  const entry = (key: string, to: string, icon: ReactNode, label: string) => ({
    key,
    icon,
    label: (
      <Link to={to} id={`nav-${key.replace('/', '-')}`}>
        {label}
      </Link>
    ),
  });
  const workOrders = entry('work-orders', '/work-orders', <InboxOutlined />, t('nav.workOrders'));
  const items = [
    ...(HANDLING_ROLES.has(me.user.role)
      ? [{ key: 'intake', icon: <PhoneOutlined />, label: <Link to="/intake">{t('nav.intake')}</Link> }]
      : []),
    ...(isDepartment(role)
      ? [workOrders]
      : [
          {
            key: 'list',
            icon: <UnorderedListOutlined />,
            label: <Link to="/complaints">{t('nav.list')}</Link>,
          },
        ]),
    ...(hasDeadlineBoard(role)
      ? [
          {
            key: 'deadlines',
            icon: <FieldTimeOutlined />,
            label: (
              <Link to="/deadlines" id="nav-deadlines">
                {overseesTeams(role) ? t('nav.deadlines') : t('nav.myDeadlines')}
              </Link>
            ),
          },
        ]
      : []),
    ...(seesEscalationReviews(role)
      ? [entry('escalations', '/escalations', <RiseOutlined />, t('nav.escalations'))]
      : []),
    ...(decidesCompensation(role)
      ? [entry('approvals', '/approvals', <AuditOutlined />, t('nav.approvals'))]
      : []),
    ...(role === 'supervisor' ? [workOrders] : []),
    ...(seesAlerts(role) ? [entry('alerts', '/alerts', <AlertOutlined />, t('nav.alerts'))] : []),
    ...(isDepartment(role) ? [] : [entry('reports', '/reports', <BarChartOutlined />, t('reports.menu'))]),
    ...(seesSummaries(role)
      ? [entry('summaries', '/summaries', <FileTextOutlined />, t('summaries.menu'))]
      : []),
    ...(administersCalendars(role)
      ? [
          {
            key: 'admin',
            icon: <CalendarOutlined />,
            label: <Link to="/admin/calendars">{t('nav.calendars')}</Link>,
          },
          entry('admin/organisation', '/admin/organisation', <ApartmentOutlined />, t('nav.organisation')),
          entry('admin/products', '/admin/products', <ShoppingOutlined />, t('nav.products')),
        ]
      : []),
  ];
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 16,
          height: 48,
          lineHeight: '48px',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('app.short')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[section]}
          items={items}
          style={{ flex: 1, minWidth: 0, lineHeight: '48px' }}
        />
        <Space size="middle">
          <NotificationBell />
          <span
            style={{
              color: '#fff',
              display: 'inline-flex',
              alignItems: 'center',
              gap: 6,
              whiteSpace: 'nowrap',
            }}
            data-testid="current-user"
          >
            {me.user.name}
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t(`roles.${me.user.role}`)}
            </Tag>
            {me.user.team ? <span className="tousu-nowrap">{me.user.team}</span> : null}
          </span>
          <Segmented
            size="small"
            aria-label={t('app.language')}
            value={i18n.language.startsWith('en') ? 'en-US' : 'zh-CN'}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en-US' },
            ]}
            onChange={(v) => rememberLanguage(v as Language)}
          />
          <Button
            size="small"
            icon={<LogoutOutlined />}
            // The next person to log in starts on their own first page, not on this one.
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })}
            loading={logout.isPending}
          >
            {t('app.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content>{children}</Layout.Content>
    </Layout>
  );
}
