import { CheckCircleFilled, CloudSyncOutlined, DisconnectOutlined, EditOutlined, ExclamationCircleFilled, LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../shared/time';
import { FormRenderer, type RenderableForm } from '../forms/form-renderer';
import { issuesToErrors, rootOf, validateLocally } from '../forms/validate';
import { api } from '../../lib/http';
import { applicationKey, type ApplicationDetail, type ApplicationForm, type SaveFormResponse } from './api';
import { beijing, beijingClock } from './status';
import { useAutosave } from './use-autosave';
import './i18n';

export interface FormTabProps {
  application: ApplicationDetail;
  form: ApplicationForm;
  schema: RenderableForm;
  active: boolean;
  /** Show every problem, not only those of fields already touched (after a refused submission). */
  showAll: boolean;
  /** The item to fix in a correction round, if this form is one. */
  correctionComment?: string;
  /** Registers this form's save, so the page can flush every form before submitting. */
  registerFlush?: (formId: string, flush: (() => Promise<void>) | null) => void;
}

/** One form of the application: rendered from the edition's schema, validated live, autosaved. */
export function FormTab({ application, form, schema, active, showAll, correctionComment, registerFlush }: FormTabProps) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const editable = application.editable && form.editable;
  const onSaved = useCallback(
    (r: SaveFormResponse) => {
      qc.setQueryData<ApplicationDetail>(applicationKey(application.id), (old) =>
        old
          ? { ...old, forms: old.forms.map((f) => (f.id === r.formId ? { ...f, version: r.version, updatedAt: r.savedAt, complete: r.complete, issues: r.issues } : f)) }
          : old,
      );
    },
    [qc, application.id],
  );
  const fetchLatest = useCallback(async () => {
    const latest = await api<ApplicationDetail>('GET', `/api/applications/${application.id}`);
    qc.setQueryData(applicationKey(application.id), latest);
    const f = latest.forms.find((x) => x.id === form.id);
    return { data: f?.data ?? {}, version: f?.version ?? 0 };
  }, [qc, application.id, form.id]);

  const auto = useAutosave({
    applicationId: application.id,
    formId: form.id,
    initialData: form.data ?? {},
    initialVersion: form.version,
    enabled: editable,
    onSaved,
    fetchLatest,
  });
  const [touched, setTouched] = useState<Set<string>>(() => new Set(form.data ? Object.keys(form.data) : []));

  useEffect(() => {
    registerFlush?.(form.id, () => auto.save());
    return () => registerFlush?.(form.id, null);
  }, [registerFlush, form.id, auto.save]); // eslint-disable-line react-hooks/exhaustive-deps

  // Leaving the tab is a moment to save.
  useEffect(() => {
    if (!active) void auto.save(true);
  }, [active]); // eslint-disable-line react-hooks/exhaustive-deps

  const lang = i18n.language === 'en-US' ? 'en' : 'zh';
  const allErrors = useMemo(
    () => ({
      ...issuesToErrors(auto.serverIssues ?? form.issues),
      ...validateLocally(application.editionId, application.program, form.id, auto.data, shanghaiDate(new Date()), lang),
    }),
    [auto.data, auto.serverIssues, form.issues, application.editionId, application.program, form.id, lang],
  );
  const errors = useMemo(() => {
    if (!editable) return {};
    if (showAll) return allErrors;
    return Object.fromEntries(Object.entries(allErrors).filter(([p]) => touched.has(rootOf(p))));
  }, [allErrors, touched, showAll, editable]);
  const problemCount = Object.keys(allErrors).length;

  const onChange = (next: Record<string, unknown>, key: string) => {
    auto.setData(next);
    if (!touched.has(key)) setTouched(new Set(touched).add(key));
  };

  return (
    <div data-testid={`form-tab-${form.id}`}>
      <div className="jx-form-head" style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 12, gap: 12, flexWrap: 'wrap' }}>
        <Space direction="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {lang === 'zh' ? schema.title.zh : schema.title.en}
          </Typography.Title>
          {schema.citation && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {schema.citation.document} {schema.citation.article}
            </Typography.Text>
          )}
        </Space>
        {editable && problemCount > 0 && !showAll && (
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="problem-count">
            {t('apps.autosave.issues', { count: problemCount })}
          </Typography.Text>
        )}
        {editable ? <SaveIndicator status={auto.status} savedAt={auto.savedAt} updatedAt={form.updatedAt} error={auto.error} /> : <Typography.Text type="secondary"><LockOutlined /> {t('apps.autosave.readOnly')}</Typography.Text>}
      </div>

      {correctionComment && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('apps.materials.toFix')} description={correctionComment} />
      )}
      {!editable && application.editable && !correctionComment && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('apps.autosave.notInCorrection')} />
      )}
      {auto.status === 'conflict' && (
        <Alert
          type="error"
          showIcon
          data-testid="conflict"
          style={{ marginBottom: 12 }}
          message={t('apps.autosave.conflict')}
          description={t('apps.autosave.conflictHelp')}
          action={<Button danger onClick={() => void auto.reload()}>{t('apps.autosave.reload')}</Button>}
        />
      )}
      {auto.status === 'offline' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} icon={<DisconnectOutlined />} message={t('apps.autosave.offline')} />}
      {auto.restored && (
        <Alert type="info" showIcon closable style={{ marginBottom: 12 }} data-testid="draft-restored" message={t('apps.autosave.restored', { time: beijing(auto.restored, true) })} />
      )}
      {auto.staleDraft && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('apps.autosave.staleDraft', { time: beijing(auto.staleDraft.at, true) })}
          action={
            <Space direction="vertical">
              <Button size="small" onClick={auto.applyDraft}>{t('apps.autosave.useDraft')}</Button>
              <Button size="small" type="text" onClick={auto.dropDraft}>{t('apps.autosave.dropDraft')}</Button>
            </Space>
          }
        />
      )}
      {editable && problemCount > 0 && showAll && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          message={t('apps.autosave.issues', { count: problemCount })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {Object.entries(allErrors)
                .slice(0, 8)
                .map(([p, m]) => (
                  <li key={p}>{m}</li>
                ))}
            </ul>
          }
        />
      )}
      <FormRenderer schema={schema} value={auto.data} onChange={onChange} onBlur={() => void auto.save()} errors={errors} readOnly={!editable} />
    </div>
  );
}

