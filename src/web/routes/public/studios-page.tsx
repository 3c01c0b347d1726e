import { Alert, Breadcrumb, Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import { useStudios, type StudioListQuery, type StudioSummary } from '../../features/registry/api';
import { LevelTag, StudioStatusTag } from '../../features/registry/parts';

const LEVELS = ['national', 'municipal', 'district'] as const;
const JURISDICTIONS = ['daxing', 'etdz', 'shunyi'] as const;
const STATUSES = ['active', 'suspended', 'revoked', 'dissolved'] as const;
const OFFICER_ROLES = ['program', 'intake', 'inspector'];
const collator = new Intl.Collator('zh-CN');

export default function StudiosPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    document.title = `${t('registry.studios.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const query: StudioListQuery = {
    jurisdiction: params.get('jurisdiction') ?? undefined,
    occupation: params.get('occupation') ?? undefined,
    level: (params.get('level') as StudioListQuery['level']) ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    q: params.get('q') ?? undefined,
    status: (params.get('status') as StudioListQuery['status']) ?? undefined,
  };
  const filtered = Object.values(query).some((v) => v !== undefined);
  const all = useStudios({});
  const studios = useStudios(query);

  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const options = useMemo(() => {
    const rows = all.data ?? [];
    return {
      occupations: [...new Set(rows.map((s) => s.occupation))].sort(collator.compare),
      years: [...new Set(rows.map((s) => Number(s.recognizedOn.slice(0, 4))))].sort((a, b) => b - a),
    };
  }, [all.data]);

  const officerGrants = (me.data?.roles ?? []).filter((r) => OFFICER_ROLES.includes(r.role) && r.jurisdiction);
  const rows = studios.data ?? [];
  const count = (level: string) => rows.filter((s) => s.level === level).length;

  return (
    <main className="jx-main">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/">{t('registry.common.home')}</Link> }, { title: t('registry.studios.title') }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('registry.studios.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('registry.studios.intro')}
      </Typography.Paragraph>
      {officerGrants.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('registry.studios.officerNote', {
            role: [...new Set(officerGrants.map((r) => t(`registry.roles.${r.role}`)))].join('、'),
            jurisdictions: [...new Set(officerGrants.map((r) => t(`registry.jurisdictions.${r.jurisdiction}`, { defaultValue: r.jurisdiction })))].join('、'),
          })}
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['all', ...LEVELS] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small">
              <Statistic title={t(`registry.studios.stat.${k}`)} value={k === 'all' ? rows.length : count(k)} loading={studios.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            key={params.get('q') ?? ''}
            defaultValue={query.q}
            placeholder={t('registry.studios.search')}
            style={{ width: 300 }}
            onSearch={(v) => set('q', v.trim())}
            data-testid="studio-search"
          />
          <Select
            style={{ width: 150 }}
            value={query.jurisdiction ?? ''}
            onChange={(v) => set('jurisdiction', v)}
            options={[{ value: '', label: t('registry.jurisdictions.all') }, ...JURISDICTIONS.map((j) => ({ value: j, label: t(`registry.jurisdictions.${j}`) }))]}
            aria-label={t('registry.studios.jurisdiction')}
          />
          <Select
            style={{ width: 200 }}
            showSearch
            value={query.occupation ?? ''}
            onChange={(v) => set('occupation', v)}
            options={[{ value: '', label: t('registry.studios.allOccupations') }, ...options.occupations.map((o) => ({ value: o, label: o }))]}
            aria-label={t('registry.studios.occupation')}
          />
          <Select
            style={{ width: 130 }}
            value={query.level ?? ''}
            onChange={(v) => set('level', v)}
            options={[{ value: '', label: t('registry.studios.allLevels') }, ...LEVELS.map((l) => ({ value: l, label: t(`registry.level.${l}`) }))]}
            aria-label={t('registry.studios.level')}
          />
          <Select
            style={{ width: 130 }}
            value={query.year ?? ''}
            onChange={(v) => set('year', v)}
            options={[{ value: '', label: t('registry.studios.allYears') }, ...options.years.map((y) => ({ value: y, label: t('registry.studios.yearValue', { year: y }) }))]}
            aria-label={t('registry.studios.year')}
          />
          {officerGrants.length > 0 && (
            <Select
              style={{ width: 140 }}
              value={query.status ?? ''}
              onChange={(v) => set('status', v)}
              options={[{ value: '', label: t('registry.studios.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`registry.status.${s}`) }))]}
              aria-label={t('registry.studios.col.status')}
            />
          )}
          {filtered && <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('registry.studios.reset')}</Button>}
        </Space>
        {studios.error ? (
          <Alert
            type="error"
            showIcon
            message={t('registry.common.loadError')}
            description={(studios.error as Error).message}
            action={<Button onClick={() => studios.refetch()}>{t('registry.common.retry')}</Button>}
          />
        ) : (
          <Table<StudioSummary>
            rowKey="id"
            loading={studios.isLoading || studios.isFetching}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('registry.studios.empty')} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('registry.studios.total', { count: n }) }}
            footer={rows.length ? () => t('registry.studios.total', { count: rows.length }) : undefined}
            scroll={{ x: 960 }}
            columns={[
              {
                title: t('registry.studios.col.name'),
                dataIndex: 'name',
                render: (name: string, s) => <Link to={`/studios/${s.id}`}>{name}</Link>,
              },
              {
                title: t('registry.studios.col.jurisdiction'),
                dataIndex: 'jurisdiction',
                width: 100,
                render: (j: string, r) => t(`registry.jurisdictions.${j}`, { defaultValue: r.jurisdictionName }),
              },
              { title: t('registry.studios.col.occupation'), dataIndex: 'occupation', width: 160 },
              { title: t('registry.studios.col.leader'), dataIndex: 'leader', width: 90 },
              { title: t('registry.studios.col.unit'), dataIndex: 'unit' },
              { title: t('registry.studios.col.level'), dataIndex: 'level', width: 80, render: (l: StudioSummary['level']) => <LevelTag level={l} /> },
              {
                title: t('registry.studios.col.recognizedOn'),
                dataIndex: 'recognizedOn',
                width: 120,
                sorter: (a, b) => a.recognizedOn.localeCompare(b.recognizedOn),
              },
              { title: t('registry.studios.col.status'), dataIndex: 'status', width: 110, render: (s: StudioSummary['status']) => <StudioStatusTag status={s} /> },
            ]}
          />
        )}
      </Card>
    </main>
  );
}
