// The organisation an administrator keeps: the tiers (一线 → 专家席 → 班长/主管), teams inside tiers,
// and the back-office departments that answer work orders, each on its working calendar.
import { App as AntApp, Button, Card, Col, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendars } from '../api/calendar-queries.ts';
import {
  useCreateDepartment,
  useCreateTeam,
  useDepartments,
  useTeams,
  useTiers,
} from '../api/org-queries.ts';
import type { Department, Me, Team, Tier } from '../api/types.ts';
import { asApiError } from '../components/complaint/context.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { tierName } from '../lib/escalation.ts';

function DepartmentsCard({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const departments = useDepartments();
  const calendars = useCalendars();
  const create = useCreateDepartment();
  const [name, setName] = useState('');
  const [calendarId, setCalendarId] = useState<string | undefined>();
  const calendarName = (id: string | null) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? id) : t('organisation.defaultCalendar');
  return (
    <Card size="small" title={t('organisation.departments')} data-testid="org-departments">
      <Table<Department>
        size="small"
        rowKey="id"
        pagination={false}
        loading={departments.isPending}
        dataSource={departments.data ?? []}
        locale={{ emptyText: t('organisation.noDepartments') }}
        columns={[
          { title: t('organisation.name'), dataIndex: 'name' },
          { title: t('organisation.calendar'), render: (_: unknown, d) => calendarName(d.calendarId) },
          {
            title: t('organisation.state'),
            width: 80,
            render: (_: unknown, d) =>
              d.active ? (
                <Tag color="green">{t('organisation.active')}</Tag>
              ) : (
                <Tag>{t('organisation.inactive')}</Tag>
              ),
          },
        ]}
      />
      {admin ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Input
            id="org-department-name"
            placeholder={t('organisation.departmentName')}
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Select
            id="org-department-calendar"
            allowClear
            style={{ width: 200 }}
            placeholder={t('organisation.defaultCalendar')}
            value={calendarId}
            onChange={setCalendarId}
            options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <Button
            type="primary"
            disabled={!name.trim()}
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { name: name.trim(), calendarId: calendarId ?? null },
                {
                  onSuccess: (d) => {
                    setName('');
                    setCalendarId(undefined);
                    void message.success(t('organisation.created', { name: d.name }));
                  },
                },
              )
            }
          >
            {t('organisation.addDepartment')}
          </Button>
        </Space>
      ) : null}
      {create.error ? (
        <RefusalAlert refusal={asApiError(create.error)} onClose={() => create.reset()} />
      ) : null}
    </Card>
  );
}

function TeamsCard({ admin, tiers }: { admin: boolean; tiers: Tier[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const teams = useTeams();
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const [tierId, setTierId] = useState<string | undefined>();
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  const tierOf = (id: string) => {
    const tier = tiers.find((x) => x.id === id);
    return tier ? tierName(tier.level, tr, tiers) : id;
  };
  return (
    <Card size="small" title={t('organisation.teams')} data-testid="org-teams">
      <Table<Team>
        size="small"
        rowKey="id"
        pagination={false}
        loading={teams.isPending}
        dataSource={teams.data ?? []}
        locale={{ emptyText: t('organisation.noTeams') }}
        columns={[
          { title: t('organisation.name'), dataIndex: 'name' },
          {
            title: t('organisation.tier'),
            render: (_: unknown, x) => <Tag color="purple">{tierOf(x.tierId)}</Tag>,
          },
        ]}
      />
      {admin ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Input
            id="org-team-name"
            placeholder={t('organisation.teamName')}
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Select
            id="org-team-tier"
            style={{ width: 160 }}
            placeholder={t('organisation.tier')}
            value={tierId}
            onChange={setTierId}
            options={tiers.map((x) => ({ value: x.id, label: tierName(x.level, tr, tiers) }))}
          />
          <Button
            type="primary"
            disabled={!name.trim() || !tierId}
            loading={create.isPending}
            onClick={() =>
              tierId &&
              create.mutate(
                { name: name.trim(), tierId },
                {
                  onSuccess: (x) => {
                    setName('');
                    void message.success(t('organisation.created', { name: x.name }));
                  },
                },
              )
            }
          >
            {t('organisation.addTeam')}
          </Button>
        </Space>
      ) : null}
      {create.error ? (
        <RefusalAlert refusal={asApiError(create.error)} onClose={() => create.reset()} />
      ) : null}
    </Card>
  );
}

export default function OrganisationPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const tiers = useTiers();
  const admin = me.user.role === 'admin';
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  return (
    <div className="tousu-page" data-testid="organisation-page">
      <Card size="small" title={t('organisation.tiers')} style={{ marginBottom: 12 }}>
        <Space wrap>
          {(tiers.data ?? []).map((x) => (
            <Tag key={x.id} color="purple">
              {x.level}. {tierName(x.level, tr, tiers.data ?? [])}
            </Tag>
          ))}
        </Space>
        <div className="tousu-muted" style={{ marginTop: 6 }}>
          {t('organisation.tiersHelp')}
        </div>
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <DepartmentsCard admin={admin} />
        </Col>
        <Col xs={24} lg={12}>
          <TeamsCard admin={admin} tiers={tiers.data ?? []} />
        </Col>
      </Row>
    </div>
  );
}
