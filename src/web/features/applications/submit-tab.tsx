import { CheckCircleTwoTone, CloseCircleTwoTone, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/http';
import { useSubmit, type ApplicationDetail, type Receipt } from './api';
import { checklistProgress, isItemDone } from './materials-tab';
import { beijing } from './status';
import './i18n';

/** The last receipt issued (from the timeline), for a reloaded page. */
export function lastReceipt(app: ApplicationDetail): Receipt | null {
  for (let i = app.timeline.length - 1; i >= 0; i--) {
    const d = app.timeline[i].details as { receipt?: Receipt } | null;
    if ((app.timeline[i].action === 'submitted' || app.timeline[i].action === 'resubmitted') && d?.receipt) return d.receipt;
  }
  return null;
}

/** 提交: completeness summary, the submit button, the precise missing list on refusal, the receipt. */
export function SubmitTab({ app, onGo, flush }: { app: ApplicationDetail; onGo: (key: string) => void; flush: () => Promise<void> }) {
  const { t } = useTranslation();
  const submit = useSubmit(app.id);
  const [missing, setMissing] = useState<[string, string][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const resubmission = app.status === 'returned';

  if (receipt || !app.editable) {
    const r = receipt ?? lastReceipt(app);
    return (
      <Result
        status="success"
        data-testid="receipt"
        title={resubmission || app.status === 'resubmitted' ? t('apps.submit.receiptResubmitTitle') : t('apps.submit.receiptTitle')}
        subTitle={t('apps.submit.receiptSub', { number: app.number })}
        extra={
          r && (
            <Descriptions bordered column={1} size="small" style={{ maxWidth: 520, margin: '0 auto', textAlign: 'left' }}>
              <Descriptions.Item label={t('apps.submit.receiptNumber')}>
                <Typography.Text strong copyable data-testid="receipt-number">{r.number}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('apps.submit.receiptTime')}>
                <span data-testid="receipt-time">{beijing(r.at, true)}{t('apps.ws.bjt')}</span>
              </Descriptions.Item>
            </Descriptions>
          )
        }
      />
    );
  }

  const p = checklistProgress(app);
  const formsDone = app.forms.filter((f) => !f.required || f.complete).length;
  const ready = formsDone === app.forms.length && p.done === p.total;
  const closed = !resubmission && app.call.status !== 'open';

  const doSubmit = async () => {
    setMissing(null);
    setError(null);
    try {
      await flush();
      const res = await submit.mutateAsync();
      setReceipt(res.receipt);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'APPLICATION_INCOMPLETE' && e.fields) setMissing(Object.entries(e.fields));
      else setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div data-testid="submit-tab">
      <Card title={t('apps.submit.summary')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small" bordered>
          {app.forms.map((f) => (
            <Descriptions.Item key={f.id} label={<span>{t('apps.submit.forms')} · {f.title}</span>}>
              <Space>
                {f.complete ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                {f.complete ? t('apps.ws.complete') : t('apps.ws.incomplete')}
                {!f.complete && <Button type="link" size="small" onClick={() => onGo(`forms.${f.id}`)}>{t('apps.submit.missingGo')}</Button>}
              </Space>
            </Descriptions.Item>
          ))}
          {app.checklist
            .filter((c) => c.supply === 'upload')
            .map((c) => (
              <Descriptions.Item key={c.id} label={<span>{t('apps.submit.materials')} · {c.order}. {c.title}</span>}>
                <Space>
                  {isItemDone(app, c) ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : c.required ? <CloseCircleTwoTone twoToneColor="#ff4d4f" /> : <Tag>{t('apps.materials.optional')}</Tag>}
                  {c.files.length} 个文件
                  {!isItemDone(app, c) && c.required && <Button type="link" size="small" onClick={() => onGo(`materials.${c.id}`)}>{t('apps.submit.missingGo')}</Button>}
                </Space>
              </Descriptions.Item>
            ))}
        </Descriptions>
      </Card>
      {ready ? <Alert type="success" showIcon message={t('apps.submit.ready')} style={{ marginBottom: 16 }} /> : <Alert type="info" showIcon message={t('apps.submit.notReady')} style={{ marginBottom: 16 }} />}
      {closed && <Alert type="error" showIcon message={t('apps.submit.windowClosed')} style={{ marginBottom: 16 }} />}
      {missing && (
        <Alert
          type="error"
          showIcon
          data-testid="missing-list"
          style={{ marginBottom: 16 }}
          message={t('apps.submit.missingTitle')}
          description={
            <List
              size="small"
              dataSource={missing}
              renderItem={([key, msg]) => (
                <List.Item actions={[<Button key="go" type="link" size="small" onClick={() => onGo(key)}>{t('apps.submit.missingGo')}</Button>]}>{msg}</List.Item>
              )}
            />
          }
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="submit-error" />}
      <Popconfirm title={resubmission ? t('apps.submit.confirmResubmit') : t('apps.submit.confirm')} onConfirm={doSubmit} okButtonProps={{ 'data-testid': 'submit-confirm' } as never}>
        <Button type="primary" size="large" icon={<SendOutlined />} loading={submit.isPending} disabled={closed} data-testid="submit-button">
          {resubmission ? t('apps.submit.resubmit') : t('apps.submit.button')}
        </Button>
      </Popconfirm>
    </div>
  );
}
