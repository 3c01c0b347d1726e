import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldSchema, FormSectionSchema, Text } from '../../../policy/types';
import '../applications/i18n';
import { moneyColumns, sumColumn } from './table-sum';

/** What the renderer needs of a form schema: the edition's sections (GET /api/policies/:id → programs[].forms[]). */
export interface RenderableForm {
  id: string;
  title: Text;
  citation?: { document: string; article: string };
  sections: FormSectionSchema[];
}

export interface FormRendererProps {
  schema: RenderableForm;
  value: Record<string, unknown>;
  onChange?: (next: Record<string, unknown>, changedKey: string) => void;
  /** A field lost focus: a good moment to save. */
  onBlur?: (key: string) => void;
  /** path → message (`budget[1].amount`, `requestedAmount`), from the local check and the server. */
  errors?: Record<string, string>;
  readOnly?: boolean;
}

const money = (n: number) => n.toLocaleString('zh-CN');

function useText() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  return (t: Text | undefined) => (t ? (zh ? t.zh : t.en) : '');
}

/** Puts a value at a key, dropping empty values so a cleared field counts as not filled in. */
function setKey(obj: Record<string, unknown>, key: string, v: unknown) {
  const next = { ...obj };
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
  else next[key] = v;
  return next;
}

const testId = (path: string) => `field-${path.replace(/\[(\d+)\]\./g, '-$1-')}`;

/**
 * Renders any form of a policy edition (FormSchema: text, textarea, number, money, date, month, select,
 * multiselect, boolean, id and credit-code numbers, phone, tables of rows) as an Ant Design form. Controlled:
 * the caller owns the data and the errors. `readOnly` shows the values as a filled-in form (for submitted
 * applications and the officer's view).
 */
export function FormRenderer({ schema, value, onChange, onBlur, errors = {}, readOnly }: FormRendererProps) {
  const text = useText();
  return (
    <Form layout="vertical" component="div" requiredMark={!readOnly} data-testid={`form-${schema.id}`}>
      {schema.sections.map((section) => (
        <Card key={section.key} size="small" title={schema.sections.length > 1 ? text(section.title) : undefined} variant="outlined" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {section.fields.map((f) => (
              <Col key={f.key} span={fieldSpan(f)}>
                <FieldItem
                  field={f}
                  path={f.key}
                  value={value[f.key]}
                  error={errors[f.key]}
                  errors={errors}
                  readOnly={readOnly}
                  onChange={(v) => onChange?.(setKey(value, f.key, v), f.key)}
                  onBlur={() => onBlur?.(f.key)}
                />
              </Col>
            ))}
          </Row>
        </Card>
      ))}
    </Form>
  );
}

function fieldSpan(f: FieldSchema) {
  if (f.type === 'textarea' || f.type === 'table' || f.type === 'multiselect') return 24;
  if ((f.maxLength ?? 0) > 150) return 24;
  return 12;
}

interface FieldProps {
  field: FieldSchema;
  path: string;
  value: unknown;
  error?: string;
  errors: Record<string, string>;
  readOnly?: boolean;
  onChange: (v: unknown) => void;
  onBlur: () => void;
  /** Inside a table row: no label (the column header says it). */
  bare?: boolean;
}

function FieldItem(props: FieldProps) {
  const { field: f, error, readOnly, bare } = props;
  const text = useText();
  const { t } = useTranslation();
  const help = f.help ? text(f.help) : f.allowOther && !readOnly && (f.type === 'select' || f.type === 'multiselect') ? t('apps.form.otherAllowed') : undefined;
  if (f.type === 'table') return <TableField {...props} />;
  const control = readOnly ? <ReadValue {...props} /> : <Control {...props} />;
  if (bare) {
    return (
      <div data-testid={testId(props.path)} data-error={error ? 'true' : undefined}>
        {control}
        {error && <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>{error}</Typography.Text>}
      </div>
    );
  }
  return (
    <div data-testid={testId(props.path)} data-error={error ? 'true' : undefined}>
      <Form.Item label={text(f.label)} required={!!f.required} validateStatus={error ? 'error' : undefined} help={error ?? undefined} extra={!error && !readOnly ? help : undefined}>
        {control}
      </Form.Item>
    </div>
  );
}

