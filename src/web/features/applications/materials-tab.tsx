import { DeleteOutlined, DownloadOutlined, FileImageOutlined, FilePdfOutlined, FormOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, List, Popconfirm, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../lib/http';
import { applicationKey, MAX_FILE_MB, materialUrl, uploadMaterial, useRemoveMaterial, type ApplicationDetail, type ChecklistEntry } from './api';
import { beijing } from './status';
import './i18n';

const MIME: Record<string, string[]> = { pdf: ['application/pdf'], jpg: ['image/jpeg'], png: ['image/png'] };
const EXT: Record<string, string> = { pdf: '.pdf', jpg: '.jpg,.jpeg', png: '.png' };

/** Checklist progress: required items done (forms complete, uploads with at least one file). */
export function checklistProgress(app: ApplicationDetail) {
  const required = app.checklist.filter((c) => c.required);
  const done = required.filter((c) => isItemDone(app, c));
  return { done: done.length, total: required.length };
}

export function isItemDone(app: ApplicationDetail, c: ChecklistEntry) {
  if (c.supply === 'online-form') return app.forms.find((f) => f.id === c.formId)?.complete ?? false;
  if (c.supply === 'e-licence') return true; // linked through the unit's 统一社会信用代码, nothing to upload
  return c.files.length > 0;
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 申报材料: the edition's checklist, item by item, with uploads. */
export function MaterialsTab({ app, onOpenForm, corrections }: { app: ApplicationDetail; onOpenForm: (formId: string) => void; corrections: Map<string, string> }) {
  const { t } = useTranslation();
  const p = checklistProgress(app);
  return (
    <div data-testid="materials-tab">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size="large" style={{ width: '100%' }} align="center">
          <Typography.Text strong>{t('apps.materials.progress')}</Typography.Text>
          <Progress percent={p.total ? Math.round((p.done / p.total) * 100) : 100} steps={Math.max(p.total, 1)} size={[28, 10]} strokeColor="#52c41a" />
          <Typography.Text data-testid="materials-progress">{t('apps.materials.progressText', p)}</Typography.Text>
        </Space>
      </Card>
      <List
        dataSource={app.checklist}
        renderItem={(item) => <ChecklistRow key={item.id} app={app} item={item} onOpenForm={onOpenForm} correction={corrections.get(`material:${item.id}`) ?? corrections.get(`form:${item.formId}`)} />}
      />
    </div>
  );
}

function RequirementTags({ item }: { item: ChecklistEntry }) {
  const { t } = useTranslation();
  const words = item.requirements ? item.requirements.split('、') : [];
  const label: Record<string, string> = { 加盖公章: t('apps.materials.stamped'), 签字: t('apps.materials.signed'), 彩色扫描: t('apps.materials.colourScan'), 原件: t('apps.materials.original') };
  const color: Record<string, string> = { 加盖公章: 'red', 签字: 'blue', 彩色扫描: 'purple', 原件: 'gold' };
  return (
    <>
      {words.map((w) => (
        <Tag key={w} color={color[w] ?? 'default'} data-testid="requirement-tag">
          {label[w] ?? w}
        </Tag>
      ))}
    </>
  );
}

function ChecklistRow({ app, item, onOpenForm, correction }: { app: ApplicationDetail; item: ChecklistEntry; onOpenForm: (formId: string) => void; correction?: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const remove = useRemoveMaterial(app.id);
  const [uploading, setUploading] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const done = isItemDone(app, item);
  const canEdit = app.editable && item.editable;
  const formats = item.formats.map((f) => f.toUpperCase()).join('、');
  const full = item.files.length >= item.maxFiles;

  const beforeUpload = (file: File) => {
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      const msg = t('apps.materials.tooBig', { name: file.name, size: MAX_FILE_MB });
      setRefusal(msg);
      message.error(msg);
      return Upload.LIST_IGNORE;
    }
    const ok = item.formats.some((f) => MIME[f]?.includes(file.type)) || file.type === '';
    if (!ok) {
      const msg = t('apps.materials.wrongType', { name: file.name, formats });
      setRefusal(msg);
      message.error(msg);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  return (
    <List.Item data-testid={`material-${item.id}`} style={{ display: 'block', padding: 0, border: 'none', marginBottom: 12 }}>
      <Card
        size="small"
        style={{ borderColor: correction ? '#faad14' : undefined }}
        title={
          <Space wrap>
            <Typography.Text strong>
              {item.order}. {item.title}
            </Typography.Text>
            {item.required ? <Tag color="red">{t('apps.materials.required')}</Tag> : item.condition ? <Tag color="orange">{t('apps.materials.conditional')}</Tag> : <Tag>{t('apps.materials.optional')}</Tag>}
            {item.supply === 'online-form' && <Tag color="geekblue">{t('apps.materials.online')}</Tag>}
            {item.supply === 'e-licence' && <Tag color="geekblue">{t('apps.materials.eLicence')}</Tag>}
            <RequirementTags item={item} />
            {correction && <Tag color="warning">{t('apps.materials.toFix')}</Tag>}
          </Space>
        }
        extra={done ? <Tag color="success">{t('apps.ws.complete')}</Tag> : <Tag>{t('apps.ws.incomplete')}</Tag>}
      >
        {correction && <Alert type="warning" showIcon message={correction} style={{ marginBottom: 8 }} />}
        {item.condition && <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{item.condition}</Typography.Paragraph>}
        {item.notes && <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 13 }}>{item.notes}</Typography.Paragraph>}
        {item.template && (
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <PaperClipOutlined /> <Link to={`/calls/${app.callId}`} target="_blank">{t('apps.materials.template', { name: item.template })}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>{t('apps.materials.templateHint')}</Typography.Text>
          </Typography.Paragraph>
        )}
        {item.supply === 'e-licence' ? (
          <Typography.Text type="secondary">{t('apps.materials.eLicenceHint')}</Typography.Text>
        ) : item.supply === 'online-form' ? (
          <Space>
            <Typography.Text type="secondary">{t('apps.materials.onlineHint')}</Typography.Text>
            {item.formId && (
              <Button size="small" icon={<FormOutlined />} onClick={() => onOpenForm(item.formId!)}>
                {t('apps.materials.goForm')}
              </Button>
            )}
          </Space>
        ) : (
          <>
            <List
              size="small"
              dataSource={item.files}
              locale={{ emptyText: <Typography.Text type="secondary">{t('apps.materials.noFiles')}</Typography.Text> }}
              renderItem={(f) => (
                <List.Item
                  data-testid="material-file"
                  actions={[
                    <a key="dl" href={materialUrl(app.id, f.id)} download={f.name}>
                      <DownloadOutlined /> {t('apps.materials.download')}
                    </a>,
                    ...(canEdit
                      ? [
                          <Popconfirm key="rm" title={t('apps.materials.removeConfirm')} onConfirm={async () => { try { await remove.mutateAsync(f.id); message.success(t('apps.materials.removed')); } catch (e) { message.error((e as Error).message); } }}>
                            <Button type="link" danger size="small" icon={<DeleteOutlined />}>{t('apps.materials.remove')}</Button>
                          </Popconfirm>,
                        ]
                      : []),
                  ]}
                >
                  <Space>
                    {f.mimeType === 'application/pdf' ? <FilePdfOutlined style={{ color: '#a61d24' }} /> : <FileImageOutlined style={{ color: '#1677ff' }} />}
                    <span>{f.name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{size(f.size)} · {beijing(f.uploadedAt)}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {canEdit && (
              <div style={{ marginTop: 8 }}>
                <Upload
                  multiple
                  accept={item.formats.map((f) => EXT[f]).join(',')}
                  showUploadList={false}
                  disabled={full}
                  beforeUpload={beforeUpload}
                  customRequest={async ({ file, onSuccess, onError }) => {
                    const f = file as File;
                    setUploading((n) => n + 1);
                    try {
                      await uploadMaterial(app.id, item.id, f);
                      setRefusal(null);
                      message.success(t('apps.materials.uploaded', { name: f.name }));
                      onSuccess?.({});
                    } catch (e) {
                      const msg = t('apps.materials.uploadFailed', { name: f.name, message: e instanceof ApiError ? e.message : (e as Error).message });
                      setRefusal(msg);
                      message.error(msg);
                      onError?.(e as Error);
                    } finally {
                      setUploading((n) => n - 1);
                      void qc.invalidateQueries({ queryKey: applicationKey(app.id) });
                    }
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={full} data-testid={`upload-${item.id}`}>
                    {t('apps.materials.upload')}
                  </Button>
                </Upload>
                <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                  {full ? t('apps.materials.full') : t('apps.materials.formats', { formats, size: MAX_FILE_MB, max: item.maxFiles })}
                </Typography.Text>
              </div>
            )}
            {!canEdit && app.editable && <Typography.Text type="secondary">{t('apps.materials.notInCorrection')}</Typography.Text>}
            {refusal && <Alert type="error" showIcon closable onClose={() => setRefusal(null)} message={refusal} style={{ marginTop: 8 }} data-testid="upload-refusal" />}
          </>
        )}
      </Card>
    </List.Item>
  );
}