function SaveIndicator({ status, savedAt, updatedAt, error }: { status: string; savedAt: string | null; updatedAt: string | null; error: string | null }) {
  const { t } = useTranslation();
  const last = savedAt ?? updatedAt;
  let content;
  switch (status) {
    case 'saving':
      content = <Typography.Text type="secondary"><CloudSyncOutlined spin /> {t('apps.autosave.saving')}</Typography.Text>;
      break;
    case 'dirty':
      content = <Typography.Text type="secondary"><EditOutlined /> {t('apps.autosave.dirty')}</Typography.Text>;
      break;
    case 'offline':
      content = <Typography.Text type="warning"><DisconnectOutlined /> {t('apps.autosave.offline')}</Typography.Text>;
      break;
    case 'error':
      content = <Typography.Text type="danger"><ExclamationCircleFilled /> {t('apps.autosave.error', { message: error })}</Typography.Text>;
      break;
    case 'conflict':
      content = <Typography.Text type="danger"><ExclamationCircleFilled /> {t('apps.autosave.conflict')}</Typography.Text>;
      break;
    default:
      content = last ? (
        <Typography.Text type="success"><CheckCircleFilled /> {t('apps.autosave.saved', { time: beijingClock(last) })}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('apps.autosave.notSaved')}</Typography.Text>
      );
  }
  return <span data-testid="save-indicator" data-status={status}>{content}</span>;
}
