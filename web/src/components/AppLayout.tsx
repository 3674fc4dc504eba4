// The frame every screen sits in: the menu, who is logged in, the language switch and logout.
import {
  CalendarOutlined,
  FieldTimeOutlined,
  LogoutOutlined,
  PhoneOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLogout } from '../api/queries.ts';
import type { Me } from '../api/types.ts';
import { type Language, rememberLanguage } from '../i18n/index.ts';
import { administersCalendars, hasDeadlineBoard, overseesTeams } from '../lib/roles.ts';
import { NotificationBell } from './NotificationBell.tsx';

const HANDLING_ROLES = new Set(['agent', 'specialist', 'supervisor']);

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const logout = useLogout();
  const path = location.pathname;
  const section = path.startsWith('/intake')
    ? 'intake'
    : path.startsWith('/deadlines')
      ? 'deadlines'
      : path.startsWith('/admin')
        ? 'admin'
        : 'list';
  const role = me.user.role;
  const items = [
    ...(HANDLING_ROLES.has(me.user.role)
      ? [{ key: 'intake', icon: <PhoneOutlined />, label: <Link to="/intake">{t('nav.intake')}</Link> }]
      : []),
    { key: 'list', icon: <UnorderedListOutlined />, label: <Link to="/complaints">{t('nav.list')}</Link> },
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
    ...(administersCalendars(role)
      ? [
          {
            key: 'admin',
            icon: <CalendarOutlined />,
            label: <Link to="/admin/calendars">{t('nav.calendars')}</Link>,
          },
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
          <span style={{ color: '#fff' }} data-testid="current-user">
            {me.user.name} <Tag color="blue">{t(`roles.${me.user.role}`)}</Tag>
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
            onClick={() => logout.mutate()}
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
