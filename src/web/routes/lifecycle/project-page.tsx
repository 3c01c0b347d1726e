import { ArrowLeftOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Skeleton,
  Space,
  Steps,
  Switch,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import { FundUseCard } from '../../features/fund-use/fund-use-card';
import '../../features/funding/i18n';
import { LoadError } from '../../features/officer/components';
import {
  uploadEvidence,
  useAddProgress,
  useAddSituation,
  useAnswerSituation,
  useAssess,
  useCompleteMilestone,
  useProject,
  useReturnClosure,
  useSubmitClosure,
  yuan,
  type FileRef,
  type ProjectDetail,
} from '../../features/projects/api';
import '../../features/projects/i18n';
import { ApiError } from '../../lib/http';
import { FLAG_COLORS, PROJECT_STATUS_COLORS } from './projects-page';

type Milestone = ProjectDetail['milestones'][number];
type Update = ProjectDetail['updates'][number];
type Closure = ProjectDetail['closures'][number];

const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Shows an API refusal on the form's fields (e.g. deliverables[1].achievedOn) or as a message. */
function useSubmit(form: FormInstance) {
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  return async (run: () => Promise<unknown>, done: () => void) => {
    try {
      await run();
      message.success(t('projects.form.saved'));
      done();
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        const fields = Object.entries(e.fields).map(([path, err]) => ({ name: path.split(/[[\].]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s)) as never, errors: [err] }));
        form.setFields(fields);
        message.error(e.message);
      } else message.error(e instanceof Error ? e.message : String(e));
    }
  };
}

