import { DownloadOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, List, Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijing, fileSize } from '../officer/api';
import type { ScoreSheet } from './api';
import './i18n';

type Field = ScoreSheet['application']['forms'][number]['sections'][number]['fields'][number];

/** A field's value as text (the expert reads the application, never edits it). */
function display(field: Pick<Field, 'type' | 'options'>, value: unknown, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (value === null || value === undefined || value === '') return t('reviewScoring.common.none');
  if (typeof value === 'boolean') return value ? t('reviewScoring.common.yes') : t('reviewScoring.common.no');
  const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(label).join('、');
  if (field.type === 'select') return label(value);
  if (field.type === 'money' && typeof value === 'number') return t('reviewScoring.common.yuan', { n: value.toLocaleString('zh-CN') });
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function FieldValue({ field }: { field: Field }) {
  const { t } = useTranslation();
  if (field.type === 'table') {
    const rows = Array.isArray(field.value) ? (field.value as Record<string, unknown>[]) : [];
    if (!rows.length) return <>{t('reviewScoring.common.none')}</>;
    return (
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        columns={(field.columns ?? []).map((c) => ({ key: c.key, title: c.label, render: (_: unknown, row: Record<string, unknown>) => display(c, row[c.key], t) }))}
      />
    );
  }
  return <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{display(field, field.value, t)}</Typography.Text>;
}

/** The application read-only: its forms as Descriptions, one tab each, and its attachments as download links. */
export function ApplicationView({ sheet }: { sheet: ScoreSheet }) {
  const { t } = useTranslation();
  const a = sheet.application;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('reviewScoring.sheet.application')} data-testid="sheet-application">
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('reviewScoring.sheet.unit')}>{a.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('reviewScoring.sheet.leader')}>{a.leaderName ?? t('reviewScoring.common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('reviewScoring.sheet.program')}>{a.programTitle}</Descriptions.Item>
          <Descriptions.Item label={t('reviewScoring.sheet.call')}>{a.callTitle}</Descriptions.Item>
        </Descriptions>
        <Tabs
          items={a.forms.map((f) => ({
            key: f.id,
            label: f.title,
            children: f.sections.map((s) => (
              <Descriptions key={s.title} title={s.title} bordered size="small" column={1} style={{ marginBottom: 16 }} styles={{ label: { width: 180 } }}>
                {s.fields.map((fd) => (
                  <Descriptions.Item key={fd.key} label={fd.label}>
                    <FieldValue field={fd} />
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )),
          }))}
        />
      </Card>
      <Card title={t('reviewScoring.sheet.materials')} data-testid="sheet-materials">
        {a.materials.length === 0 ? (
          <Empty />
        ) : (
          <List
            size="small"
            dataSource={a.materials}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={m.title}
                  description={
                    m.files.length === 0 ? (
                      <Typography.Text type="secondary">{t('reviewScoring.sheet.noFiles')}</Typography.Text>
                    ) : (
                      <Space direction="vertical" size={2}>
                        {m.files.map((f) => (
                          <a key={f.id} href={f.url} target="_blank" rel="noreferrer">
                            {f.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {f.name}{' '}
                            <Typography.Text type="secondary">（{fileSize(f.size)}）</Typography.Text> <DownloadOutlined />
                          </a>
                        ))}
                      </Space>
                    )
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {sheet.assignment.declaredAt ? (
        <Typography.Text type="secondary">{t('reviewScoring.sheet.declaredAt', { at: beijing(sheet.assignment.declaredAt) })}</Typography.Text>
      ) : null}
    </Space>
  );
}
