import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Modal, Row, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarOverrides, usePackagedSchedule, useSetCalendar, type PackagedSchedule } from '../../features/admin/api';
import '../../features/admin/i18n';
import { ApiError } from '../../lib/http';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const isWeekend = (d: string) => [0, 6].includes(weekday(d));
const label = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日（周${WEEKDAYS[weekday(d)]}）`;

/** Holidays grouped by festival (consecutive entries of one festival form one 假期). */
function Festivals({ schedule }: { schedule: PackagedSchedule }) {
  const groups = new Map<string, string[]>();
  for (const h of schedule.holidays) groups.set(h.festival, [...(groups.get(h.festival) ?? []), h.date]);
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 88, whiteSpace: 'nowrap' } }}>
      {[...groups].map(([festival, dates]) => (
        <Descriptions.Item key={festival} label={festival}>
          {dates[0].slice(5)} 至 {dates[dates.length - 1].slice(5)}，共 {dates.length} 天
          {schedule.workdays.some((w) => w.festival === festival) && (
            <Typography.Text type="secondary">
              ；调休上班 {schedule.workdays.filter((w) => w.festival === festival).map((w) => label(w.date)).join('、')}
            </Typography.Text>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function DateList({ value = [], onChange, onlyWeekends, testId, year }: { value?: string[]; onChange?: (v: string[]) => void; onlyWeekends?: boolean; testId: string; year: number }) {
  return (
    <div data-testid={testId}>
      <Space size={[4, 6]} wrap style={{ marginBottom: 8 }}>
        {value.length === 0 && <Typography.Text type="secondary">（无）</Typography.Text>}
        {value.map((d) => (
          <Tag key={d} closable color={isWeekend(d) ? 'default' : 'blue'} onClose={() => onChange?.(value.filter((x) => x !== d))}>
            {label(d)}
          </Tag>
        ))}
      </Space>
      <div>
        <DatePicker
          placeholder="添加日期"
          value={null}
          defaultPickerValue={dayjs(`${year}-01-01`)}
          disabledDate={(d) => (onlyWeekends ? ![0, 6].includes(d.day()) : false) || value.includes(d.format('YYYY-MM-DD'))}
          onChange={(d: dayjs.Dayjs | null) => { if (d) onChange?.([...value, d.format('YYYY-MM-DD')].sort()); }}
        />
      </div>
    </div>
  );
}

/** /app/calendar — the statutory working-day calendar: packaged State Council schedules and the operator's overrides. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const thisYear = dayjs().year();
  const overrides = useCalendarOverrides();
  const years = useMemo(
    () => [...new Set([thisYear - 1, thisYear, thisYear + 1, ...(overrides.data ?? []).map((o) => o.year)])].sort((a, b) => a - b),
    [overrides.data, thisYear],
  );
  const [year, setYear] = useState(thisYear);
  const packaged = usePackagedSchedule(year);
  const override = (overrides.data ?? []).find((o) => o.year === year);
  const save = useSetCalendar();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  useEffect(() => {
    document.title = `${t('admin.calendar.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const startEdit = () => {
    form.resetFields();
    const base = override ?? {
      holidays: (packaged.data?.holidays ?? []).map((h) => h.date),
      workdays: (packaged.data?.workdays ?? []).map((w) => w.date),
      source: packaged.data?.holidays.length ? `国务院办公厅关于${year}年部分节假日安排的通知` : '',
    };
    form.setFieldsValue({ holidays: base.holidays, workdays: base.workdays, source: base.source });
    setOpen(true);
  };
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ year, holidays: values.holidays ?? [], workdays: values.workdays ?? [], source: values.source });
      message.success(t('admin.common.saved'));
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name, errors: [msg] })));
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const hasPackaged = !!packaged.data?.holidays.length;

  return (
    <div data-testid="admin-calendar">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.calendar.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        {t('admin.calendar.intro')}
      </Typography.Paragraph>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Segmented value={year} onChange={(v) => setYear(Number(v))} options={years.map((y) => ({ value: y, label: `${y} 年` }))} data-testid="calendar-year" />
        <Button type="primary" icon={<EditOutlined />} onClick={startEdit} disabled={packaged.isLoading} data-testid="calendar-edit">
          {t('admin.calendar.edit')}
        </Button>
      </Flex>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={<><CalendarOutlined /> {t('admin.calendar.packaged')}</>} loading={packaged.isLoading} extra={override && <Tag color="orange">已被录入的安排替代</Tag>}>
            {hasPackaged && packaged.data ? (
              <Festivals schedule={packaged.data} />
            ) : (
              <Alert type="warning" showIcon message={t('admin.calendar.noPackaged')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('admin.calendar.override')} loading={overrides.isLoading} extra={override && <Tag color="green">生效中</Tag>}>
            {override ? (
              <Descriptions column={1} size="small" bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={t('admin.calendar.source')}>{override.source}</Descriptions.Item>
                <Descriptions.Item label={t('admin.calendar.holidays')}>
                  {t('admin.calendar.days', { n: override.holidays.length })}：{override.holidays.map((d) => d.slice(5)).join('、') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('admin.calendar.workdays')}>{override.workdays.map(label).join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label="录入">
                  {t('admin.calendar.updatedBy', { who: override.updatedBy, at: new Date(override.updatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) })}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.calendar.noOverride')} />
            )}
          </Card>
        </Col>
      </Row>
      <Modal open={open} width={720} title={t('admin.calendar.editTitle', { year })} onOk={submit} onCancel={() => setOpen(false)} confirmLoading={save.isPending} okText={t('admin.common.save')} destroyOnHidden>
        <Alert type="info" showIcon message={t('admin.calendar.datesExtra')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="holidays"
            label={t('admin.calendar.holidays')}
            extra="按通知逐日列出全部放假日期（含假期中的周末）；不能只录周末——周末本就休息"
            rules={[
              {
                validator: async (_, v: string[] = []) => {
                  if (v.length && v.every(isWeekend)) throw new Error('放假日期只有周末：请按国务院通知列出全部放假日期');
                  if (v.some((d) => !d.startsWith(`${year}-`))) throw new Error(`放假日期须在 ${year} 年内`);
                },
              },
            ]}
          >
            <DateList testId="calendar-holidays" year={year} />
          </Form.Item>
          <Form.Item name="workdays" label={t('admin.calendar.workdays')} extra={t('admin.calendar.workdaysExtra')}>
            <DateList onlyWeekends testId="calendar-workdays" year={year} />
          </Form.Item>
          <Form.Item name="source" label={t('admin.calendar.source')} extra={t('admin.calendar.sourceExtra')} rules={[{ required: true, min: 2, message: '请填写依据文件' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
