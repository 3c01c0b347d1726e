import { TeamOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Form, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SKILL_LEVEL_NAMES } from '../../../policy/rules/conditions';
import { useEligibility, useSavePeople, useUnitPersons, type ApplicationDetail, type EligibilityFinding } from './api';
import { DeclarationsCard } from './declarations-card';
import './i18n';
import { plainMessage } from '../policies/format';

const OUTCOME_COLOR: Record<string, string> = { pass: 'success', fail: 'error', unknown: 'default', review: 'processing' };

/** 资格条件: the policy engine's findings on what the unit entered, each with its article; the people picker. */
export function EligibilityTab({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const elig = useEligibility(app.id);
  return (
    <div data-testid="eligibility-tab">
      <Typography.Paragraph type="secondary">{t('apps.eligibility.intro')}</Typography.Paragraph>
      <PeoplePicker app={app} leaderId={elig.data?.available ? elig.data.leaderId : undefined} memberIds={elig.data?.available ? elig.data.memberIds : undefined} />
      {app.program === 'construction-project' && elig.data?.available && <DeclarationsCard app={app} />}
      <Card title={t('apps.eligibility.title')} size="small">
        {elig.isLoading ? (
          <Skeleton active />
        ) : elig.isError ? (
          <Alert type="error" showIcon message={(elig.error as Error).message} />
        ) : !elig.data?.available ? (
          <Alert
            type="info"
            showIcon
            data-testid="eligibility-unavailable"
            message={t('apps.eligibility.unavailable')}
            action={<Link to="/app/self-check">{t('apps.eligibility.selfCheck')}</Link>}
          />
        ) : (
          <>
            {elig.data.eligible === true && <Alert type="success" showIcon message={t('apps.eligibility.overallPass')} style={{ marginBottom: 12 }} />}
            {elig.data.eligible === false && <Alert type="error" showIcon message={t('apps.eligibility.overallFail')} style={{ marginBottom: 12 }} />}
            {elig.data.eligible === null && (
              <Alert
                type="warning"
                showIcon
                message={t('apps.eligibility.overallUnknown')}
                style={{ marginBottom: 12 }}
                description={
                  elig.data.missing?.length ? (
                    <span>
                      {t('apps.eligibility.missing')}
                      {elig.data.missing.map((m) => m.label).join('、')}。<Link to="/app/unit">{t('apps.eligibility.goUnit')}</Link>
                    </span>
                  ) : undefined
                }
              />
            )}
            <Table<EligibilityFinding>
              size="small"
              rowKey={(f) => f.ruleId ?? f.article + f.message}
              pagination={false}
              dataSource={elig.data.findings ?? []}
              columns={[
                { title: t('apps.eligibility.article'), dataIndex: 'article', width: 130, render: (a: string) => <Typography.Text strong>{a}</Typography.Text> },
                { title: t('apps.eligibility.condition'), dataIndex: 'text', render: (v: string | undefined) => <Typography.Text style={{ fontSize: 13 }}>{v}</Typography.Text> },
                { title: t('apps.eligibility.outcome'), dataIndex: 'outcome', width: 96, render: (o: string) => <Tag color={OUTCOME_COLOR[o]}>{t(`apps.eligibility.${o}`)}</Tag> },
                { title: t('apps.eligibility.detail'), dataIndex: 'message', width: 280, render: (m: string) => plainMessage(m) },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}

function PeoplePicker({ app, leaderId, memberIds }: { app: ApplicationDetail; leaderId?: string | null; memberIds?: string[] }) {
  const { t } = useTranslation();
  const persons = useUnitPersons();
  const save = useSavePeople(app.id);
  const { message } = AntApp.useApp();
  const [leader, setLeader] = useState<string | undefined>(leaderId ?? undefined);
  const [members, setMembers] = useState<string[]>(memberIds ?? []);
  useEffect(() => {
    if (leaderId) setLeader(leaderId);
    if (memberIds) setMembers(memberIds);
  }, [leaderId, memberIds]);
  if (persons.isLoading) return null;
  const list = persons.data?.persons ?? [];
  const options = list.map((p) => ({ value: p.id, label: [p.name, p.occupation, p.skillLevel ? SKILL_LEVEL_NAMES[p.skillLevel]?.zh : null].filter(Boolean).join(' · ') }));
  return (
    <Card title={<Space><TeamOutlined />{t('apps.eligibility.people')}</Space>} size="small" style={{ marginBottom: 16 }}>
      {!persons.data?.available ? (
        <Typography.Text type="secondary">{t('apps.eligibility.peopleUnavailable')}</Typography.Text>
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span>{t('apps.eligibility.noPersons')}，<Link to="/app/unit">{t('apps.eligibility.goUnit')}</Link></span>} />
      ) : (
        <Form layout="vertical" component="div">
          <Typography.Paragraph type="secondary">{t('apps.eligibility.peopleIntro')}</Typography.Paragraph>
          <Space wrap align="end" style={{ width: '100%' }}>
            <Form.Item label={t('apps.eligibility.leader')} style={{ minWidth: 260, marginBottom: 0 }}>
              <Select value={leader} onChange={setLeader} options={options} disabled={!app.editable} showSearch optionFilterProp="label" data-testid="leader-picker" />
            </Form.Item>
            <Form.Item label={t('apps.eligibility.members')} style={{ minWidth: 420, marginBottom: 0 }}>
              <Select mode="multiple" value={members} onChange={setMembers} options={options.filter((o) => o.value !== leader)} disabled={!app.editable} optionFilterProp="label" data-testid="members-picker" />
            </Form.Item>
            {app.editable && (
              <Button
                type="primary"
                loading={save.isPending}
                disabled={!leader}
                onClick={async () => {
                  try {
                    await save.mutateAsync({ leaderId: leader!, memberIds: members });
                    message.success(t('apps.eligibility.saved'));
                  } catch (e) {
                    message.error((e as Error).message);
                  }
                }}
              >
                {t('apps.eligibility.save')}
              </Button>
            )}
          </Space>
        </Form>
      )}
    </Card>
  );
}
