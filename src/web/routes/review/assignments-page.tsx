import { AuditOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Modal, Radio, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeclare, useMyAssignments, type MyAssignment } from '../../features/review-panels/api';
import '../../features/review-panels/i18n';

const STATUS_COLOR: Record<string, string> = { pending: 'gold', accepted: 'blue', submitted: 'green', conflict: 'red' };
const KINDS = ['same-unit', 'former-employer', 'relative', 'other'] as const;

/**
 * /app/assignments — the expert's assignments: what to declare, what to score, what is done. An application opens
 * only after the conflict-of-interest declaration (回避; 京兴人社发〔2025〕21号 第十一条 organises the experts).
 */
export default function AssignmentsPage() {
  const { t } = useTranslation();
  const mine = useMyAssignments();
  const [declaring, setDeclaring] = useState<MyAssignment | null>(null);
  useEffect(() => {
    document.title = `${t('reviewPanels.mine.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const items = mine.data?.items ?? [];
  const todo = items.filter((a) => a.status === 'pending' || a.status === 'accepted');
  const done = items.filter((a) => a.status === 'submitted' || a.status === 'conflict');
  const c = mine.data?.counts;

  const columns = (withAction: boolean) => [
    { title: t('reviewPanels.mine.col.number'), dataIndex: 'number', width: 150, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('reviewPanels.mine.col.call'), dataIndex: 'callTitle' },
    {
      title: t('reviewPanels.mine.col.unit'),
      dataIndex: 'unitName',
      render: (v: string, a: MyAssignment) => (
        <div>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.unitCreditCode}</Typography.Text>
        </div>
      ),
    },
    { title: t('reviewPanels.mine.col.leader'), dataIndex: 'leaderName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('reviewPanels.mine.col.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    {
      title: t('reviewPanels.mine.col.status'),
      dataIndex: 'status',
      width: 140,
      render: (v: string, a: MyAssignment) => (
        <>
          <Tag color={STATUS_COLOR[v]} data-testid="assignment-status">{a.statusName}</Tag>
          {a.conflict && <div style={{ fontSize: 12 }}>{t(`reviewPanels.mine.kinds.${a.conflict.kind}`)}</div>}
        </>
      ),
    },
    ...(withAction
      ? [
          {
            title: t('reviewPanels.mine.col.action'),
            key: 'a',
            width: 150,
            render: (_: unknown, a: MyAssignment) =>
              a.status === 'pending' ? (
                <Button type="primary" size="small" icon={<AuditOutlined />} onClick={() => setDeclaring(a)} data-testid="declare">
                  {t('reviewPanels.mine.declare')}
                </Button>
              ) : (
                <Link to={`/app/assignments/${a.id}`} data-testid="score-link">
                  <Button size="small">{t('reviewPanels.mine.score')}</Button>
                </Link>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="assignments-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reviewPanels.mine.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reviewPanels.mine.intro')}</Typography.Paragraph>
      {mine.isError && <Alert type="error" showIcon title={t('reviewPanels.common.loadError')} description={(mine.error as Error).message} action={<Button onClick={() => void mine.refetch()}>{t('reviewPanels.common.retry')}</Button>} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(['toDeclare', 'toScore', 'submitted', 'conflict'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small" style={{ borderTop: `3px solid ${k === 'toDeclare' ? '#faad14' : k === 'toScore' ? '#1677ff' : k === 'submitted' ? '#52c41a' : '#a61d24'}` }}>
              <Statistic title={t(`reviewPanels.mine.${k}`)} value={c?.[k] ?? 0} loading={mine.isLoading} data-testid={`count-${k}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={`${t('reviewPanels.mine.pending')}（${todo.length}）`} style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="middle" loading={mine.isLoading} dataSource={todo} columns={columns(true)} pagination={false} locale={{ emptyText: t('reviewPanels.mine.empty') }} scroll={{ x: 900 }} data-testid="todo" />
      </Card>
      <Card title={`${t('reviewPanels.mine.done')}（${done.length}）`}>
        <Table rowKey="id" size="middle" loading={mine.isLoading} dataSource={done} columns={columns(false)} pagination={false} locale={{ emptyText: t('reviewPanels.mine.empty') }} scroll={{ x: 900 }} data-testid="done" />
      </Card>
      {declaring && <DeclarationModal assignment={declaring} onClose={() => setDeclaring(null)} />}
    </div>
  );
}

function DeclarationModal({ assignment: a, onClose }: { assignment: MyAssignment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const declare = useDeclare();
  const [form] = Form.useForm<{ hasConflict: boolean; kind?: (typeof KINDS)[number]; note?: string }>();
  const hasConflict = Form.useWatch('hasConflict', form);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const res = await declare.mutateAsync({ id: a.id, input: v.hasConflict ? { hasConflict: true, kind: v.kind!, ...(v.note ? { note: v.note } : {}) } : { hasConflict: false } });
      message.success(res.message);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const cite = a.citation;
  return (
    <Modal
      open
      width={640}
      title={t('reviewPanels.mine.modalTitle', { number: a.number })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('reviewPanels.mine.submit')}
      cancelText={t('reviewPanels.common.cancel')}
      confirmLoading={declare.isPending}
      okButtonProps={{ 'data-testid': 'declare-submit' } as never}
    >
      <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }}>
        <div>{a.unitName}（{a.unitCreditCode}）</div>
        <div>{t('reviewPanels.mine.col.leader')}：{a.leaderName ?? '—'}</div>
        <div>{t('reviewPanels.mine.col.title')}：{a.title ?? '—'}</div>
      </Card>
      {cite && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('reviewPanels.mine.basis')}：${cite.document} ${cite.article}`}
          description={cite.inferred}
          data-testid="declare-citation"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ hasConflict: false }}>
        <Form.Item name="hasConflict">
          <Radio.Group
            options={[
              { value: false, label: t('reviewPanels.mine.noConflict') },
              { value: true, label: t('reviewPanels.mine.hasConflict') },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            data-testid="declare-choice"
          />
        </Form.Item>
        {hasConflict && (
          <>
            <Form.Item name="kind" label={t('reviewPanels.mine.kind')} rules={[{ required: true, message: '请选择冲突类型' }]}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`reviewPanels.mine.kinds.${k}`) }))} data-testid="declare-kind" />
            </Form.Item>
            <Form.Item name="note" label={t('reviewPanels.mine.note')}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
