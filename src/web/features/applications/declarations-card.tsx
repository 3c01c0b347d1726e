import { AuditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Checkbox, Radio, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDeclarations, ApplicationDeclarationsResponse } from '../../../shared/units';
import { addMessages } from '../../i18n';
import { api } from '../../lib/http';
import type { ApplicationDetail } from './api';

/**
 * 申报承诺 of a construction project (大兴 2026年通知 二（二）申报要求2–4; 京兴人社发〔2025〕21号 第七条（三）、第十二条):
 * the facts project.stage, project.onProhibitedCatalog and project.outsourced, which only the unit can state.
 */
const zh = {
  title: '申报承诺',
  intro: '以下事项只能由申报单位声明，用于检查申报条件（2026年通知 申报要求2–4；京兴人社发〔2025〕21号 第七条（三）、第十二条）。未勾选的事项视为尚未声明。',
  stage: '项目实施状态',
  planned: '计划实施',
  ongoing: '正在实施',
  notOnProhibitedCatalog: '本项目不属于《北京市新增产业的禁止和限制目录》范围',
  notOutsourced: '项目核心内容由工作室实施，不委托第三方',
  save: '保存承诺',
  saved: '申报承诺已保存',
  updatedAt: '最近保存：{{at}}',
};
const en: typeof zh = {
  title: 'Declarations',
  intro: 'Only the applicant can state these; they feed the eligibility check (2026 notice, requirements 2–4; Jingxing HRSS [2025] No. 21, Arts. 7(3) and 12). An unticked item counts as not yet declared.',
  stage: 'Project stage',
  planned: 'Planned',
  ongoing: 'Under way',
  notOnProhibitedCatalog: "The project is not on Beijing's catalogue of prohibited and restricted new industries",
  notOutsourced: 'The studio carries out the core work itself; nothing is outsourced',
  save: 'Save declarations',
  saved: 'Declarations saved',
  updatedAt: 'Last saved: {{at}}',
};
addMessages('declarations', zh, en);

export function DeclarationsCard({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const key = ['application', app.id, 'declarations'];
  const q = useQuery({ queryKey: key, queryFn: () => api<ApplicationDeclarationsResponse>('GET', `/api/applications/${app.id}/declarations`) });
  const [value, setValue] = useState<ApplicationDeclarations>({ projectStage: null, notOnProhibitedCatalog: null, notOutsourced: null });
  useEffect(() => {
    if (q.data) setValue({ projectStage: q.data.projectStage, notOnProhibitedCatalog: q.data.notOnProhibitedCatalog, notOutsourced: q.data.notOutsourced });
  }, [q.data]);
  const save = useMutation({
    mutationFn: (input: ApplicationDeclarations) => api<ApplicationDeclarationsResponse>('PUT', `/api/applications/${app.id}/declarations`, input),
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      void qc.invalidateQueries({ queryKey: ['application', app.id, 'eligibility'] });
      message.success(t('declarations.saved'));
    },
    onError: (e) => message.error((e as Error).message),
  });
  const disabled = !app.editable;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="declarations-card"
      title={
        <Space>
          <AuditOutlined />
          {t('declarations.title')}
        </Space>
      }
    >
      {q.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Space direction="vertical" size={10} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('declarations.intro')}</Typography.Text>
          <Space wrap>
            <Typography.Text strong>{t('declarations.stage')}：</Typography.Text>
            <Radio.Group
              disabled={disabled}
              value={value.projectStage}
              onChange={(e) => setValue({ ...value, projectStage: e.target.value })}
              options={[
                { value: 'planned', label: t('declarations.planned') },
                { value: 'ongoing', label: t('declarations.ongoing') },
              ]}
              data-testid="declaration-stage"
            />
          </Space>
          <Checkbox disabled={disabled} checked={value.notOnProhibitedCatalog === true} onChange={(e) => setValue({ ...value, notOnProhibitedCatalog: e.target.checked ? true : null })} data-testid="declaration-catalog">
            {t('declarations.notOnProhibitedCatalog')}
          </Checkbox>
          <Checkbox disabled={disabled} checked={value.notOutsourced === true} onChange={(e) => setValue({ ...value, notOutsourced: e.target.checked ? true : null })} data-testid="declaration-outsourced">
            {t('declarations.notOutsourced')}
          </Checkbox>
          {!disabled && (
            <Space>
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate(value)} data-testid="declarations-save">
                {t('declarations.save')}
              </Button>
              {q.data?.updatedAt && <Typography.Text type="secondary">{t('declarations.updatedAt', { at: q.data.updatedAt.slice(0, 16).replace('T', ' ') })}</Typography.Text>}
            </Space>
          )}
        </Space>
      )}
    </Card>
  );
}
