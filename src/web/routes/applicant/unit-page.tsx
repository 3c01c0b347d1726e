import { DeleteOutlined, EditOutlined, IdcardOutlined, MinusCircleOutlined, PlusOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILL_LEVEL_LABELS, SKILL_LEVEL_NAMES } from '../../../shared/units';
import { UnitUsersCard } from '../../features/units/unit-users-card';
import type { SkillLevel } from '../../../policy/types';
import {
  useDeletePerson,
  usePerson,
  usePersons,
  useSavePerson,
  useSaveUnitProfile,
  useUnitProfile,
  type PersonDetail,
  type PersonInput,
  type PersonSummary,
  type UnitProfileResponse,
} from '../../features/units/api';
import '../../features/units/i18n';
import { ApiError } from '../../lib/http';

const SKILL_LEVELS = Object.keys(SKILL_LEVEL_LABELS) as SkillLevel[];
/** Honours as the texts write them (大兴 第七条, 经开区 办事指南 三（二）3), offered as suggestions. */
const COMMON_HONOURS = ['中华技能大奖', '全国技术能手', '全国劳动模范', '北京大工匠', '首都劳动奖章', '北京市技术能手', '北京市有突出贡献的高技能人才', '大兴区技术能手', '大兴区首席技师'];
const DISTRICTS = ['daxing', 'etdz', 'shunyi'];

/** Puts the server's field errors (`fields`: "a.0.b" → message) on the form's items. */
function showFieldErrors(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiError) || !e.fields) return false;
  const entries = Object.entries(e.fields).map(([path, msg]) => ({ name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [msg] }));
  form.setFields(entries);
  if (entries[0]) form.scrollToField(entries[0].name, { block: 'center' });
  return true;
}

function YesNo({ value, onChange }: { value?: boolean | null; onChange?: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group value={value ?? undefined} onChange={(e) => onChange?.(e.target.value)} optionType="button" buttonStyle="solid">
      <Radio.Button value={true}>{t('unit.yes')}</Radio.Button>
      <Radio.Button value={false}>{t('unit.no')}</Radio.Button>
    </Radio.Group>
  );
}

/** A form section's heading: a short red bar, as on Beijing government service forms. */
function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <div style={{ borderLeft: '3px solid #a61d24', paddingLeft: 10, margin: '8px 0 16px', fontWeight: 600, fontSize: 15, lineHeight: '20px' }}>
      {children}
    </div>
  );
}

function useLevelName() {
  const { i18n } = useTranslation();
  return (level: SkillLevel | null | undefined) => (level ? (i18n.language.startsWith('en') ? SKILL_LEVEL_NAMES[level].en : SKILL_LEVEL_LABELS[level]) : null);
}

// ---------------------------------------------------------------------------------------------------------
// Unit profile
// ---------------------------------------------------------------------------------------------------------

type ProfileValues = Omit<UnitProfileResponse, 'id' | 'jurisdictionId' | 'jurisdictionName' | 'updatedAt' | 'personCount'> & { hasExisting?: boolean | null };

function toProfileValues(p: UnitProfileResponse): ProfileValues {
  const { id: _i, jurisdictionId, jurisdictionName: _n, updatedAt: _u, personCount: _c, ...rest } = p;
  return {
    ...rest,
    // A profile never saved suggests the district the unit is registered with.
    locatedIn: rest.locatedIn ?? (p.updatedAt ? null : jurisdictionId),
    hasExisting: rest.existingStudioOccupations === null || rest.existingStudioOccupations === undefined ? null : rest.existingStudioOccupations.length > 0,
  };
}