/** An evidence picker: uploads each file at once and keeps the ids (value = string[]). */
function EvidenceUpload({ projectId, value, onChange, testId }: { projectId: string; value?: string[]; onChange?: (v: string[]) => void; testId?: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<FileRef[]>([]);
  useEffect(() => {
    if (!value?.length) setFiles([]);
  }, [value]);
  return (
    <Upload
      multiple
      accept=".pdf,.jpg,.jpeg,.png"
      fileList={files.map((f) => ({ uid: f.id, name: f.name, status: 'done' as const, url: f.url }))}
      onRemove={(f) => {
        const next = files.filter((x) => x.id !== f.uid);
        setFiles(next);
        onChange?.(next.map((x) => x.id));
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const ref = await uploadEvidence(projectId, file as File);
          setFiles((prev) => {
            const next = [...prev, ref];
            onChange?.(next.map((x) => x.id));
            return next;
          });
          onSuccess?.(ref);
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
          onError?.(e as Error);
        }
      }}
      showUploadList={{ showRemoveIcon: true }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {t('projects.form.upload')}
      </Button>
    </Upload>
  );
}

function FileLinks({ files }: { files: FileRef[] }) {
  if (!files.length) return null;
  return (
    <Space size={8} wrap>
      {files.map((f) => (
        <a key={f.id} href={f.url}>
          <PaperClipOutlined /> {f.name}
        </a>
      ))}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 计划书
// ---------------------------------------------------------------------------------------------------------

function PlanTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const plan = p.plan as Record<string, unknown>;
  const schedule = Array.isArray(plan.schedule) ? (plan.schedule as Record<string, string>[]) : [];
  const budget = Array.isArray(plan.budget) ? (plan.budget as { purpose: string; detail: string; amount: number }[]) : [];
  const text = (k: string) => (typeof plan[k] === 'string' ? (plan[k] as string) : Array.isArray(plan[k]) ? (plan[k] as string[]).join('、') : '—');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="project-plan">
      <Alert type="info" showIcon message={t('projects.detail.plan.readOnly', { rule: p.citation.execution })} />
      <Descriptions bordered column={1} size="small" labelStyle={{ width: 160 }}>
        {(['projectName', 'category', 'workObjects', 'outcomeName'] as const).map((k) => (
          <Descriptions.Item key={k} label={t(`projects.detail.plan.${k}`)}>
            {text(k)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('projects.detail.plan.expectedGoals')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text('expectedGoals')}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('projects.detail.plan.supervision')}>{text('supervision')}</Descriptions.Item>
        <Descriptions.Item label={t('projects.detail.plan.requestedAmount')}>{yuan(typeof plan.requestedAmount === 'number' ? plan.requestedAmount : null)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('projects.detail.plan.schedule')}</Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={schedule}
        columns={[
          { title: t('projects.detail.plan.phase'), dataIndex: 'phase', width: 160 },
          { title: t('projects.detail.plan.months'), width: 170, render: (_: unknown, r) => `${r.startMonth} — ${r.endMonth}` },
          { title: t('projects.detail.plan.content'), dataIndex: 'content' },
        ]}
      />
      <Typography.Title level={5}>{t('projects.detail.plan.budget')}</Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={budget}
        columns={[
          { title: t('projects.detail.plan.purpose'), dataIndex: 'purpose', width: 180 },
          { title: t('projects.detail.plan.detail'), dataIndex: 'detail' },
          { title: t('projects.detail.plan.amount'), dataIndex: 'amount', width: 140, align: 'right', render: (n: number) => n?.toLocaleString('zh-CN') },
        ]}
      />
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 进度
// ---------------------------------------------------------------------------------------------------------

function MilestoneModal({ p, milestone, onClose }: { p: ProjectDetail; milestone: Milestone | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useCompleteMilestone(p.id);
  const submit = useSubmit(form);
  const ok = async () => {
    const v = await form.validateFields();
    await submit(() => mutate.mutateAsync({ milestoneId: milestone!.id, done: true, completedOn: day(v.completedOn)!, note: v.note, fileIds: v.fileIds ?? [] }), onClose);
  };
  return (
    <Modal open={!!milestone} title={`${t('projects.detail.markDone')}：${milestone?.title ?? ''}`} onOk={ok} onCancel={onClose} confirmLoading={mutate.isPending} destroyOnHidden okText={t('projects.form.submit')}>
      <Form form={form} layout="vertical" initialValues={{ completedOn: dayjs() }}>
        <Form.Item name="completedOn" label={t('projects.form.completedOn')} rules={[{ required: true, message: t('projects.form.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('projects.form.note')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="fileIds" label={t('projects.form.evidence')}>
          <EvidenceUpload projectId={p.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProgressModal({ p, open, onClose }: { p: ProjectDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useAddProgress(p.id);
  const submit = useSubmit(form);
  const ok = async () => {
    const v = await form.validateFields();
    await submit(() => mutate.mutateAsync({ reportedOn: day(v.reportedOn)!, body: v.body, milestoneId: v.milestoneId || undefined, fileIds: v.fileIds ?? [] }), onClose);
  };
  return (
    <Modal open={open} title={t('projects.detail.progressBtn')} onOk={ok} onCancel={onClose} confirmLoading={mutate.isPending} destroyOnHidden okText={t('projects.form.submit')}>
      <Form form={form} layout="vertical" initialValues={{ reportedOn: dayjs() }}>
        <Form.Item name="reportedOn" label={t('projects.form.reportedOn')} rules={[{ required: true, message: t('projects.form.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="milestoneId" label={t('projects.form.milestone')}>
          <Select allowClear options={p.milestones.map((m) => ({ value: m.id, label: `${m.position}. ${m.title}` }))} />
        </Form.Item>
        <Form.Item name="body" label={t('projects.form.body')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="progress-body" />
        </Form.Item>
        <Form.Item name="fileIds" label={t('projects.form.evidence')}>
          <EvidenceUpload projectId={p.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SituationModal({ p, open, onClose }: { p: ProjectDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useAddSituation(p.id);
  const submit = useSubmit(form);
  const ok = async () => {
    const v = await form.validateFields();
    await submit(() => mutate.mutateAsync({ body: v.body, proposedEndOn: day(v.proposedEndOn)!, fileIds: v.fileIds ?? [] }), onClose);
  };
  return (
    <Modal open={open} title={t('projects.detail.situationBtn')} onOk={ok} onCancel={onClose} confirmLoading={mutate.isPending} destroyOnHidden okText={t('projects.form.submit')}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('projects.detail.situationHint', { rule: p.citation.situation })} />
      <Form form={form} layout="vertical">
        <Form.Item name="body" label={t('projects.form.situationBody')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="proposedEndOn" label={t('projects.form.proposedEndOn')} rules={[{ required: true, message: t('projects.form.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="fileIds" label={t('projects.form.evidence')}>
          <EvidenceUpload projectId={p.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AnswerModal({ p, update, onClose }: { p: ProjectDetail; update: Update | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useAnswerSituation(p.id);
  const submit = useSubmit(form);
  const ok = async () => {
    const v = await form.validateFields();
    await submit(() => mutate.mutateAsync({ updateId: update!.id, response: v.response, comment: v.comment }), onClose);
  };
  return (
    <Modal open={!!update} title={t('projects.detail.answerBtn')} onOk={ok} onCancel={onClose} confirmLoading={mutate.isPending} destroyOnHidden okText={t('projects.form.submit')}>
      <Typography.Paragraph>{update?.body}</Typography.Paragraph>
      {update?.proposedEndOn && <Tag color="warning">{t('projects.detail.proposedEnd', { date: update.proposedEndOn })}</Tag>}
      <Form form={form} layout="vertical" initialValues={{ response: 'accepted' }} style={{ marginTop: 16 }}>
        <Form.Item name="response" label={t('projects.form.response')}>
          <Radio.Group options={[{ value: 'accepted', label: t('projects.form.accept') }, { value: 'rejected', label: t('projects.form.reject') }]} />
        </Form.Item>
        <Form.Item name="comment" label={t('projects.form.comment')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProgressTab({ p, isUnit }: { p: ProjectDetail; isUnit: boolean }) {
  const { t } = useTranslation();
  const [marking, setMarking] = useState<Milestone | null>(null);
  const [progress, setProgress] = useState(false);
  const [situation, setSituation] = useState(false);
  const [answering, setAnswering] = useState<Update | null>(null);
  const title = new Map(p.milestones.map((m) => [m.id, m.title]));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('projects.detail.milestones')}>
        {p.milestones.length ? (
          <Steps
            direction="vertical"
            size="small"
            items={p.milestones.map((m) => ({
              title: (
                <Space>
                  {m.title}
                  {m.overdue && <Tag color="error">{t('projects.detail.overdue')}</Tag>}
                  {isUnit && p.can.report && m.status !== 'done' && (
                    <Button size="small" onClick={() => setMarking(m)} data-testid={`milestone-done-${m.position}`}>
                      {t('projects.detail.markDone')}
                    </Button>
                  )}
                </Space>
              ),
              status: m.status === 'done' ? 'finish' : m.overdue ? 'error' : 'wait',
              description: (
                <>
                  <div>{m.description}</div>
                  <Typography.Text type="secondary">{m.status === 'done' ? t('projects.detail.doneOn', { date: m.completedOn }) : t('projects.detail.due', { date: m.dueOn ?? '—' })}</Typography.Text>
                </>
              ),
            }))}
          />
        ) : (
          <Empty />
        )}
      </Card>
      <Card
        size="small"
        title={t('projects.detail.updates')}
        extra={
          isUnit && p.can.report ? (
            <Space>
              <Button onClick={() => setSituation(true)} data-testid="situation-open">
                {t('projects.detail.situationBtn')}
              </Button>
              <Button type="primary" onClick={() => setProgress(true)} data-testid="progress-open">
                {t('projects.detail.progressBtn')}
              </Button>
            </Space>
          ) : null
        }
      >
        {p.updates.length ? (
          <Timeline
            items={p.updates.map((u) => ({
              color: u.kind === 'situation' ? 'orange' : 'blue',
              children: (
                <div data-testid={`update-${u.id}`}>
                  <Space wrap>
                    <Typography.Text strong>{u.reportedOn}</Typography.Text>
                    <Tag color={u.kind === 'situation' ? 'warning' : 'blue'}>{t(`projects.detail.kind.${u.kind}`)}</Tag>
                    {u.milestoneId && <Tag>{title.get(u.milestoneId)}</Tag>}
                    {u.proposedEndOn && <Tag color="warning">{t('projects.detail.proposedEnd', { date: u.proposedEndOn })}</Tag>}
                  </Space>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{u.body}</Typography.Paragraph>
                  <FileLinks files={u.files} />
                  {u.kind === 'situation' &&
                    (u.officerResponse ? (
                      <Alert
                        style={{ marginTop: 8 }}
                        type={u.officerResponse === 'accepted' ? 'success' : 'error'}
                        message={`${t(`projects.detail.answered.${u.officerResponse}`)}：${u.officerComment ?? ''}`}
                      />
                    ) : (
                      <Space style={{ marginTop: 8 }}>
                        <Tag color="processing">{t('projects.detail.answerPending')}</Tag>
                        {p.can.answer && (
                          <Button size="small" type="primary" onClick={() => setAnswering(u)} data-testid="situation-answer">
                            {t('projects.detail.answerBtn')}
                          </Button>
                        )}
                      </Space>
                    ))}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty description={t('projects.detail.noUpdates')} />
        )}
      </Card>
      <MilestoneModal p={p} milestone={marking} onClose={() => setMarking(null)} />
      <ProgressModal p={p} open={progress} onClose={() => setProgress(false)} />
      <SituationModal p={p} open={situation} onClose={() => setSituation(false)} />
      <AnswerModal p={p} update={answering} onClose={() => setAnswering(null)} />
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 结项报告
// ---------------------------------------------------------------------------------------------------------

function ClosureModal({ p, open, onClose }: { p: ProjectDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useSubmitClosure(p.id);
  const submit = useSubmit(form);
  const previous = p.closures[0];
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      summary: previous?.summary ?? '',
      deliverables: p.planItems.map((i) => {
        const old = previous?.deliverables.find((d) => d.planItem === i.planItem && d.source === i.source);
        return { ...i, achieved: old?.achieved ?? '', achievedOn: old?.achievedOn ? dayjs(old.achievedOn) : undefined, met: old?.met ?? true, fileIds: [] };
      }),
    });
  }, [open, p, previous, form]);
  const ok = async () => {
    const v = await form.validateFields();
    await submit(
      () =>
        mutate.mutateAsync({
          summary: v.summary,
          deliverables: (v.deliverables as { planItem: string; source: 'outcome' | 'goal'; achieved: string; achievedOn?: Dayjs; met: boolean; fileIds?: string[] }[]).map((d) => ({
            planItem: d.planItem,
            source: d.source,
            achieved: d.achieved,
            achievedOn: day(d.achievedOn),
            met: d.met,
            fileIds: d.fileIds ?? [],
          })),
        }),
      onClose,
    );
  };
  return (
    <Modal open={open} width={860} title={t('projects.detail.closureBtn')} onOk={ok} onCancel={onClose} confirmLoading={mutate.isPending} destroyOnHidden okText={t('projects.form.submit')} okButtonProps={{ 'data-testid': 'closure-submit' } as never}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('projects.form.closureIntro', { start: p.periodStart ?? '—', end: p.periodEnd ?? '—' })} />
      <Form form={form} layout="vertical">
        <Form.Item name="summary" label={t('projects.form.summary')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input.TextArea rows={3} maxLength={10000} data-testid="closure-summary" />
        </Form.Item>
        <Form.List name="deliverables">
          {(fields) =>
            fields.map((f) => {
              const item = p.planItems[f.name];
              return (
                <Card key={f.key} size="small" style={{ marginBottom: 12 }} title={<Space><Tag color={item?.source === 'outcome' ? 'purple' : 'blue'}>{t(`projects.detail.deliverable.${item?.source ?? 'goal'}`)}</Tag><span style={{ whiteSpace: 'normal' }}>{item?.planItem}</span></Space>}>
                  <Form.Item name={[f.name, 'planItem']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'source']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'achieved']} label={t('projects.detail.deliverable.achieved')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
                    <Input.TextArea rows={2} maxLength={5000} data-testid={`deliverable-achieved-${f.name}`} />
                  </Form.Item>
                  <Flex gap={16} wrap>
                    <Form.Item name={[f.name, 'achievedOn']} label={t('projects.detail.deliverable.achievedOn')}>
                      <DatePicker data-testid={`deliverable-date-${f.name}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'met']} label={t('projects.detail.deliverable.met')} valuePropName="checked">
                      <Switch checkedChildren={t('projects.detail.yes')} unCheckedChildren={t('projects.detail.no')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fileIds']} label={t('projects.detail.deliverable.evidence')}>
                      <EvidenceUpload projectId={p.id} />
                    </Form.Item>
                  </Flex>
                </Card>
              );
            })
          }
        </Form.List>
      </Form>
    </Modal>
  );
}

function ReturnModal({ p, closure, onClose }: { p: ProjectDetail; closure: Closure | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useReturnClosure(p.id);
  const submit = useSubmit(form);
  const ok = async () => {
    const v = await form.validateFields();
    await submit(() => mutate.mutateAsync({ closureId: closure!.id, reason: v.reason }), onClose);
  };
  return (
    <Modal open={!!closure} title={t('projects.detail.returnBtn')} onOk={ok} onCancel={onClose} confirmLoading={mutate.isPending} destroyOnHidden okText={t('projects.form.submit')}>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('projects.form.reason')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ClosureTab({ p, isUnit }: { p: ProjectDetail; isUnit: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [returning, setReturning] = useState<Closure | null>(null);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type={p.flags.includes('overdue') ? 'error' : 'info'}
        showIcon
        message={t('projects.detail.closureDue', { date: p.closeBy ?? '—', rule: p.citation.closeBy })}
        action={
          isUnit && p.can.close ? (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="closure-open">
              {t('projects.detail.closureBtn')}
            </Button>
          ) : null
        }
      />
      {p.closures.length === 0 && <Empty description={t('projects.detail.closureNone')} />}
      {p.closures.map((c) => (
        <Card
          key={c.id}
          size="small"
          data-testid={`closure-${c.version}`}
          title={
            <Space wrap>
              {t('projects.detail.version', { v: c.version })}
              <Tag color={c.status === 'returned' ? 'warning' : c.status === 'assessed' ? 'success' : 'processing'}>{t(`projects.detail.closureStatus.${c.status}`)}</Tag>
              {c.late && <Tag color="warning">{t('projects.detail.late')}</Tag>}
              <Typography.Text type="secondary">{dayjs(c.submittedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            </Space>
          }
          extra={
            p.can.returnClosure && c.status === 'submitted' ? (
              <Button danger size="small" onClick={() => setReturning(c)} data-testid="closure-return">
                {t('projects.detail.returnBtn')}
              </Button>
            ) : null
          }
        >
          {c.returnReason && <Alert type="warning" style={{ marginBottom: 12 }} message={t('projects.detail.returnReason', { reason: c.returnReason })} />}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</Typography.Paragraph>
          <Table
            size="small"
            rowKey={(d) => `${d.source}-${d.planItem}`}
            pagination={false}
            dataSource={c.deliverables}
            columns={[
              { title: t('projects.detail.deliverable.planItem'), render: (_: unknown, d) => <><Tag color={d.source === 'outcome' ? 'purple' : 'blue'}>{t(`projects.detail.deliverable.${d.source}`)}</Tag>{d.planItem}</> },
              { title: t('projects.detail.deliverable.achieved'), dataIndex: 'achieved' },
              { title: t('projects.detail.deliverable.achievedOn'), dataIndex: 'achievedOn', width: 110, render: (v?: string) => v ?? '—' },
              { title: t('projects.detail.deliverable.met'), dataIndex: 'met', width: 80, render: (m: boolean) => <Tag color={m ? 'success' : 'error'}>{m ? t('projects.detail.yes') : t('projects.detail.no')}</Tag> },
              { title: t('projects.detail.deliverable.evidence'), width: 180, render: (_: unknown, d) => <FileLinks files={d.files} /> },
            ]}
          />
        </Card>
      ))}
      <ClosureModal p={p} open={open} onClose={() => setOpen(false)} />
      <ReturnModal p={p} closure={returning} onClose={() => setReturning(null)} />
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 评估
// ---------------------------------------------------------------------------------------------------------

function AssessModal({ p, open, onClose }: { p: ProjectDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useAssess(p.id);
  const submit = useSubmit(form);
  const outcome = Form.useWatch('outcome', form);
  const latest = p.closures[0];
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      outcome: 'passed',
      payableAmount: p.approvedAmount ?? undefined,
      items: (latest?.deliverables ?? []).map((d) => ({ planItem: d.planItem, accepted: d.met, comment: '' })),
      expertOpinions: [{ expert: '', opinion: '' }],
    });
  }, [open, p, latest, form]);
  const ok = async () => {
    const v = await form.validateFields();
    await submit(
      () =>
        mutate.mutateAsync({
          outcome: v.outcome,
          reasons: v.reasons,
          payableAmount: v.outcome === 'failed' ? undefined : v.payableAmount,
          items: (v.items ?? []).map((i: { planItem: string; accepted: boolean; comment?: string }) => ({ planItem: i.planItem, accepted: i.accepted, comment: i.comment || undefined })),
          expertOpinions: (v.expertOpinions ?? []).filter((e: { expert?: string; opinion?: string }) => e.expert?.trim() && e.opinion?.trim()),
        }),
      onClose,
    );
  };
  return (
    <Modal open={open} width={760} title={t('projects.detail.assessBtn')} onOk={ok} onCancel={onClose} confirmLoading={mutate.isPending} destroyOnHidden okText={t('projects.form.submit')} okButtonProps={{ 'data-testid': 'assess-submit' } as never}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={p.citation.payment} />
      <Form form={form} layout="vertical">
        <Form.Item name="outcome" label={t('projects.form.outcome')}>
          <Radio.Group optionType="button" options={(['passed', 'partly', 'failed'] as const).map((o) => ({ value: o, label: t(`projects.outcome.${o}`) }))} />
        </Form.Item>
        {outcome !== 'failed' && (
          <Form.Item name="payableAmount" label={t('projects.detail.payable')} extra={t('projects.form.payableHelp', { amount: yuan(p.approvedAmount) })} rules={[{ required: true, message: t('projects.form.required') }]}>
            <InputNumber min={1} max={p.approvedAmount ?? undefined} precision={0} style={{ width: 200 }} addonAfter="元" data-testid="assess-payable" />
          </Form.Item>
        )}
        <Form.Item name="reasons" label={t('projects.detail.reasons')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="assess-reasons" />
        </Form.Item>
        <Typography.Title level={5}>{t('projects.form.itemsTitle')}</Typography.Title>
        <Form.List name="items">
          {(fields) =>
            fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item name={[f.name, 'planItem']} style={{ flex: 2 }}>
                  <Input disabled />
                </Form.Item>
                <Form.Item name={[f.name, 'accepted']} valuePropName="checked">
                  <Switch checkedChildren={t('projects.detail.accepted')} unCheckedChildren={t('projects.detail.notAccepted')} />
                </Form.Item>
                <Form.Item name={[f.name, 'comment']} style={{ flex: 1 }}>
                  <Input placeholder={t('projects.form.comment')} maxLength={2000} />
                </Form.Item>
              </Flex>
            ))
          }
        </Form.List>
        <Typography.Title level={5}>{t('projects.detail.experts')}</Typography.Title>
        <Form.List name="expertOpinions">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8}>
                  <Form.Item name={[f.name, 'expert']} style={{ width: 160 }}>
                    <Input placeholder={t('projects.form.expert')} maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'opinion']} style={{ flex: 1 }}>
                    <Input placeholder={t('projects.form.opinion')} maxLength={2000} />
                  </Form.Item>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ expert: '', opinion: '' })}>
                {t('projects.form.addExpert')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function AssessmentTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const a = p.assessment;
  if (!a)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('projects.detail.assessWait', { rule: p.citation.payment })} />
        {p.can.assess ? (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="assess-open">
            {t('projects.detail.assessBtn')}
          </Button>
        ) : (
          <Empty description={t('projects.detail.assessNone')} />
        )}
        <AssessModal p={p} open={open} onClose={() => setOpen(false)} />
      </Space>
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="assessment">
      <Descriptions bordered size="small" column={1} labelStyle={{ width: 160 }}>
        <Descriptions.Item label={t('projects.form.outcome')}>
          <Tag color={a.outcome === 'failed' ? 'error' : a.outcome === 'partly' ? 'cyan' : 'success'}>{t(`projects.outcome.${a.outcome}`)}</Tag> {a.assessedOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('projects.detail.payable')}>{a.outcome === 'failed' ? t('projects.detail.failedLine') : yuan(a.payableAmount)}</Descriptions.Item>
        <Descriptions.Item label={t('projects.detail.reasons')}>{a.reasons}</Descriptions.Item>
      </Descriptions>
      {a.items.length > 0 && (
        <Table
          size="small"
          rowKey="planItem"
          pagination={false}
          dataSource={a.items}
          columns={[
            { title: t('projects.detail.deliverable.planItem'), dataIndex: 'planItem' },
            { title: t('projects.form.response'), dataIndex: 'accepted', width: 100, render: (v: boolean) => <Tag color={v ? 'success' : 'error'}>{v ? t('projects.detail.accepted') : t('projects.detail.notAccepted')}</Tag> },
            { title: t('projects.form.comment'), dataIndex: 'comment', render: (v?: string) => v ?? '' },
          ]}
        />
      )}
      {a.expertOpinions.length > 0 && (
        <Card size="small" title={t('projects.detail.experts')}>
          <List size="small" dataSource={a.expertOpinions} renderItem={(e) => <List.Item><Typography.Text strong>{e.expert}</Typography.Text>：{e.opinion}</List.Item>} />
        </Card>
      )}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 经费
// ---------------------------------------------------------------------------------------------------------

function FundsTab({ p, isUnit }: { p: ProjectDetail; isUnit: boolean }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('projects.detail.lines')}>
        {p.disbursements.length ? (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.disbursements}
            columns={[
              {
                title: t('funding.disb.col.purpose'),
                render: (_: unknown, l) => (
                  <>
                    <div>{l.purpose}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {l.condition ? `${l.condition}（${l.citation}）` : l.citation}
                    </Typography.Text>
                  </>
                ),
              },
              { title: t('funding.disb.col.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (n: number) => yuan(n) },
              { title: t('funding.disb.col.paid'), dataIndex: 'paidAmount', width: 120, align: 'right', render: (n: number) => yuan(n) },
              {
                title: t('funding.disb.col.status'),
                width: 120,
                render: (_: unknown, l) => (
                  <Tag color={p.status === 'failed' ? 'error' : l.status === 'paid' ? 'success' : l.status === 'due' ? 'processing' : 'warning'} data-testid={`project-line-${l.id}`}>
                    {p.status === 'failed' ? t('projects.detail.failedLine') : t(`projects.disb.${l.status}`)}
                  </Tag>
                ),
              },
              { title: t('projects.detail.payments'), width: 240, render: (_: unknown, l) => l.payments.map((x) => <div key={x.voucherNumber}>{x.paidOn} · {yuan(x.amount)} · {x.voucherNumber}</div>) },
            ]}
          />
        ) : (
          <Empty description={t('projects.detail.noLines')} />
        )}
      </Card>
      <FundUseCard projectId={p.id} canEdit={isUnit} />
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Page
// ---------------------------------------------------------------------------------------------------------

/** /app/projects/:id — one construction project from approval through closure, assessment and payment. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useProject(id);
  const { data: me } = useMe();
  const p = q.data;
  useEffect(() => {
    document.title = `${p?.name ?? t('projects.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [p, t]);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isLoading || !p) return <Skeleton active />;
  const unitView = !!me?.roles.some((r) => r.role === 'applicant') && me?.unit?.id === p.unitId;
  const paid = p.disbursements.length > 0 && p.disbursements.every((l) => l.status === 'paid');
  const assessed = ['passed', 'partly-passed', 'failed'].includes(p.status);
  const current = paid ? 3 : assessed ? (p.status === 'failed' ? 2 : 3) : p.status === 'closure-submitted' ? 1 : 0;
  return (
    <div data-testid="project-page">
      <Link to="/app/projects">
        <ArrowLeftOutlined /> {t('projects.detail.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginTop: 8 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.name}
          </Typography.Title>
          <Space size={4} wrap style={{ marginTop: 8 }} data-testid="project-status">
            <Tag color={PROJECT_STATUS_COLORS[p.status]}>{p.statusName}</Tag>
            {paid && <Tag color="success">{t('projects.detail.paidDone')}</Tag>}
            {p.flags.map((f) => (
              <Tag key={f} color={FLAG_COLORS[f]}>
                {t(`projects.flag.${f}`)}
              </Tag>
            ))}
            {p.category && <Tag>{p.category}</Tag>}
          </Space>
        </div>
      </Flex>
      <Card style={{ marginTop: 16 }}>
        <Steps
          current={current}
          status={p.status === 'failed' ? 'error' : paid ? 'finish' : 'process'}
          items={[
            { title: t('projects.detail.steps.exec'), description: p.periodStart ? `${p.periodStart} — ${p.periodEnd}` : undefined },
            { title: t('projects.detail.steps.closure'), description: p.closures[0] ? dayjs(p.closures[0].submittedAt).format('YYYY-MM-DD') : `≤ ${p.closeBy ?? '—'}` },
            { title: t('projects.detail.steps.assess'), description: p.assessment ? `${t(`projects.outcome.${p.assessment.outcome}`)} ${p.assessment.assessedOn}` : undefined },
            { title: paid ? t('projects.detail.paidDone') : t('projects.detail.steps.paid'), description: p.paidAmount ? yuan(p.paidAmount) : undefined },
          ]}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2, lg: 4 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('projects.detail.facts.unit')}>{p.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('projects.detail.facts.studio')}>{p.studioName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.detail.facts.number')}>{p.applicationNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.detail.facts.decided')}>{p.decidedOn}</Descriptions.Item>
          <Descriptions.Item label={t('projects.detail.facts.period')}>{p.periodStart ? `${p.periodStart} — ${p.periodEnd}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.detail.facts.closeBy')}>{p.closeBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.detail.facts.approved')}>{yuan(p.approvedAmount)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.detail.facts.paid')}>{yuan(p.paidAmount)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          defaultActiveKey="plan"
          items={[
            { key: 'plan', label: t('projects.detail.tabs.plan'), children: <PlanTab p={p} /> },
            { key: 'progress', label: t('projects.detail.tabs.progress'), children: <ProgressTab p={p} isUnit={unitView} /> },
            { key: 'closure', label: t('projects.detail.tabs.closure'), children: <ClosureTab p={p} isUnit={unitView} /> },
            { key: 'assessment', label: t('projects.detail.tabs.assessment'), children: <AssessmentTab p={p} /> },
            { key: 'funds', label: t('projects.detail.tabs.funds'), children: <FundsTab p={p} isUnit={unitView} /> },
          ]}
        />
      </Card>
    </div>
  );
}
