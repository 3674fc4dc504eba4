// The bell in the header: the unread count (polled every 30 s), and the notifications in words —
// a deadline at risk or breached, a promise coming due, an escalation, a work order, a compensation
// to decide. Clicking one opens the complaint (or the inbox, or the approvals) and marks it read.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, useMe, useNotifications, useUnreadCount } from '../api/queries.ts';
import type { Notification } from '../api/types.ts';
import { chinaDateTime, chinaShort } from '../lib/china-time.ts';
import { notificationPath, notificationText, notificationTone } from '../lib/notifications.ts';

const TONE_STATUS = { error: 'error', warning: 'warning', info: 'processing' } as const;

function NotificationList({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications(true);
  const markRead = useMarkRead();
  const role = useMe().data?.user.role ?? 'agent';
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    const path = notificationPath(n, role);
    if (path) navigate(path);
    onDone();
  };

  return (
    <div style={{ width: 380 }} data-testid="notification-list">
      <List
        size="small"
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: t('notifications.empty') }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: 'pointer', paddingInline: 4, opacity: n.readAt ? 0.6 : 1 }}
            onClick={() => open(n)}
            data-testid="notification-item"
            data-read={n.readAt ? 'true' : 'false'}
          >
            <Space align="start" size={6}>
              <Badge status={n.readAt ? 'default' : TONE_STATUS[notificationTone(n.kind)]} />
              <div>
                <div>{notificationText(n, tr, (iso) => chinaShort(iso))}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {chinaDateTime(n.createdAt)}
                </Typography.Text>
              </div>
            </Space>
          </List.Item>
        )}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 4 }}>
        {list.hasNextPage ? (
          <Button
            size="small"
            type="link"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('notifications.loadMore')}
          </Button>
        ) : (
          <span />
        )}
        <Button
          size="small"
          id="notifications-read-all"
          disabled={!items.some((n) => !n.readAt)}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAll')}
        </Button>
      </Space>
    </div>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={open ? <NotificationList onDone={() => setOpen(false)} /> : null}
      destroyOnHidden
    >
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          size="small"
          type="text"
          id="notification-bell"
          aria-label={t('notifications.title')}
          icon={<BellOutlined style={{ color: '#fff', fontSize: 16 }} />}
          data-unread={count}
        />
      </Badge>
    </Popover>
  );
}