function UnitProfileCard({ profile }: { profile: UnitProfileResponse }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileValues>();
  const save = useSaveUnitProfile();
  const { message } = AntApp.useApp();
  const hasExisting = Form.useWatch('hasExisting', form);
  useEffect(() => {
    form.setFieldsValue(toProfileValues(profile));
  }, [form, profile]);

  const submit = async (values: ProfileValues) => {
    const { hasExisting: has, ...rest } = values;
    const input = {
      ...rest,
      contactEmail: rest.contactEmail || null,
      legalRepresentative: rest.legalRepresentative || null,
      bankName: rest.bankName || null,
      bankAccount: rest.bankAccount || null,
      bankPermitNumber: rest.bankPermitNumber || null,
      existingStudioOccupations: has === null || has === undefined ? null : has ? (rest.existingStudioOccupations ?? []) : [],
      branches: rest.branches ?? [],
    };
    try {
      await save.mutateAsync(input);
      message.success(t('unit.saved'));
    } catch (e) {
      showFieldErrors(form, e);
      message.error(e instanceof ApiError ? e.message : t('unit.saveFailed'));
    }
  };

  const section = (key: string) => <SectionTitle>{t(`unit.sections.${key}`)}</SectionTitle>;

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: '#a61d24' }} />
          {profile.name}
        </Space>
      }
      extra={<Typography.Text type="secondary">{profile.updatedAt ? t('unit.lastSaved', { at: profile.updatedAt.slice(0, 16).replace('T', ' ') }) : t('unit.neverSaved')}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="unit-profile"
    >
      <Form form={form} name="unit" layout="vertical" onFinish={submit} requiredMark scrollToFirstError>
        {section('basic')}
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('unit.f.name')} extra={t('unit.f.nameExtra')} rules={[{ required: true, message: '请填写单位名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('unit.f.creditCode')}
              extra={t('unit.f.creditCodeExtra')}
              rules={[
                { required: true, message: '请填写统一社会信用代码' },
                { len: 18, message: '统一社会信用代码应为18位' },
              ]}
              normalize={(v: string) => v?.toUpperCase()}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace', letterSpacing: 1 }} data-testid="unit-credit-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t('unit.f.address')} rules={[{ required: true, message: '请填写注册地址' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('unit.f.jurisdiction')}>
              <Input value={profile.jurisdictionName} disabled />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="locatedIn" label={t('unit.f.locatedIn')}>
              <Select allowClear placeholder={t('unit.choose')} options={DISTRICTS.map((d) => ({ value: d, label: t(`unit.districts.${d}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="legalRepresentative" label={t('unit.f.legalRepresentative')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="industry" label={t('unit.f.industry')}>
              <Select allowClear placeholder={t('unit.choose')} options={(['high-tech', 'emerging', 'other'] as const).map((v) => ({ value: v, label: t(`unit.industries.${v}`) }))} />
            </Form.Item>
          </Col>
        </Row>

        {section('contact')}
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item name="contactName" label={t('unit.f.contactName')} rules={[{ required: true, message: '请填写联系人' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="contactPhone"
              label={t('unit.f.contactPhone')}
              rules={[
                { required: true, message: '请填写联系人手机号' },
                { pattern: /^1[3-9]\d{9}$/, message: '联系人手机号应为11位手机号码' },
              ]}
            >
              <Input maxLength={11} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactEmail" label={t('unit.f.contactEmail')} rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>

        {section('conditions')}
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item name="hasTalentSystem" label={t('unit.f.hasTalentSystem')}>
              <YesNo />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="providesFundingAndVenue" label={t('unit.f.providesFundingAndVenue')}>
              <YesNo />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="hasStudioRules" label={t('unit.f.hasStudioRules')}>
              <YesNo />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="hasExisting" label={t('unit.f.existing')} extra={t('unit.f.existingExtra')}>
              <YesNo />
            </Form.Item>
          </Col>
          {hasExisting && (
            <Col xs={24} md={16}>
              <Form.Item name="existingStudioOccupations" label={t('unit.f.existingOccupations')} rules={[{ required: true, message: '请填写已建工作室的职业（工种）' }]}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="如 数控车工" />
              </Form.Item>
            </Col>
          )}
        </Row>

        {section('bank')}
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item name="bankName" label={t('unit.f.bankName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="bankAccount" label={t('unit.f.bankAccount')} rules={[{ pattern: /^\d{8,30}$/, message: '银行账号应为8至30位数字' }]}>
              <Input maxLength={30} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="bankPermitNumber" label={t('unit.f.bankPermitNumber')} rules={[{ pattern: /^[A-Za-z0-9]{6,30}$/, message: '开户许可证核准号应为字母和数字' }]}>
              <Input maxLength={30} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>

        {section('branches')}
        <Form.List name="branches">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph type="secondary">{t('unit.f.noBranches')}</Typography.Paragraph>}
              {fields.map((field) => (
                <Row gutter={16} key={field.key} align="top">
                  <Col xs={24} md={9}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '请填写分支机构名称' }]}>
                      <Input placeholder={t('unit.f.branchName')} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={22} md={14}>
                    <Form.Item name={[field.name, 'address']} rules={[{ required: true, message: '请填写分支机构地址' }]}>
                      <Input placeholder={t('unit.f.branchAddress')} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', address: '' })}>
                {t('unit.f.addBranch')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider />
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="unit-save">
            {t('unit.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(toProfileValues(profile))}>{t('unit.reset')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------------

type PersonFormValues = Omit<PersonInput, 'certificates'> & {
  certificates?: { title: string; number?: string; level?: SkillLevel; issuedOn?: Dayjs | null }[];
};

function toPersonValues(p: PersonDetail): PersonFormValues {
  return {
    name: p.name,
    idNumber: p.idNumber,
    category: p.category,
    phone: p.phone,
    position: p.position,
    occupation: p.occupation,
    occupationListed: p.occupationListed,
    hasNationalStandard: p.hasNationalStandard,
    skillLevel: p.skillLevel,
    frontlineYears: p.frontlineYears,
    employed: p.employed,
    isFormalEmployee: p.isFormalEmployee,
    leadsAnotherStudio: p.leadsAnotherStudio,
    honours: p.honours,
    certificates: p.certificates.map((c) => ({ ...c, issuedOn: c.issuedOn ? dayjs(c.issuedOn) : null })),
  };
}

function PersonDrawer({ open, personId, onClose, onSaved }: { open: boolean; personId: string | null; onClose: () => void; onSaved: (p: PersonDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PersonFormValues>();
  const person = usePerson(open ? personId : null);
  const save = useSavePerson();
  const { message } = AntApp.useApp();
  const levelName = useLevelName();

  useEffect(() => {
    if (!open) return;
    if (personId && person.data) form.setFieldsValue(toPersonValues(person.data));
    if (!personId) {
      form.resetFields();
      form.setFieldsValue({ category: 'worker', employed: true, isFormalEmployee: true, honours: [], certificates: [] });
    }
  }, [open, personId, person.data, form]);

  const submit = async (values: PersonFormValues) => {
    const input: PersonInput = {
      ...values,
      phone: values.phone || null,
      position: values.position || null,
      occupation: values.occupation || null,
      honours: values.honours ?? [],
      certificates: (values.certificates ?? []).map((c) => ({
        title: c.title,
        ...(c.number ? { number: c.number } : {}),
        ...(c.level ? { level: c.level } : {}),
        ...(c.issuedOn ? { issuedOn: c.issuedOn.format('YYYY-MM-DD') } : {}),
      })),
    };
    try {
      const saved = await save.mutateAsync({ id: personId, input });
      message.success(personId ? t('unit.people.saved') : t('unit.people.created'));
      onSaved(saved);
    } catch (e) {
      showFieldErrors(form, e);
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const derived = person.data && personId ? person.data : null;
  const sub = (key: string) => <SectionTitle>{t(`unit.p.${key}`)}</SectionTitle>;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={personId ? `${t('unit.people.edit')}${derived ? `：${derived.name}` : ''}` : t('unit.people.add')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('unit.p.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="person-save">
            {t('unit.p.save')}
          </Button>
        </Space>
      }
    >
      {personId && person.isLoading ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : person.isError ? (
        <Alert type="error" showIcon message={(person.error as Error).message} />
      ) : (
        <Form form={form} name="person" layout="vertical" onFinish={submit} scrollToFirstError data-testid="person-form">
          {sub('sectionId')}
          {derived ? (
            <Alert
              type="success"
              showIcon
              icon={<IdcardOutlined />}
              style={{ marginBottom: 16 }}
              message={t('unit.people.derived', { birthDate: derived.birthDate, sex: t(`unit.people.${derived.sex}`) })}
              data-testid="person-derived"
            />
          ) : (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('unit.people.derivedHint')} />
          )}
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="name" label={t('unit.people.name')} rules={[{ required: true, message: '请填写姓名' }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="idNumber"
                label={t('unit.people.idNumber')}
                rules={[
                  { required: true, message: '请填写身份证号' },
                  { pattern: /^\d{17}[\dXx]$/, message: '身份证号应为18位：前17位为数字，最后一位为数字或字母X' },
                ]}
                normalize={(v: string) => v?.toUpperCase()}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace', letterSpacing: 1 }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="category" label={t('unit.p.category')} tooltip={t('unit.p.categoryExtra')} rules={[{ required: true, message: '请选择人员类别' }]}>
                <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'worker', label: t('unit.p.worker') }, { value: 'cadre', label: t('unit.p.cadre') }]} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="phone" label={t('unit.p.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号应为11位手机号码' }]}>
                <Input maxLength={11} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="position" label={t('unit.p.position')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>

          {sub('sectionSkill')}
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="occupation" label={t('unit.people.occupation')}>
                <Input maxLength={50} placeholder={t('unit.p.occupationPh')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="skillLevel" label={t('unit.people.skillLevel')}>
                <Select allowClear placeholder={t('unit.choose')} options={SKILL_LEVELS.map((l) => ({ value: l, label: levelName(l) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="occupationListed" label={t('unit.p.occupationListed')}>
                <YesNo />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="hasNationalStandard" label={t('unit.p.hasNationalStandard')}>
                <YesNo />
              </Form.Item>
            </Col>
          </Row>

          {sub('sectionWork')}
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name="frontlineYears" label={t('unit.p.frontlineYears')}>
                <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} suffix="年" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="employed" label={t('unit.p.employed')}>
                <YesNo />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="isFormalEmployee" label={t('unit.p.isFormalEmployee')}>
                <YesNo />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="leadsAnotherStudio" label={t('unit.p.leadsAnotherStudio')}>
                <YesNo />
              </Form.Item>
            </Col>
          </Row>

          {sub('sectionHonours')}
          <Form.Item name="honours" label={t('unit.people.honours')}>
            <Select mode="tags" placeholder={t('unit.p.honoursPh')} options={COMMON_HONOURS.map((h) => ({ value: h, label: h }))} tokenSeparators={['，', '、']} />
          </Form.Item>
          <Typography.Text>{t('unit.p.certificates')}</Typography.Text>
          <Form.List name="certificates">
            {(fields, { add, remove }) => (
              <div style={{ marginTop: 8 }}>
                {fields.map((field) => (
                  <Row gutter={8} key={field.key}>
                    <Col span={9}>
                      <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: '请填写证书名称' }]}>
                        <Input placeholder={t('unit.p.certTitle')} maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'number']}>
                        <Input placeholder={t('unit.p.certNumber')} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'level']}>
                        <Select allowClear placeholder={t('unit.p.certLevel')} options={SKILL_LEVELS.map((l) => ({ value: l, label: levelName(l) }))} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'issuedOn']}>
                        <DatePicker placeholder={t('unit.p.certIssuedOn')} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                  {t('unit.p.addCert')}
                </Button>
              </div>
            )}
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
}

function PeopleCard() {
  const { t } = useTranslation();
  const persons = usePersons();
  const remove = useDeletePerson();
  const { message } = AntApp.useApp();
  const levelName = useLevelName();
  const [drawer, setDrawer] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });
  const list = persons.data ?? [];
  const formal = list.filter((p) => p.isFormalEmployee).length;

  const doDelete = async (p: PersonSummary) => {
    try {
      await remove.mutateAsync(p.id);
      message.success(t('unit.people.deleted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      title={
        <Space>
          <TeamOutlined style={{ color: '#a61d24' }} />
          {t('unit.people.title')}
        </Space>
      }
      extra={
        <Space>
          {list.length > 0 && <Typography.Text type="secondary">{t('unit.people.count', { n: list.length, formal })}</Typography.Text>}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, id: null })} data-testid="person-add">
            {t('unit.people.add')}
          </Button>
        </Space>
      }
      data-testid="unit-people"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('unit.people.intro')}
      </Typography.Paragraph>
      {persons.isError ? (
        <Alert type="error" showIcon message={t('unit.people.loadError')} description={(persons.error as Error).message} action={<Button onClick={() => persons.refetch()}>{t('unit.retry')}</Button>} />
      ) : (
        <Table<PersonSummary>
          rowKey="id"
          loading={persons.isLoading}
          dataSource={list}
          pagination={false}
          size="middle"
          scroll={{ x: 1120 }}
          locale={{ emptyText: <Empty description={<><div>{t('unit.people.empty')}</div><Typography.Text type="secondary">{t('unit.people.emptyHint')}</Typography.Text></>} /> }}
          columns={[
            {
              title: t('unit.people.name'),
              dataIndex: 'name',
              width: 110,
              render: (name: string, p) => (
                <div>
                  <Typography.Link onClick={() => setDrawer({ open: true, id: p.id })}>{name}</Typography.Link>
                  {p.position && <div style={{ fontSize: 12, color: '#888' }}>{p.position}</div>}
                </div>
              ),
            },
            { title: t('unit.people.idNumber'), dataIndex: 'idNumberMasked', width: 180, render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap', fontSize: 13 }}>{v}</Typography.Text> },
            { title: t('unit.people.sexBirth'), key: 'sb', width: 125, render: (_: unknown, p) => `${t(`unit.people.${p.sex}`)} · ${p.birthDate}` },
            { title: t('unit.people.occupation'), dataIndex: 'occupation', width: 120, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('unit.notSet')}</Typography.Text> },
            {
              title: t('unit.people.skillLevel'),
              dataIndex: 'skillLevel',
              width: 120,
              render: (v: SkillLevel | null) =>
                v ? <Tag color={['technician', 'senior-technician', 'special-technician', 'chief-technician'].includes(v) ? 'volcano' : 'default'}>{levelName(v)}</Tag> : <Typography.Text type="secondary">{t('unit.notSet')}</Typography.Text>,
            },
            { title: t('unit.people.frontlineYears'), dataIndex: 'frontlineYears', width: 80, render: (v: number | null) => (v === null ? '—' : t('unit.people.years', { n: v })) },
            { title: t('unit.people.formal'), dataIndex: 'isFormalEmployee', width: 80, render: (v: boolean | null) => (v === null ? '—' : v ? <Tag color="green">{t('unit.yes')}</Tag> : <Tag>{t('unit.no')}</Tag>) },
            {
              title: t('unit.people.honours'),
              dataIndex: 'honours',
              render: (hs: string[]) => (hs.length ? <Space size={[4, 4]} wrap>{hs.map((h) => <Tag key={h} color="gold">{h}</Tag>)}</Space> : '—'),
            },
            {
              title: t('unit.people.actions'),
              key: 'actions',
              width: 130,
              render: (_: unknown, p) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer({ open: true, id: p.id })}>
                    {t('unit.people.editBtn')}
                  </Button>
                  {p.inSubmittedApplication ? (
                    <Tooltip title={t('unit.people.locked')}>
                      <Button type="link" size="small" danger disabled icon={<DeleteOutlined />}>
                        {t('unit.people.deleteBtn')}
                      </Button>
                    </Tooltip>
                  ) : (
                    <Popconfirm title={t('unit.people.deleteConfirm', { name: p.name })} description={t('unit.people.deleteHint')} okButtonProps={{ danger: true }} onConfirm={() => doDelete(p)}>
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        {t('unit.people.deleteBtn')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <PersonDrawer
        open={drawer.open}
        personId={drawer.id}
        onClose={() => setDrawer({ open: false, id: null })}
        // After a save the drawer stays on the person, showing the birth date and sex derived from the ID number.
        onSaved={(p) => setDrawer({ open: true, id: p.id })}
      />
    </Card>
  );
}

/** /app/unit — 单位信息: the unit profile and its people, entered once and reused across applications (issue 4). */
export default function UnitPage() {
  const { t } = useTranslation();
  const profile = useUnitProfile();
  useEffect(() => {
    document.title = `${t('unit.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  return (
    <div data-testid="unit-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('unit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('unit.intro')}</Typography.Paragraph>
      {profile.isLoading ? (
        <Card style={{ marginBottom: 16 }}>
          <Spin />
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : profile.isError ? (
        <Result status="error" title={t('unit.loadError')} subTitle={(profile.error as Error).message} extra={<Button onClick={() => profile.refetch()}>{t('unit.retry')}</Button>} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 4 }}>
              <Descriptions.Item label={t('unit.f.creditCode')}>
                <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                  {profile.data!.creditCode}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.f.jurisdiction')}>{profile.data!.jurisdictionName}</Descriptions.Item>
              <Descriptions.Item label={t('unit.f.contactName')}>
                {profile.data!.contactName} {profile.data!.contactPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.people.title')}>{profile.data!.personCount}</Descriptions.Item>
            </Descriptions>
          </Card>
          <UnitProfileCard profile={profile.data!} />
        </>
      )}
      <PeopleCard />
      <UnitUsersCard />
    </div>
  );
}
