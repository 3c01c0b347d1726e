import { ArrowLeftOutlined, CheckCircleFilled, ClockCircleOutlined, ExclamationCircleOutlined, FilePdfOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, List, Result, Skeleton, Space, Tabs, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { dossierUrl, useApplication, useEditionForms, type ApplicationDetail } from '../../features/applications/api';
import { PaperDossierBanner } from '../../features/applications/paper-dossier';
import { EligibilityTab } from '../../features/applications/eligibility-tab';
import { FormTab } from '../../features/applications/form-tab';
import { checklistProgress, MaterialsTab } from '../../features/applications/materials-tab';
import { beijing, Countdown, StatusTag } from '../../features/applications/status';
import { SubmitTab } from '../../features/applications/submit-tab';
import { TimelineTab } from '../../features/applications/timeline-tab';
import type { RenderableForm } from '../../features/forms/form-renderer';
import '../../features/applications/i18n';
import { ApiError } from '../../lib/http';

/** A form's short name for its tab: the words after the program's name (工作计划书, 申报书, 申报表). */
function shortTitle(title: string) {
  const m = /技能大师工作室(?:建设项目)?(.{2,})$/.exec(title);
  return m ? m[1] : title;
}

/** /app/applications/:id — the application workspace of the applicant unit. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useApplication(id);
  useEffect(() => {
    document.title = `${q.data?.number ?? t('apps.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [q.data?.number, t]);
  if (q.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (q.isError || !q.data) {
    const e = q.error;
    return (
      <Result
        status={e instanceof ApiError && e.status === 404 ? '404' : 'error'}
        title={e instanceof ApiError && e.status === 404 ? t('apps.ws.notFound') : t('apps.list.loadError')}
        subTitle={e instanceof Error ? e.message : undefined}
        extra={<Link to="/app/applications">{t('apps.ws.back')}</Link>}
      />
    );
  }
  return <Workspace app={q.data} />;
}

function Workspace({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const edition = useEditionForms(app.editionId, app.program);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (app.status === 'draft' ? (app.forms[0] ? `form:${app.forms[0].id}` : 'materials') : app.status === 'returned' ? firstCorrectionTab(app) : 'submit');
  const setTab = (key: string) => setParams((p) => { p.set('tab', key); return p; }, { replace: true });
  const [showAll, setShowAll] = useState<Set<string>>(new Set());
  const [downloading, setDownloading] = useState(false);
  const flushers = useRef(new Map<string, () => Promise<void>>());
  const registerFlush = useCallback((formId: string, fn: (() => Promise<void>) | null) => {
    if (fn) flushers.current.set(formId, fn);
    else flushers.current.delete(formId);
  }, []);
  const flushAll = useCallback(async () => {
    await Promise.all([...flushers.current.values()].map((f) => f()));
  }, []);

  // 补正: the open round's items, keyed `form:<id>` / `material:<id>`.
  const openRound = app.status === 'returned' ? app.corrections.find((c) => c.round === app.round) : undefined;
  const correctionMap = useMemo(() => new Map((openRound?.items ?? []).map((i) => [`${i.kind}:${i.id}`, i.comment])), [openRound]);

  /** From a missing-list key (forms.<id>.<path> / materials.<id>) to its tab. */
  const go = (key: string) => {
    const [kind, itemId, ...rest] = key.split('.');
    if (kind === 'forms' && itemId) {
      setShowAll((s) => new Set(s).add(itemId));
      setTab(`form:${itemId}`);
      const path = rest.join('.');
      if (path && path !== '_') {
        const testId = `field-${path.replace(/\[(\d+)\]\./g, '-$1-')}`;
        setTimeout(() => document.querySelector(`[data-testid="form-tab-${itemId}"] [data-testid="${testId}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' }), 150);
      }
    } else if (kind === 'materials') {
      setTab('materials');
      setTimeout(() => document.querySelector(`[data-testid="material-${itemId}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' }), 100);
    }
  };

  const downloadDossier = async () => {
    setDownloading(true);
    try {
      const res = await fetch(dossierUrl(app.id), { credentials: 'same-origin' });
      if (res.status === 404) {
        const body = await res.json().catch(() => undefined);
        message.warning(body?.error?.code && body.error.code !== 'NOT_FOUND' && body.error.code !== 'ROUTE_NOT_FOUND' ? body.error.message : t('apps.ws.dossierMissing'));
        return;
      }
      if (!res.ok) {
        const body = await res.json().catch(() => undefined);
        message.error(body?.error?.message ?? `HTTP ${res.status}`);
        return;
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${app.number}-申报书.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setDownloading(false);
    }
  };

  const schemas = new Map<string, RenderableForm>((edition.data?.forms ?? []).map((f) => [f.id, f]));
  const progress = checklistProgress(app);
  const icon = (done: boolean) => (done ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ExclamationCircleOutlined style={{ color: '#bfbfbf' }} />);

  const items = [
    { key: 'eligibility', label: t('apps.ws.tabEligibility'), children: <EligibilityTab app={app} /> },
    ...app.forms.map((f) => {
      const schema = schemas.get(f.id);
      const fix = correctionMap.get(`form:${f.id}`);
      return {
        key: `form:${f.id}`,
        label: (
          <Tooltip title={f.title}>
            <Space size={4} data-testid={`tab-form-${f.id}`}>
              {fix ? <ExclamationCircleOutlined style={{ color: '#faad14' }} /> : icon(f.complete)}
              {i18n.language === 'en-US' && schema ? schema.title.en.replace(/^.*?studio (construction project )?/i, '').replace(/^./, (c) => c.toUpperCase()) : shortTitle(f.title)}
            </Space>
          </Tooltip>
        ),
        children: edition.isLoading ? (
          <Skeleton active />
        ) : !schema ? (
          <Alert type="error" showIcon message={edition.error ? (edition.error as Error).message : `${f.title}`} />
        ) : (
          <FormTab application={app} form={f} schema={schema} active={tab === `form:${f.id}`} showAll={showAll.has(f.id)} correctionComment={fix} registerFlush={registerFlush} />
        ),
      };
    }),
    {
      key: 'materials',
      label: (
        <Space size={4} data-testid="tab-materials">
          {icon(progress.done === progress.total)}
          {t('apps.ws.tabMaterials')}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {progress.done}/{progress.total}
          </Typography.Text>
        </Space>
      ),
      children: <MaterialsTab app={app} onOpenForm={(formId) => setTab(`form:${formId}`)} corrections={correctionMap} />,
    },
    { key: 'submit', label: <span data-testid="tab-submit">{t('apps.ws.tabSubmit')}</span>, children: <SubmitTab app={app} onGo={go} flush={flushAll} /> },
    { key: 'timeline', label: <span data-testid="tab-timeline">{t('apps.ws.tabTimeline')}</span>, children: <TimelineTab app={app} /> },
  ];

  return (
    <div data-testid="application-page">
      <Link to="/app/applications" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('apps.ws.back')}
      </Link>
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 8 } }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
          <div>
            <Space align="center" size="middle">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="application-number">
                {app.number}
              </Typography.Title>
              <StatusTag status={app.status} name={app.statusName} />
              {!app.editable && (
                <Typography.Text type="secondary">
                  <LockOutlined /> {t('apps.ws.readOnlyTitle')}
                </Typography.Text>
              )}
            </Space>
            <Typography.Paragraph style={{ margin: '4px 0 0' }}>{app.callTitle}</Typography.Paragraph>
            {app.title && <Typography.Text type="secondary">{app.title}</Typography.Text>}
          </div>
          <Button icon={<FilePdfOutlined />} onClick={downloadDossier} loading={downloading} data-testid="download-dossier">
            {t('apps.ws.dossier')}
          </Button>
        </div>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('apps.ws.unit')}>{app.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('apps.ws.closesAt')}>
            <span data-testid="closes-at">{beijing(app.call.closesAt)}{t('apps.ws.bjt')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={<span><ClockCircleOutlined /> {t('apps.ws.countdown')}</span>}>
            {app.call.status === 'upcoming' ? t('apps.ws.notOpen') : <Countdown until={app.call.closesAt} closedText={t('apps.ws.closed')} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('apps.ws.submittedAt')}>{beijing(app.submittedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      {openRound && (
        <Alert
          type="warning"
          showIcon
          data-testid="correction-banner"
          style={{ marginBottom: 16 }}
          message={t('apps.correction.title', { round: openRound.round })}
          description={
            <>
              <div style={{ marginBottom: 4 }}>{t('apps.correction.deadline', { date: openRound.deadline })}</div>
              <List
                size="small"
                dataSource={openRound.items}
                renderItem={(i) => {
                  const title = i.kind === 'form' ? app.forms.find((f) => f.id === i.id)?.title : app.checklist.find((c) => c.id === i.id)?.title;
                  return (
                    <List.Item
                      style={{ paddingInline: 0 }}
                      actions={[<Button key="go" size="small" type="link" onClick={() => (i.kind === 'form' ? setTab(`form:${i.id}`) : go(`materials.${i.id}`))}>{t('apps.correction.go')}</Button>]}
                    >
                      <Space direction="vertical" size={0}>
                        <Typography.Text strong>
                          {i.kind === 'form' ? t('apps.correction.form') : t('apps.correction.material')}：{title ?? i.id}
                        </Typography.Text>
                        <Typography.Text>{i.comment}</Typography.Text>
                      </Space>
                    </List.Item>
                  );
                }}
              />
            </>
          }
        />
      )}
      <PaperDossierBanner app={app} />
      {!app.editable && app.status !== 'returned' && <Alert type="info" showIcon icon={<LockOutlined />} message={t('apps.ws.readOnly')} style={{ marginBottom: 16 }} data-testid="read-only-banner" />}

      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs activeKey={tab} onChange={setTab} items={items} />
      </Card>
    </div>
  );
}

function firstCorrectionTab(app: ApplicationDetail) {
  const round = app.corrections.find((c) => c.round === app.round);
  const first = round?.items[0];
  if (!first) return 'submit';
  return first.kind === 'form' ? `form:${first.id}` : 'materials';
}
