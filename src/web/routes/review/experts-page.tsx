import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Drawer, Flex, Form, Input, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/api';
import { useExperts, useSaveExpert, type Expert, type ExpertInput } from '../../features/review-panels/api';
import '../../features/review-panels/i18n';
import { ApiError } from '../../lib/http';

/** /app/experts — the jurisdiction's expert pool (评审专家库): search, add, edit. The inspector reads only. */
export default function ExpertsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = !!me.data?.roles.some((r) => r.role === 'program');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<string>('');
  const list = useExperts({ q: search, active });
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  useEffect(() => {
    document.title = `${t('reviewPanels.experts.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  return (
    <div data-testid="experts-page">
      <Flex justify="space-between" align="flex-end" wrap gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('reviewPanels.experts.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('reviewPanels.experts.intro')}</Typography.Text>
        </div>
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="expert-add">
            {t('reviewPanels.experts.add')}
          </Button>
        ) : (
          <Tag>{t('reviewPanels.experts.readOnly')}</Tag>
        )}
      </Flex>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            style={{ maxWidth: 360 }}
            placeholder={t('reviewPanels.experts.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setSearch(v)}
            data-testid="expert-search"
          />
          <Segmented
            value={active}
            onChange={(v) => setActive(String(v))}
            options={[
              { label: t('reviewPanels.experts.filterAll'), value: '' },
              { label: t('reviewPanels.experts.filterActive'), value: 'true' },
              { label: t('reviewPanels.experts.filterInactive'), value: 'false' },
            ]}
          />
        </Flex>
        {list.isError && <Alert type="error" showIcon title={t('reviewPanels.common.loadError')} description={(list.error as Error).message} style={{ marginBottom: 16 }} />}
        <Table<Expert>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('reviewPanels.experts.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          columns={[
            { title: t('reviewPanels.experts.col.name'), dataIndex: 'name', width: 110, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            {
              title: t('reviewPanels.experts.col.employer'),
              dataIndex: 'employer',
              width: 240,
              render: (v: string, e) => (
                <div>
                  <div>{v}</div>
                  {e.employerCreditCode && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.employerCreditCode}</Typography.Text>}
                </div>
              ),
            },
            { title: t('reviewPanels.experts.col.title'), dataIndex: 'title', width: 180, render: (v: string | null) => v ?? '—' },
            { title: t('reviewPanels.experts.col.fields'), dataIndex: 'fields', render: (v: string[]) => v.map((f) => <Tag key={f} color="blue">{f}</Tag>) },
            {
              title: t('reviewPanels.experts.col.former'),
              dataIndex: 'formerEmployers',
              render: (v: Expert['formerEmployers']) => (v.length ? v.map((f) => <div key={f.name + f.until} style={{ fontSize: 12 }}>{f.name}（{f.until} 离职）</div>) : '—'),
            },
            { title: t('reviewPanels.experts.col.account'), dataIndex: 'username', width: 110, render: (v: string | null) => v ?? <Typography.Text type="warning">{t('reviewPanels.experts.noAccount')}</Typography.Text> },
            { title: t('reviewPanels.experts.col.active'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('reviewPanels.experts.active')}</Tag> : <Tag>{t('reviewPanels.experts.inactive')}</Tag>) },
            ...(canEdit
              ? [{ title: t('reviewPanels.experts.col.action'), key: 'a', width: 80, render: (_: unknown, e: Expert) => <Button size="small" onClick={() => setEditing(e)}>{t('reviewPanels.common.edit')}</Button> }]
              : []),
          ]}
        />
      </Card>
      {editing && <ExpertDrawer expert={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function ExpertDrawer({ expert, onClose }: { expert: Expert | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const save = useSaveExpert();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    const input: ExpertInput = {
      name: v.name,
      employer: v.employer,
      employerCreditCode: v.employerCreditCode || null,
      title: v.title || null,
      phone: v.phone || null,
      fields: v.fields ?? [],
      formerEmployers: (v.formerEmployers ?? []).map((f: { name: string; creditCode?: string; until: string }) => ({ name: f.name, creditCode: f.creditCode || null, until: f.until })),
      username: v.username || null,
      active: v.active,
    };
    setError(null);
    try {
      await save.mutateAsync({ id: expert?.id, input });
      message.success(t('reviewPanels.experts.saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        form.setFields(Object.entries(e.fields).map(([k, msg]) => ({ name: k.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [msg] })));
      }
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Drawer
      open
      size={640}
      title={expert ? t('reviewPanels.experts.drawerEdit') : t('reviewPanels.experts.drawerNew')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('reviewPanels.common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="expert-save">
            {t('reviewPanels.common.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          expert
            ? { ...expert, formerEmployers: expert.formerEmployers.map((f) => ({ ...f, creditCode: f.creditCode ?? '' })) }
            : { fields: [], formerEmployers: [], active: true }
        }
      >
        <Form.Item name="name" label={t('reviewPanels.experts.f.name')} rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} data-testid="expert-name" />
        </Form.Item>
        <Form.Item name="employer" label={t('reviewPanels.experts.f.employer')} rules={[{ required: true, message: '请填写现工作单位' }]}>
          <Input maxLength={100} data-testid="expert-employer" />
        </Form.Item>
        <Form.Item name="employerCreditCode" label={t('reviewPanels.experts.f.employerCreditCode')} extra={t('reviewPanels.experts.f.employerCreditCodeHelp')}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="title" label={t('reviewPanels.experts.f.title')} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('reviewPanels.experts.f.phone')} style={{ flex: 1 }}>
            <Input maxLength={13} />
          </Form.Item>
        </Flex>
        <Form.Item name="fields" label={t('reviewPanels.experts.f.fields')} extra={t('reviewPanels.experts.f.fieldsHelp')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} data-testid="expert-fields" />
        </Form.Item>
        <Typography.Text strong>{t('reviewPanels.experts.f.former')}</Typography.Text>
        <Form.List name="formerEmployers">
          {(items, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {items.map((item) => (
                <Flex key={item.key} gap={8} align="baseline">
                  <Form.Item name={[item.name, 'name']} rules={[{ required: true, message: '请填写单位名称' }]} style={{ flex: 2 }}>
                    <Input placeholder={t('reviewPanels.experts.f.formerName')} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'creditCode']} style={{ flex: 2 }}>
                    <Input placeholder={t('reviewPanels.experts.f.formerCode')} maxLength={18} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'until']} rules={[{ required: true, message: '请填写离职日期' }]} style={{ flex: 1.3 }}>
                    <Input type="date" aria-label={t('reviewPanels.experts.f.formerUntil')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(item.name)} />
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', creditCode: '', until: '' })} style={{ marginBottom: 16 }}>
                {t('reviewPanels.experts.f.addFormer')}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="username" label={t('reviewPanels.experts.f.username')} extra={t('reviewPanels.experts.f.usernameHelp')}>
          <Input maxLength={64} data-testid="expert-username" />
        </Form.Item>
        <Form.Item name="active" label={t('reviewPanels.experts.f.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
