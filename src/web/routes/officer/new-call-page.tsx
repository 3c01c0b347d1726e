import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../lib/http';
import { useCallOptions, useCreateCall, type CallOptions, type CreateCallInput } from '../../features/officer/api';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';

type Contact = { name?: string; phone: string; address?: string; hours?: string };
interface Values {
  policyId: string;
  program: 'studio-recognition' | 'construction-project';
  title: string;
  year: number;
  opensAt: Dayjs;
  closesAt: Dayjs;
  quota?: number;
  projectsCloseBy?: Dayjs;
  contacts: Contact[];
  noticeText: string;
}

/** Date-times are entered and sent as Beijing wall-clock time (YYYY-MM-DDTHH:mm), whatever the browser's zone. */
const LOCAL = 'YYYY-MM-DDTHH:mm';
const SHOWN = 'YYYY-MM-DD HH:mm';
const toPath = (key: string) => key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** /app/calls/new — open a call (申报批次) under an edition in force, within its quota. */
export default function NewCallPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const options = useCallOptions();
  const create = useCreateCall();
  const [form] = Form.useForm<Values>();
  const policyId = Form.useWatch('policyId', form);
  const program = Form.useWatch('program', form);
  useEffect(() => {
    document.title = `${t('officer.newCall.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const editions = options.data?.editions ?? [];
  const edition = editions.find((e) => e.id === policyId);
  const programDef = edition?.programs.find((p) => p.id === program);
  const template = useMemo(() => edition?.templates.filter((c) => c.program === program).sort((a, b) => b.closesAt.localeCompare(a.closesAt))[0], [edition, program]);

  // First edition and program by default; the window opens today 09:00 and closes in three weeks at 18:00.
  useEffect(() => {
    if (!editions.length || form.getFieldValue('policyId')) return;
    const e = editions[0];
    const today = dayjs();
    form.setFieldsValue({
      policyId: e.id,
      program: e.programs[0]?.id as Values['program'],
      year: today.year(),
      opensAt: today.hour(9).minute(0).second(0),
      closesAt: today.add(21, 'day').hour(18).minute(0).second(0),
      contacts: [{ name: '', phone: '', address: '', hours: '' }],
    });
  }, [editions, form]);

  const fillFromNotice = async (c: CallOptions['editions'][number]['templates'][number]) => {
    const opens = dayjs(c.opensAt);
    const closes = dayjs(c.closesAt);
    form.setFieldsValue({
      title: c.title,
      year: c.year,
      contacts: c.contacts.map((x) => ({ name: x.name ?? '', phone: x.phone, address: x.address ?? '', hours: x.hours ?? '' })),
      ...(closes.isAfter(dayjs()) ? { opensAt: opens, closesAt: closes } : {}),
      ...(c.projectsCloseBy && dayjs(c.projectsCloseBy).isAfter(dayjs()) ? { projectsCloseBy: dayjs(c.projectsCloseBy) } : {}),
    });
    // The notice's own text (GET /api/policies/:id/text), from its salutation on, when none is written yet.
    if (!form.getFieldValue('noticeText') && edition) {
      try {
        const { texts } = await api<{ texts: { title: string; text: string }[] }>('GET', `/api/policies/${edition.id}/text`);
        const bare = (x: string) => x.replace(/[《》\s]/g, '');
        const notice = texts.find((x) => bare(c.citation).includes(bare(x.title)));
        if (notice) {
          const start = notice.text.indexOf('各相关单位');
          form.setFieldsValue({ noticeText: (start >= 0 ? notice.text.slice(start) : notice.text).trim().slice(0, 20_000) });
        }
      } catch {
        // The text is a convenience: the officer writes it otherwise.
      }
    }
  };

  const submit = async (v: Values) => {
    const input: CreateCallInput = {
      policyId: v.policyId,
      program: v.program,
      title: v.title,
      year: v.year,
      opensAt: v.opensAt.format(LOCAL),
      closesAt: v.closesAt.format(LOCAL),
      ...(v.quota ? { quota: v.quota } : {}),
      ...(v.projectsCloseBy && programDef?.hasProjectsCloseBy ? { projectsCloseBy: v.projectsCloseBy.format('YYYY-MM-DD') } : {}),
      contacts: v.contacts.map((c) => Object.fromEntries(Object.entries(c).filter(([, x]) => typeof x === 'string' && x.trim() !== ''))) as Contact[],
      noticeText: v.noticeText,
    };
    try {
      const call = await create.mutateAsync(input);
      message.success(t('officer.newCall.created'));
      navigate(`/app/calls/${call.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        form.setFields(Object.entries(e.fields).map(([k, msg]) => ({ name: toPath(k) as never, errors: [msg] })));
        message.error(e.message);
      } else message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const req = (label: string) => [{ required: true, message: t('officer.newCall.required', { label }) }];

  return (
    <div data-testid="new-call">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/app/calls">{t('officer.calls.title')}</Link> }, { title: t('officer.newCall.title') }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('officer.newCall.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('officer.newCall.intro')}</Typography.Paragraph>
      {create.error && !(create.error instanceof ApiError && create.error.fields) && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={create.error.message} />
      )}
      {options.error ? (
        <LoadError error={options.error} onRetry={() => void options.refetch()} />
      ) : options.isLoading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : !editions.length ? (
        <Card>
          <Empty description={t('officer.newCall.noEditions')} />
        </Card>
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} onFinishFailed={() => message.error(t('officer.newCall.fixErrors'))} scrollToFirstError requiredMark>
          <Card title={t('officer.newCall.basics')} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col span={14}>
                <Form.Item
                  name="policyId"
                  label={t('officer.newCall.edition')}
                  extra={
                    edition
                      ? `${t('officer.newCall.validity', { from: edition.validFrom, to: edition.validTo ?? t('officer.newCall.longTerm') })}；${t('officer.newCall.editionHelp')}`
                      : t('officer.newCall.editionHelp')
                  }
                  rules={req(t('officer.newCall.edition'))}
                >
                  <Select
                    data-testid="call-edition"
                    onChange={(id) => form.setFieldsValue({ program: editions.find((e) => e.id === id)?.programs[0]?.id as Values['program'], quota: undefined })}
                    options={editions.map((e) => ({
                      value: e.id,
                      label: `${e.documentNumber} ${e.title}`,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="program" label={t('officer.newCall.program')} rules={req(t('officer.newCall.program'))}>
                  <Radio.Group optionType="button" buttonStyle="solid" onChange={() => form.setFieldsValue({ quota: undefined })}>
                    {(edition?.programs ?? []).map((p) => (
                      <Radio.Button key={p.id} value={p.id} data-testid={`program-${p.id}`}>
                        {p.title}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
              </Col>
            </Row>
            {template && (
              <Alert
                type="info"
                showIcon
                icon={<ThunderboltOutlined />}
                style={{ marginBottom: 16 }}
                title={t('officer.newCall.fromNoticeHint')}
                description={<Typography.Text type="secondary">{template.citation}</Typography.Text>}
                action={
                  <Button size="small" onClick={() => void fillFromNotice(template)} data-testid="fill-from-notice">
                    {t('officer.newCall.fromNotice', { title: template.title })}
                  </Button>
                }
              />
            )}
            <Row gutter={16}>
              <Col span={18}>
                <Form.Item name="title" label={t('officer.newCall.callTitle')} rules={[...req(t('officer.newCall.callTitle')), { min: 4, message: t('officer.newCall.titleMin') }]}>
                  <Input data-testid="call-title" maxLength={120} showCount placeholder={t('officer.newCall.callTitlePlaceholder')} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="year" label={t('officer.newCall.year')} rules={req(t('officer.newCall.year'))}>
                  <InputNumber min={2020} max={2100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('officer.common.windowBeijing')} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col span={6}>
                <Form.Item name="opensAt" label={t('officer.newCall.opensAt')} rules={req(t('officer.newCall.opensAt'))}>
                  <DatePicker data-testid="call-opens" showTime={{ format: 'HH:mm', defaultOpenValue: dayjs('09:00', 'HH:mm') }} format={SHOWN} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="closesAt"
                  label={t('officer.newCall.closesAt')}
                  extra={t('officer.newCall.closesHelp')}
                  rules={[
                    ...req(t('officer.newCall.closesAt')),
                    ({ getFieldValue }) => ({
                      validator: (_, v?: Dayjs) => (!v || !getFieldValue('opensAt') || v.isAfter(getFieldValue('opensAt')) ? Promise.resolve() : Promise.reject(new Error(t('officer.newCall.closeAfterOpen')))),
                    }),
                  ]}
                >
                  <DatePicker data-testid="call-closes" showTime={{ format: 'HH:mm', defaultOpenValue: dayjs('18:00', 'HH:mm') }} format={SHOWN} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="quota"
                  label={t('officer.newCall.quota')}
                  extra={programDef?.quota ? t('officer.newCall.quotaMax', { max: programDef.quota, article: programDef.quotaArticle }) : t('officer.newCall.quotaNone')}
                  rules={[{ type: 'number', max: programDef?.quota ?? undefined, message: t('officer.newCall.quotaAbove', { max: programDef?.quota ?? '' }) }]}
                >
                  <InputNumber data-testid="call-quota" min={1} style={{ width: '100%' }} placeholder={programDef?.quota ? `≤ ${programDef.quota}` : undefined} />
                </Form.Item>
              </Col>
              {programDef?.hasProjectsCloseBy && (
                <Col span={6}>
                  <Form.Item name="projectsCloseBy" label={t('officer.newCall.projectsCloseBy')} extra={t('officer.newCall.projectsCloseByHelp')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Card>

          <Card title={t('officer.newCall.contacts')} style={{ marginBottom: 16 }}>
            <Form.List name="contacts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={12} key={f.key} align="top">
                      <Col span={4}>
                        <Form.Item name={[f.name, 'name']} label={f.name === 0 ? t('officer.newCall.contactName') : undefined}>
                          <Input maxLength={50} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item name={[f.name, 'phone']} label={f.name === 0 ? t('officer.newCall.contactPhone') : undefined} rules={[{ required: true, message: t('officer.newCall.phoneRequired') }]}>
                          <Input data-testid={`contact-phone-${f.name}`} maxLength={60} />
                        </Form.Item>
                      </Col>
                      <Col span={9}>
                        <Form.Item name={[f.name, 'address']} label={f.name === 0 ? t('officer.newCall.contactAddress') : undefined}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item name={[f.name, 'hours']} label={f.name === 0 ? t('officer.newCall.contactHours') : undefined}>
                          <Input maxLength={100} placeholder={t('officer.newCall.hoursPlaceholder')} />
                        </Form.Item>
                      </Col>
                      <Col span={1}>
                        <Form.Item label={f.name === 0 ? ' ' : undefined}>
                          <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label={t('officer.newCall.remove')} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '', address: '', hours: '' })} disabled={fields.length >= 10}>
                    {t('officer.newCall.addContact')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>

          <Card title={t('officer.newCall.notice')} style={{ marginBottom: 16 }}>
            <Form.Item name="noticeText" label={t('officer.newCall.noticeText')} rules={[...req(t('officer.newCall.noticeText')), { min: 10, message: t('officer.newCall.noticeMin') }]}>
              <Input.TextArea data-testid="call-notice" rows={8} maxLength={20000} showCount placeholder={t('officer.newCall.noticePlaceholder')} />
            </Form.Item>
          </Card>

          <Flex justify="flex-end">
            <Space>
              <Button onClick={() => navigate('/app/calls')}>{t('officer.newCall.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="call-submit">
                {t('officer.newCall.submit')}
              </Button>
            </Space>
          </Flex>
        </Form>
      )}
    </div>
  );
}
