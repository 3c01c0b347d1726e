import { Alert, App, Button, Card, Col, Descriptions, Drawer, Empty, Form, Input, Modal, Radio, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';
import { STATUS_COLORS, useDismiss, useRevocationCase, useRevoke, type RevocationCaseDetail } from '../../features/revocation/api';
import '../../features/revocation/i18n';
import { ApiError } from '../../lib/http';
import { formatShanghaiInstant } from '../../../shared/time';

const HISTORY_COLORS: Record<string, string> = { 'leader-stopped': 'red', 'unit-left-jurisdiction': 'red', revoked: 'red', recognised: 'green', title: 'gold' };

/** A value of the facts' details in words (arrays of years, rounds, applications). */
function detailValue(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x ? Object.values(x as Record<string, unknown>).filter((y) => typeof y !== 'object').join(' ') : String(x))).join('；');
  if (typeof v === 'object' && v) return JSON.stringify(v);
  return String(v);
}

/** /app/revocations/:id — one case: facts, the article's text, the studio's history; the officer decides. */
export default function RevocationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useRevocationCase(id);
  const me = useMe();
  const [deciding, setDeciding] = useState(false);
  const isProgram = !!me.data?.roles.some((r) => r.role === 'program' && r.jurisdiction === q.data?.jurisdiction);
  useEffect(() => {
    document.title = `${q.data?.studioName ?? t('revocation.title')} - ${t('revocation.title')} - 匠心`;
  }, [q.data, t]);

  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isLoading || !q.data) return <Skeleton active />;
  const c = q.data;
  const details = Object.entries(c.details).filter(([k]) => k !== 'key' && k !== 'evidence' && k !== 'historyId');

  return (
    <div data-testid="revocation-page">
      <Link to="/app/revocations">← {t('revocation.detail.back')}</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }} align="start">
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {c.studioName}
          </Typography.Title>
          <Space wrap style={{ marginTop: 4 }}>
            <Tag color={STATUS_COLORS[c.status]} data-testid="case-status">
              {t(`revocation.status.${c.status}`)}
            </Tag>
            <Tag color={c.raisedBy === 'system' ? 'blue' : 'purple'}>{t(`revocation.raisedBy.${c.raisedBy}`)}</Tag>
            <Typography.Text type="secondary">{c.citation}</Typography.Text>
          </Space>
        </Space>
        {c.status === 'open' &&
          (isProgram ? (
            <Button type="primary" danger onClick={() => setDeciding(true)} data-testid="decide">
              {t('revocation.detail.decide')}
            </Button>
          ) : (
            <Tag>{t('revocation.detail.readOnly')}</Tag>
          ))}
      </Space>
      {c.studioStatus === 'revoked' && (
        <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('revocation.detail.studioRevoked', { on: c.studio.revokedOn ?? '', article: c.studio.revocationArticle ?? '' })} />
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={15}>
          <Card title={c.trigger} style={{ marginBottom: 16 }}>
            <Typography.Paragraph>
              <Typography.Text strong>{t('revocation.detail.articleText')}：</Typography.Text>
              {c.articleText}（{c.citation}）
            </Typography.Paragraph>
            {c.definition && (
              <Typography.Paragraph type="secondary">
                {t('revocation.detail.definition')}：{c.definition}
              </Typography.Paragraph>
            )}
            {c.inferred && <Alert type="warning" showIcon title={t('revocation.detail.inferred')} description={c.inferred} style={{ marginBottom: 12 }} />}
            <Typography.Title level={5}>{t('revocation.detail.facts')}</Typography.Title>
            <Typography.Paragraph data-testid="case-facts">{c.summary}</Typography.Paragraph>
            {typeof c.details.evidence === 'string' && (
              <>
                <Typography.Title level={5}>{t('revocation.detail.evidence')}</Typography.Title>
                <Typography.Paragraph>{c.details.evidence}</Typography.Paragraph>
              </>
            )}
            {details.length > 0 && (
              <Descriptions size="small" column={1} bordered title={t('revocation.detail.details')}>
                {details.map(([k, v]) => (
                  <Descriptions.Item key={k} label={t(`revocation.detailNames.${k}`, { defaultValue: k })}>
                    {detailValue(v)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
          {c.status !== 'open' && (
            <Card title={t('revocation.detail.decision')} style={{ marginBottom: 16 }} data-testid="case-decision">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('revocation.col.status')}>
                  <Tag color={STATUS_COLORS[c.status]}>{t(`revocation.status.${c.status}`)}</Tag>
                </Descriptions.Item>
                {c.decisionDocument && <Descriptions.Item label={t('revocation.detail.document')}>{c.decisionDocument}</Descriptions.Item>}
                <Descriptions.Item label={t('revocation.detail.reason')}>{c.decisionReason ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('revocation.detail.decidedBy')}>{c.decidedByName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('revocation.detail.decidedAt')}>{c.decidedAt ? `${formatShanghaiInstant(c.decidedAt)}（北京时间）` : '—'}</Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('revocation.detail.unit')}>{c.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('revocation.detail.leader')}>{c.leaderName}</Descriptions.Item>
              <Descriptions.Item label={t('revocation.detail.recognizedOn')}>{c.studio.recognizedOn}</Descriptions.Item>
              <Descriptions.Item label={t('revocation.detail.plaque')}>{c.studio.plaqueNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('revocation.detail.raised')}>
                {c.raisedOn} {t(`revocation.raisedBy.${c.raisedBy}`)}
                {c.raisedByName ? `（${c.raisedByName}）` : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('revocation.detail.history')} style={{ marginBottom: 16 }}>
            {c.history.length ? (
              <Timeline
                data-testid="case-history"
                items={c.history.map((h) => ({
                  color: HISTORY_COLORS[h.kind] ?? 'blue',
                  content: (
                    <div data-testid={`history-${h.kind}`}>
                      <Typography.Text strong>{h.happenedOn}</Typography.Text> <Tag color={HISTORY_COLORS[h.kind]}>{t(`revocation.kind.${h.kind}`, { defaultValue: h.kind })}</Tag>
                      {h.note && <div>{h.note}</div>}
                      {h.citation && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {h.citation}
                        </Typography.Text>
                      )}
                    </div>
                  ),
                }))}
              />
            ) : (
              <Empty description={t('revocation.detail.noHistory')} />
            )}
          </Card>
          {c.otherCases.length > 0 && (
            <Card title={t('revocation.detail.others')}>
              {c.otherCases.map((o) => (
                <div key={o.id} style={{ marginBottom: 8 }}>
                  <Link to={`/app/revocations/${o.id}`}>{o.trigger}</Link> <Tag color={STATUS_COLORS[o.status]}>{t(`revocation.status.${o.status}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.citation} · {o.raisedOn}
                  </Typography.Text>
                </div>
              ))}
            </Card>
          )}
        </Col>
      </Row>
      {isProgram && c.status === 'open' && <DecideDrawer c={c} open={deciding} onClose={() => setDeciding(false)} />}
    </div>
  );
}

/** The decision: revoke (reason + document, then a second confirmation) or dismiss (reason). */
function DecideDrawer({ c, open, onClose }: { c: RevocationCaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ action: 'revoke' | 'dismiss'; reason: string; document?: string }>();
  const action = Form.useWatch('action', form) ?? 'revoke';
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevoke();
  const dismiss = useDismiss();

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, err]) => ({ name: name as 'reason', errors: [err] })));
    else message.error(e instanceof Error ? e.message : String(e));
  };
  const next = async () => {
    const v = await form.validateFields();
    if (v.action === 'revoke') return setConfirming(true);
    try {
      await dismiss.mutateAsync({ id: c.id, reason: v.reason, version: c.version });
      message.success(t('revocation.decide.dismissed'));
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  const confirmRevoke = async () => {
    const v = form.getFieldsValue();
    try {
      await revoke.mutateAsync({ id: c.id, reason: v.reason, document: v.document ?? '', version: c.version });
      message.success(t('revocation.decide.revoked'));
      setConfirming(false);
      onClose();
    } catch (e) {
      setConfirming(false);
      fail(e);
    }
  };

  return (
    <Drawer
      title={t('revocation.decide.title')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Button type="primary" danger={action === 'revoke'} onClick={() => void next()} loading={dismiss.isPending} data-testid="decide-next">
          {action === 'revoke' ? t('revocation.decide.next') : t('revocation.decide.submitDismiss')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {c.trigger}（{c.citation}）
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ action: 'revoke' }} data-testid="decide-form">
        <Form.Item name="action" label={t('revocation.decide.action')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'revoke', label: t('revocation.decide.revoke') },
              { value: 'dismiss', label: t('revocation.decide.dismiss') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('revocation.decide.reason')}
          rules={[{ required: true, min: action === 'revoke' ? 10 : 4, message: action === 'revoke' ? t('revocation.decide.reasonRevoke') : t('revocation.decide.reasonDismiss') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={action === 'revoke' ? t('revocation.decide.reasonRevoke') : t('revocation.decide.reasonDismiss')} data-testid="decide-reason" />
        </Form.Item>
        {action === 'revoke' && (
          <Form.Item name="document" label={t('revocation.decide.document')} rules={[{ required: true, min: 4, message: t('revocation.decide.documentPlaceholder') }]}>
            <Input maxLength={100} placeholder={t('revocation.decide.documentPlaceholder')} data-testid="decide-document" />
          </Form.Item>
        )}
      </Form>
      <Modal
        open={confirming}
        title={t('revocation.decide.confirmTitle', { name: c.studioName })}
        okText={t('revocation.decide.confirm')}
        cancelText={t('revocation.decide.back')}
        okButtonProps={{ danger: true, loading: revoke.isPending, ...({ 'data-testid': 'confirm-revoke' } as Record<string, string>) }}
        onOk={() => void confirmRevoke()}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>{t('revocation.decide.confirmBody', { plaque: c.studio.plaqueNumber ? `（${c.studio.plaqueNumber}）` : '' })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {c.citation}：{c.trigger}
        </Typography.Paragraph>
      </Modal>
    </Drawer>
  );
}
