import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, List, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import { templateHref, useCall, useCallTemplates } from '../../features/calls/api';
import { beijingTime, CallStatusTag, Countdown } from '../../features/calls/parts';
import { usePolicy } from '../../features/policies/api';
import { pick, toParagraphs } from '../../features/policies/format';
import { MaterialsTable, StagesView } from '../../features/policies/parts';
import { ApiError } from '../../lib/http';

/**
 * /calls/:id — one call: the notice, window (Beijing time, exact close), quota, contacts, the program's materials
 * checklist and stages from its policy edition, blank forms to download, and the way to apply.
 */
export default function CallDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const call = useCall(id);
  const edition = usePolicy(call.data?.policyId);
  const templates = useCallTemplates(call.data ? id : undefined);
  const me = useMe();
  useEffect(() => {
    if (call.data) document.title = `${call.data.title} - 匠心 技能大师工作室服务平台`;
  }, [call.data]);
  const notice = useMemo(() => toParagraphs(call.data?.noticeText ?? ''), [call.data?.noticeText]);

  if (call.isLoading)
    return (
      <main className="jx-main">
        <Skeleton active paragraph={{ rows: 10 }} />
      </main>
    );
  if (call.error || !call.data) {
    const notFound = call.error instanceof ApiError && (call.error.status === 404 || call.error.status === 400);
    return (
      <main className="jx-main">
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('pubCalls.detail.notFound') : (call.error as Error | null)?.message}
          extra={
            <Link to="/calls">
              <Button type="primary">{t('pubCalls.detail.back')}</Button>
            </Link>
          }
        />
      </main>
    );
  }
  const c = call.data;
  const program = edition.data?.programs.find((p) => p.id === c.program);
  const applyTo = me.data ? '/app/applications' : `/login?next=${encodeURIComponent('/app/applications')}`;
  const apply =
    c.status === 'open' ? (
      <Link to={applyTo} data-testid="call-apply">
        <Button type="primary" size="large">
          {t('pubCalls.detail.apply')}
        </Button>
      </Link>
    ) : (
      <Button size="large" disabled data-testid="call-apply">
        {t(c.status === 'closed' ? 'pubCalls.detail.applyClosed' : 'pubCalls.detail.applyUpcoming')}
      </Button>
    );

  return (
    <main className="jx-main" data-testid="call-detail">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/calls">{t('pubCalls.detail.back')}</Link> }, { title: c.title }]} />
      <Card style={{ marginBottom: 16 }}>
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div style={{ maxWidth: 820 }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {c.title} <CallStatusTag status={c.status} />
            </Typography.Title>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('pubCalls.detail.basis')}>
                <Link to={`/policies/${c.policyId}`}>{c.documentNumber}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('pubCalls.columns.program')}>
                {program ? pick(program.title, lang) : t(`pubCalls.programs.${c.program}`, { defaultValue: c.program })}
              </Descriptions.Item>
              <Descriptions.Item label={t('pubCalls.detail.window')} span={2}>
                <span data-testid="call-window">
                  {beijingTime(c.opensAt)} — {beijingTime(c.closesAt)}
                  {t('pubCalls.beijing')}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('pubCalls.detail.quota')}>
                {c.quota === null ? t('pubCalls.quotaNone') : t('pubCalls.quotaValue', { n: c.quota })}
              </Descriptions.Item>
              {c.projectsCloseBy && <Descriptions.Item label={t('pubCalls.detail.projectsCloseBy')}>{c.projectsCloseBy}</Descriptions.Item>}
            </Descriptions>
          </div>
          <Space direction="vertical" align="end">
            {c.status === 'open' && <Countdown to={c.closesAt} />}
            {c.status === 'upcoming' && <Countdown to={c.opensAt} kind="open" />}
            {apply}
            {!me.data && c.status === 'open' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pubCalls.detail.loginHint')}
              </Typography.Text>
            )}
            <Link to={`/self-check?policy=${c.policyId}&program=${c.program}`}>{t('pubCalls.detail.selfCheck')}</Link>
          </Space>
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('pubCalls.detail.notice')}>
            <div data-testid="call-notice" style={{ maxHeight: 560, overflow: 'auto', paddingRight: 8 }}>
              {notice.map((p, i) => (
                <p key={i} style={{ lineHeight: 1.9, margin: '0 0 6px', textIndent: p.kind === 'heading' ? 0 : '2em', fontWeight: p.kind === 'heading' ? 600 : 400 }}>
                  {p.text}
                </p>
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('pubCalls.detail.contacts')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={c.contacts}
              renderItem={(ct) => (
                <List.Item>
                  <div>
                    {ct.name && <Typography.Text strong>{ct.name}</Typography.Text>}
                    <div>
                      {t('pubCalls.detail.phone')}{ct.phone}
                    </div>
                    {ct.address && (
                      <div>
                        <Typography.Text type="secondary">
                          {t('pubCalls.detail.address')}{ct.address}
                        </Typography.Text>
                      </div>
                    )}
                    {ct.hours && (
                      <div>
                        <Typography.Text type="secondary">
                          {t('pubCalls.detail.hours')}{ct.hours}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                </List.Item>
              )}
            />
          </Card>
          {templates.data && templates.data.length > 0 && (
            <Card title={t('pubCalls.detail.templates')} style={{ marginBottom: 16 }} data-testid="call-templates">
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('pubCalls.detail.templatesHint')}
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={templates.data}
                renderItem={(tp) => (
                  <List.Item
                    actions={[
                      <a key="dl" href={tp.url ?? templateHref(c.id, tp.id)} download data-testid="call-template-link">
                        <DownloadOutlined /> PDF
                      </a>,
                    ]}
                  >
                    <Space>
                      <FilePdfOutlined style={{ color: '#a61d24' }} />
                      <span>
                        {tp.title}
                        {tp.annex && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {' '}
                            （{tp.annex}）
                          </Typography.Text>
                        )}
                      </span>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          )}
          <Card title={t('pubCalls.detail.stages')} data-testid="call-stages">
            {program ? <StagesView stages={program.stages} policyId={c.policyId} compact /> : <Skeleton active />}
            <Link to={`/policies/${c.policyId}`}>{t('pubCalls.detail.policy')}</Link>
          </Card>
        </Col>
      </Row>
          <Card title={t('pubCalls.detail.materials')} data-testid="call-materials" style={{ marginTop: 16 }}>
            {edition.isLoading ? (
              <Skeleton active />
            ) : edition.error ? (
              <Alert type="error" showIcon message={(edition.error as Error).message} />
            ) : program ? (
              <>
                <Typography.Paragraph type="secondary">{t('pubCalls.detail.materialsHint', { doc: c.documentNumber })}</Typography.Paragraph>
                <MaterialsTable materials={program.materials} policyId={c.policyId} />
              </>
            ) : null}
          </Card>
    </main>
  );
}