function ReadValue({ field: f, value }: FieldProps) {
  const text = useText();
  const { t } = useTranslation();
  const empty = <Typography.Text type="secondary">{t('apps.form.empty')}</Typography.Text>;
  if (value === undefined || value === null || value === '') return empty;
  const optionLabel = (v: unknown) => {
    const o = f.options?.find((x) => x.value === v);
    return o ? text(o.label) : String(v);
  };
  switch (f.type) {
    case 'boolean':
      return <span>{value ? t('apps.form.yes') : t('apps.form.no')}</span>;
    case 'money':
      return <span>{typeof value === 'number' ? `${money(value)} ${t('apps.form.yuan')}` : String(value)}</span>;
    case 'select':
      return <span>{optionLabel(value)}</span>;
    case 'multiselect':
      return Array.isArray(value) && value.length ? <Space wrap size={4}>{value.map((v) => <Tag key={String(v)}>{optionLabel(v)}</Tag>)}</Space> : empty;
    case 'textarea':
      return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(value)}</Typography.Paragraph>;
    default:
      return <span>{String(value)}</span>;
  }
}

function Control({ field: f, value, onChange, onBlur, error, bare }: FieldProps) {
  const text = useText();
  const { t } = useTranslation();
  const status = error ? ('error' as const) : undefined;
  const label = text(f.label);
  const ph = t('apps.form.placeholder');
  const options = (f.options ?? []).map((o) => ({ value: o.value, label: text(o.label) }));
  const common = { onBlur, status, 'aria-label': label };
  switch (f.type) {
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          autoSize={bare ? { minRows: 1, maxRows: 6 } : { minRows: 3, maxRows: 12 }}
          maxLength={f.maxLength}
          showCount={!!f.maxLength && !bare}
          placeholder={ph}
        />
      );
    case 'number':
    case 'money':
      return (
        <InputNumber
          {...common}
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          min={f.min}
          max={f.max}
          precision={f.type === 'money' ? 0 : undefined}
          formatter={f.type === 'money' ? (v) => (v === undefined || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')) : undefined}
          parser={f.type === 'money' ? (v) => Number((v ?? '').replace(/[,\s元]/g, '')) : undefined}
          suffix={f.type === 'money' ? t('apps.form.yuan') : undefined}
          placeholder={ph}
        />
      );
    case 'date':
    case 'month': {
      const fmt = f.type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM';
      const d = typeof value === 'string' && dayjs(value, fmt, true).isValid() ? dayjs(value, fmt) : null;
      return (
        <DatePicker
          {...common}
          picker={f.type === 'month' ? 'month' : 'date'}
          style={{ width: '100%' }}
          value={d}
          format={fmt}
          onChange={(v) => onChange(v ? v.format(fmt) : undefined)}
          placeholder={t('apps.form.selectPlaceholder')}
        />
      );
    }
    case 'select':
      if (f.allowOther) {
        return (
          <AutoComplete
            {...common}
            value={typeof value === 'string' ? value : undefined}
            options={options}
            onChange={(v) => onChange(typeof v === 'string' ? v.slice(0, f.maxLength ?? 200) : undefined)}
            filterOption={(input, o) => String(o?.value ?? '').includes(input)}
            placeholder={t('apps.form.selectPlaceholder')}
            allowClear
          />
        );
      }
      return (
        <Select
          {...common}
          value={value === undefined ? undefined : value}
          options={options}
          onChange={(v) => onChange(v)}
          placeholder={t('apps.form.selectPlaceholder')}
          allowClear
        />
      );
    case 'multiselect':
      return (
        <Select
          {...common}
          mode={f.allowOther ? 'tags' : 'multiple'}
          value={Array.isArray(value) ? value : []}
          options={options}
          onChange={(v: string[]) => onChange(v.length ? v : undefined)}
          placeholder={t('apps.form.selectPlaceholder')}
          tokenSeparators={f.allowOther ? ['，', ','] : undefined}
        />
      );
    case 'boolean':
      return (
        <Radio.Group value={typeof value === 'boolean' ? value : undefined} onChange={(e) => { onChange(e.target.value); onBlur(); }} aria-label={label}>
          <Radio value={true}>{t('apps.form.yes')}</Radio>
          <Radio value={false}>{t('apps.form.no')}</Radio>
        </Radio.Group>
      );
    default:
      // text, phone, idNumber, creditCode
      return (
        <Input
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          maxLength={f.maxLength ?? (f.type === 'idNumber' ? 18 : f.type === 'creditCode' ? 18 : f.type === 'phone' ? 20 : undefined)}
          showCount={!!f.maxLength && f.maxLength <= 200 && !bare}
          placeholder={ph}
        />
      );
  }
}

/** Repeating rows (进度安排, 经费计划, 团队成员): add/remove rows, each cell a field; money columns totalled live. */
function TableField({ field: f, path, value, error, errors, readOnly, onChange, onBlur }: FieldProps) {
  const text = useText();
  const { t } = useTranslation();
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const columns = f.columns ?? [];
  const totals = moneyColumns(f).map((c) => ({ key: c.key, label: text(c.label), total: sumColumn(rows, c.key) }));
  const setRow = (i: number, key: string, v: unknown) => onChange(rows.map((r, j) => (j === i ? setKey(r, key, v) : r)));
  const limits = [f.minRows ? t('apps.form.minRows', { min: f.minRows }) : '', f.maxRows ? t('apps.form.maxRows', { max: f.maxRows }) : ''].filter(Boolean).join('，');
  const rowErrors = Object.keys(errors).some((k) => k.startsWith(`${path}[`));
  return (
    <div data-testid={testId(path)} data-error={error ? 'true' : undefined}>
    <Form.Item
      label={
        <Space>
          {text(f.label)}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t('apps.form.rows', { count: rows.length })}
            {limits && !readOnly ? `（${limits}）` : ''}
          </Typography.Text>
        </Space>
      }
      required={!!f.required}
      validateStatus={error ? 'error' : undefined}
      help={error}
      extra={!error && !readOnly && f.help ? text(f.help) : undefined}
    >
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.form.empty')} /> }}
        style={{ borderColor: rowErrors ? '#ff4d4f' : undefined }}
        columns={[
          { title: '#', width: 44, align: 'center', render: (_: unknown, __: unknown, i: number) => i + 1 },
          ...columns.map((c) => ({
            title: (
              <span>
                {c.required && !readOnly && <span style={{ color: '#ff4d4f', marginRight: 2 }}>*</span>}
                {text(c.label)}
              </span>
            ),
            key: c.key,
            width: c.type === 'textarea' ? undefined : c.type === 'money' ? 160 : c.type === 'month' || c.type === 'date' ? 150 : undefined,
            render: (_: unknown, row: Record<string, unknown>, i: number) => (
              <FieldItem
                bare
                field={c}
                path={`${path}[${i}].${c.key}`}
                value={row[c.key]}
                error={errors[`${path}[${i}].${c.key}`]}
                errors={errors}
                readOnly={readOnly}
                onChange={(v) => setRow(i, c.key, v)}
                onBlur={onBlur}
              />
            ),
          })),
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  width: 64,
                  render: (_: unknown, __: unknown, i: number) => (
                    <Button
                      type="link"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('apps.form.removeRow')}
                      data-testid={`remove-row-${path}-${i}`}
                      onClick={() => {
                        onChange(rows.filter((_r, j) => j !== i));
                        onBlur();
                      }}
                    />
                  ),
                },
              ]),
        ]}
        summary={
          totals.length && rows.length
            ? () => {
                // "合计" spans the columns before the first money column; each money column shows its total.
                const firstMoney = columns.findIndex((c) => c.type === 'money');
                return (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={firstMoney + 1} align="right">
                      <Typography.Text strong>{t('apps.form.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {columns.slice(firstMoney).map((c, ci) => {
                      const tot = totals.find((x) => x.key === c.key);
                      return (
                        <Table.Summary.Cell key={c.key} index={firstMoney + ci + 1}>
                          {tot && (
                            <Typography.Text strong data-testid={`total-${path}-${c.key}`}>
                              {money(tot.total)} {t('apps.form.yuan')}
                            </Typography.Text>
                          )}
                        </Table.Summary.Cell>
                      );
                    })}
                    {!readOnly && <Table.Summary.Cell index={columns.length + 1} />}
                  </Table.Summary.Row>
                );
              }
            : undefined
        }
      />
      {!readOnly && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          disabled={f.maxRows !== undefined && rows.length >= f.maxRows}
          onClick={() => onChange([...rows, {}])}
          data-testid={`add-row-${path}`}
        >
          {t('apps.form.addRow')}
        </Button>
      )}
    </Form.Item>
    </div>
  );
}

export default FormRenderer;
