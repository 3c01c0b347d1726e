import { FileAddOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api';
import { useCalls, useCreateApplication, useMyApplications, type ApplicationSummary, type CallSummary } from '../../features/applications/api';
import { beijing, Countdown, StatusTag, useNextStep } from '../../features/applications/status';
import '../../features/applications/i18n';
import { ApiError } from '../../lib/http';

const PROGRAM_NAMES: Record<string, string> = { 'studio-recognition': '技能大师工作室认定', 'construction-project': '工作室建设项目' };

/** /app/applications — 我的申报: the unit's applications and the open calls of its jurisdiction. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const apps = useMyApplications();
  const calls = useCalls();
  const nextStep = useNextStep();
  const [starting, setStarting] = useState<CallSummary | null>(null);
  useEffect(() => {
    document.title = `${t('apps.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const jurisdictions = new Set((me?.roles ?? []).filter((r) => r.role === 'applicant').map((r) => r.jurisdiction));
  const openCalls = (calls.data ?? []).filter((c) => c.status === 'open' && jurisdictions.has(c.jurisdiction));
  const started = new Map((apps.data ?? []).map((a) => [a.callId, a]));

  return (
    <div data-testid="applications-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('apps.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('apps.list.intro')}</Typography.Paragraph>

      <Card title={t('apps.list.mine')} style={{ marginBottom: 16 }}>
        {apps.isError ? (
          <Alert type="error" showIcon message={t('apps.list.loadError')} description={(apps.error as Error).message} />
        ) : (
          <Table<ApplicationSummary>
            rowKey="id"
            loading={apps.isLoading}
            dataSource={apps.data ?? []}
            pagination={false}
            data-testid="my-applications"
            locale={{ emptyText: <Empty description={<><div>{t('apps.list.none')}</div><Typography.Text type="secondary">{t('apps.list.noneHint')}</Typography.Text></>} /> }}
            onRow={(a) => ({ onClick: () => navigate(`/app/applications/${a.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('apps.list.number'), dataIndex: 'number', width: 170, render: (n: string, a) => <Link to={`/app/applications/${a.id}`}>{n}</Link> },
              {
                title: t('apps.list.call'),
                dataIndex: 'callTitle',
                render: (title: string, a) => (
                  <div>
                    <div>{title}</div>
                    {a.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.title}</Typography.Text>}
                  </div>
                ),
              },
              { title: t('apps.list.status'), dataIndex: 'status', width: 140, render: (s: string, a) => <StatusTag status={s} name={a.statusName} /> },
              { title: t('apps.list.updated'), dataIndex: 'updatedAt', width: 150, render: (v: string) => beijing(v) },
              { title: t('apps.list.next'), key: 'next', width: 220, render: (_: unknown, a) => <Typography.Text type={a.status === 'returned' ? 'warning' : undefined}>{nextStep(a.status)}</Typography.Text> },
              {
                title: t('apps.list.action'),
                key: 'action',
                width: 100,
                render: (_: unknown, a) => (
                  <Button size="small" type={a.status === 'draft' || a.status === 'returned' ? 'primary' : 'default'} onClick={(e) => { e.stopPropagation(); navigate(`/app/applications/${a.id}`); }}>
                    {a.status === 'draft' || a.status === 'returned' ? t('apps.list.open_') : t('apps.list.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>

      <Card title={t('apps.list.open')} extra={<Typography.Text type="secondary">{t('apps.list.openIntro')}</Typography.Text>}>
        {calls.isError ? (
          <Alert type="error" showIcon message={t('apps.list.loadError')} description={(calls.error as Error).message} />
        ) : (
          <Table<CallSummary>
            rowKey="id"
            loading={calls.isLoading}
            dataSource={openCalls}
            pagination={false}
            data-testid="open-calls"
            locale={{ emptyText: <Empty description={t('apps.list.noCalls')} /> }}
            columns={[
              { title: t('apps.list.call'), dataIndex: 'title', render: (title: string, c) => <Link to={`/calls/${c.id}`}>{title}</Link> },
              { title: t('apps.list.program'), dataIndex: 'program', width: 160, render: (p: string) => <Tag>{PROGRAM_NAMES[p] ?? p}</Tag> },
              { title: t('apps.list.window'), key: 'window', width: 290, render: (_: unknown, c) => `${beijing(c.opensAt)} 至 ${beijing(c.closesAt)}` },
              { title: t('apps.list.closesIn'), key: 'left', width: 130, render: (_: unknown, c) => <Countdown until={c.closesAt} closedText={t('apps.list.closed')} /> },
              {
                title: t('apps.list.action'),
                key: 'action',
                width: 120,
                render: (_: unknown, c) => {
                  const a = started.get(c.id);
                  return a ? (
                    <Button size="small" onClick={() => navigate(`/app/applications/${a.id}`)}>{t('apps.list.continue')}</Button>
                  ) : (
                    <Button type="primary" size="small" icon={<FileAddOutlined />} data-testid={`start-${c.id}`} onClick={() => setStarting(c)}>
                      {t('apps.list.start')}
                    </Button>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      {starting && <StartModal call={starting} onClose={() => setStarting(null)} />}
    </div>
  );
}

/** Starts an application: 大兴 第十条 — a recognised studio files the project only; a new one files both together. */
function StartModal({ call, onClose }: { call: CallSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateApplication();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [recognized, setRecognized] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const asksRecognition = call.program === 'construction-project';
  const submit = async () => {
    setError(null);
    try {
      const app = await create.mutateAsync({ callId: call.id, studioRecognized: asksRecognition ? recognized : false });
      message.success(t('apps.list.started', { number: app.number }));
      navigate(`/app/applications/${app.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal open title={t('apps.list.startTitle', { title: call.title })} onCancel={onClose} onOk={submit} okText={t('apps.list.start')} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'start-confirm' } as never} width={620}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text>
          {t('apps.list.window')}：{beijing(call.opensAt)} — {beijing(call.closesAt)}{t('apps.ws.bjt')}
        </Typography.Text>
        {asksRecognition && (
          <>
            <Typography.Text strong>{t('apps.list.mode')}</Typography.Text>
            <Radio.Group value={recognized} onChange={(e) => setRecognized(e.target.value)} data-testid="start-mode">
              <Space direction="vertical">
                <Radio value={true} data-testid="mode-recognized">{t('apps.list.modeRecognized')}</Radio>
                <Radio value={false} data-testid="mode-together">{t('apps.list.modeTogether')}</Radio>
              </Space>
            </Radio.Group>
            {call.jurisdiction === 'daxing' && <Alert type="info" showIcon message={t('apps.list.recognizedHelp')} />}
          </>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="start-error" />}
      </Space>
    </Modal>
  );
}
