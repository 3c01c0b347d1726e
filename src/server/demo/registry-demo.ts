import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { addWorkingDays, workingDaysBetween } from '../../policy/calendar';
import { fromShanghaiLocal, shanghaiDate } from '../../shared/time';
import type { Db, Tx } from '../db/client';
import { calls, noticeItems, notices, objections, studioTitles, studios, units } from '../db/schema';
import { SYSTEM_ACTOR, recordAudit } from '../modules/audit/audit.service';
import { hash as objectionHash, nextTrackingNumber } from '../modules/notices/objections.service';

/**
 * Demo notices (公示) and recognised studios of every jurisdiction, dated relative to `now` (DESIGN.md: every stage
 * has something to show today):
 * - 大兴: a notice running today of a closed studio-and-project round (京兴人社发〔2025〕21号 第十条, 第十一条: 5 个工作日),
 *   projects ≤ 50,000 元 (2026 notice 三（六）); one item withdrawn (not shown to the public);
 * - 经开区: a concluded notice whose studios were recognised, 200,000 元 each (2026 办事指南 四（一）, 京技管发〔2024〕1号 第十四条);
 * - the registry: active studios of 大兴, 经开区 and 顺义 at each level, and one 大兴 studio revoked under 第十八条（二）.
 */

const DAY = 86_400_000;
const NOTICE_DAYS = 5;

const dateMinus = (now: Date, days: number) => shanghaiDate(new Date(now.getTime() - days * DAY));
const yearOf = (d: string) => Number(d.slice(0, 4));

/** The day before a notice's first day such that `today` is its `nth` working day (so the notice runs today). */
function publishDayFor(today: string, nth: number): string {
  let d = today;
  while (workingDaysBetween(d, today) < nth) d = shanghaiDate(new Date(new Date(`${d}T12:00:00+08:00`).getTime() - DAY));
  return d;
}

const DAXING_CONTACTS = [
  { name: '周云汉、姜锦颐', phone: '81298272', address: '大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室', hours: '工作日 9:00—12:00，13:30—17:30' },
];
const ETDZ_CONTACTS = [
  { name: '经开区人力资源和社会保障服务中心', phone: '010-86355977', hours: '工作日上午9:00—12:00，下午1:30—5:00' },
  { name: '政务服务大厅“政策申报”窗口', phone: '010-67857687', address: '北京经济技术开发区万源街4号', hours: '工作日上午9:00—12:00，下午1:30—5:00' },
];

type StudioSeed = {
  jurisdiction: 'daxing' | 'etdz' | 'shunyi';
  leader: string;
  occupation: string;
  unit: string;
  unitCredit?: string;
  teamSize: number;
  /** Titles in order (district first); the last is the studio's level. */
  titles: { level: 'district' | 'municipal' | 'national'; daysAgo: number; document: string; award?: number }[];
  summary: string;
  revoked?: { daysAgo: number; reason: string; article: string };
};

const DX_DOC = '京兴人社发〔2025〕21号';
const ETDZ_DOC = '京技管发〔2024〕1号';
const SY_DOC = '顺义区技能大师工作室管理办法（试行）';
const MUNICIPAL_DOC = '北京市人力资源和社会保障局 北京市级技能大师工作室认定名单';
const NATIONAL_DOC = '人力资源社会保障部 国家级技能大师工作室建设项目名单';

const studioName = (s: Pick<StudioSeed, 'jurisdiction' | 'leader' | 'occupation'>) =>
  s.jurisdiction === 'daxing'
    ? // 京兴人社发〔2025〕21号 第九条（一）2: 大兴区+技能大师姓名+职业名称+技能大师工作室
      `大兴区${s.leader}${s.occupation}技能大师工作室`
    : s.jurisdiction === 'etdz'
      ? `经开区${s.leader}${s.occupation}技能大师工作室`
      : `顺义区${s.leader}${s.occupation}技能大师工作室`;

const REGISTRY: StudioSeed[] = [
  {
    jurisdiction: 'daxing',
    leader: '赵德明',
    occupation: '数控铣工',
    unit: '北京兴业精密机械有限公司',
    unitCredit: '91110115MA01ABCD1J',
    teamSize: 9,
    titles: [
      { level: 'district', daysAgo: 2200, document: '大兴区人力资源和社会保障局 大兴区技能大师工作室认定名单' },
      { level: 'municipal', daysAgo: 1500, document: MUNICIPAL_DOC, award: 50_000 },
      { level: 'national', daysAgo: 700, document: NATIONAL_DOC, award: 100_000 },
    ],
    summary: '聚焦航空航天精密结构件五轴数控铣削，累计带徒 42 人，其中 6 人取得高级技师职业资格。',
  },
  {
    jurisdiction: 'daxing',
    leader: '张国华',
    occupation: '焊工',
    unit: '北京京南重工机械有限公司',
    teamSize: 6,
    titles: [
      { level: 'district', daysAgo: 1400, document: '大兴区人力资源和社会保障局 大兴区技能大师工作室认定名单' },
      { level: 'municipal', daysAgo: 500, document: MUNICIPAL_DOC, award: 50_000 },
    ],
    summary: '承担压力容器与钢结构焊接工艺攻关，主持编制企业焊接工艺评定标准 3 项。',
  },
  {
    jurisdiction: 'daxing',
    leader: '刘建平',
    occupation: '汽车维修工',
    unit: '北京兴达汽车服务有限公司',
    teamSize: 5,
    titles: [{ level: 'district', daysAgo: 320, document: `${DX_DOC} 第十一条 认定名单` }],
    summary: '开展新能源汽车高压系统检修技能培训，年培训一线维修人员 120 人次以上。',
  },
  {
    jurisdiction: 'daxing',
    leader: '孙桂兰',
    occupation: '景泰蓝制作工',
    unit: '北京京兴传统工艺美术有限公司',
    teamSize: 4,
    titles: [{ level: 'district', daysAgo: 290, document: `${DX_DOC} 第十一条 认定名单` }],
    summary: '非物质文化遗产景泰蓝制作技艺传承，开设社区与中小学传承课堂。',
  },
  {
    jurisdiction: 'daxing',
    leader: '周永强',
    occupation: '电工',
    unit: '北京兴源机电设备安装有限公司',
    teamSize: 3,
    titles: [{ level: 'district', daysAgo: 1300, document: '大兴区人力资源和社会保障局 大兴区技能大师工作室认定名单' }],
    summary: '曾承担配电设备安装调试技能培训。',
    revoked: {
      daysAgo: 60,
      reason: '领办人退休后工作室停止开展工作，不能正常运转，取消工作室称号，收回铭牌。',
      article: `${DX_DOC} 第十八条（二）`,
    },
  },
  {
    jurisdiction: 'etdz',
    leader: '王志强',
    occupation: '工业机器人系统运维员',
    unit: '北京亦庄智造科技有限公司',
    unitCredit: '91110302MA02XYW7QW',
    teamSize: 7,
    titles: [
      { level: 'district', daysAgo: 900, document: `${ETDZ_DOC} 第十四条（一）`, award: 200_000 },
      { level: 'municipal', daysAgo: 400, document: `${MUNICIPAL_DOC}；${ETDZ_DOC} 第十四条（二）`, award: 100_000 },
    ],
    summary: '面向汽车焊装产线的工业机器人运维与故障诊断，建成实训工位 12 个。',
  },
  {
    jurisdiction: 'shunyi',
    leader: '马丽',
    occupation: '民航机械维修员',
    unit: '北京顺航装备维修有限公司',
    unitCredit: '91110113MA03TYHK2M',
    teamSize: 6,
    titles: [
      { level: 'district', daysAgo: 800, document: `${SY_DOC} 第六条 认定名单` },
      { level: 'municipal', daysAgo: 300, document: MUNICIPAL_DOC },
    ],
    summary: '民航发动机孔探检查与部件修理技艺传承，服务首都机场临空经济区。',
  },
  {
    jurisdiction: 'shunyi',
    leader: '李春生',
    occupation: '中式面点师',
    unit: '北京顺鑫餐饮服务有限公司',
    teamSize: 4,
    titles: [{ level: 'district', daysAgo: 600, document: `${SY_DOC} 第六条 认定名单` }],
    summary: '京味面点技艺传承与标准化，累计开展社区公益培训 30 余场。',
  },
  {
    jurisdiction: 'shunyi',
    leader: '韩卫国',
    occupation: '电工',
    unit: '北京顺义电力工程有限公司',
    teamSize: 5,
    titles: [{ level: 'district', daysAgo: 250, document: `${SY_DOC} 第六条 认定名单` }],
    summary: '开展智能配电运维技能攻关，完成技术革新成果 5 项。',
  },
];

/** The running 大兴 notice's list: new studios filed with their projects (第十条), projects ≤ 50,000 元. */
const DAXING_NOTICE_ITEMS = [
  { leader: '王建军', occupation: '数控车工', unit: '北京兴业精密机械有限公司', unitCredit: '91110115MA01ABCD1J', project: '航空发动机精密轴类零件数控车削工艺攻关与师带徒培养', amount: 50_000 },
  { leader: '李秀英', occupation: '中式烹调师', unit: '北京兴旺餐饮管理有限公司', project: '京味传统菜肴烹饪技艺传承与标准化', amount: 45_000 },
  { leader: '陈志刚', occupation: '电工', unit: '北京大兴供电设备安装有限公司', project: '配电自动化设备检修技能培训资源开发', amount: 48_000 },
  {
    leader: '郑海涛',
    occupation: '焊工',
    unit: '北京京南重工机械有限公司',
    project: '大型钢结构焊接变形控制技术攻关',
    amount: 40_000,
    withdrawn: '经核实，同一单位已有相同职业（工种）的技能大师工作室（第八条），依申报单位申请撤回。',
  },
];

/** The concluded 经开区 notice: first recognitions, 200,000 元 each (2026 办事指南 四（一）). */
const ETDZ_NOTICE_STUDIOS: StudioSeed[] = [
  {
    jurisdiction: 'etdz',
    leader: '刘洋',
    occupation: '电子设备装接工',
    unit: '北京亦庄微电子装备有限公司',
    teamSize: 5,
    titles: [],
    summary: '半导体设备精密装接与调试，培养装接调试骨干 20 余名。',
  },
  {
    jurisdiction: 'etdz',
    leader: '高晓东',
    occupation: '汽车维修工',
    unit: '北京亦庄新能源汽车服务有限公司',
    teamSize: 4,
    titles: [],
    summary: '新能源汽车三电系统诊断维修技能攻关与培训。',
  },
  {
    jurisdiction: 'etdz',
    leader: '吴静',
    occupation: '药物制剂工',
    unit: '北京经开生物医药有限公司',
    teamSize: 6,
    titles: [],
    summary: '无菌制剂生产工艺优化与 GMP 岗位技能培训。',
  },
];

export async function loadRegistryDemo(db: Db, now: Date): Promise<void> {
  const today = shanghaiDate(now);
  const unitRows = await db
    .select({ id: units.id, creditCode: units.creditCode })
    .from(units)
    .where(inArray(units.creditCode, ['91110115MA01ABCD1J', '91110302MA02XYW7QW', '91110113MA03TYHK2M']));
  const unitByCredit = new Map(unitRows.map((u) => [u.creditCode, u.id]));
  const unitId = (credit?: string) => (credit ? (unitByCredit.get(credit) ?? null) : null);

  await db.transaction(async (tx) => {
    // 大兴: a studio-and-project round (第十条) that closed 45 days ago, its notice running today.
    const dxCallId = randomUUID();
    const dxOpens = dateMinus(now, 80);
    const dxCloses = dateMinus(now, 45);
    await tx.insert(calls).values({
      id: dxCallId,
      jurisdictionId: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      title: `${yearOf(dxCloses)}年大兴区技能大师工作室认定和建设项目评选`,
      year: yearOf(dxCloses),
      opensAt: fromShanghaiLocal(`${dxOpens}T09:00`),
      closesAt: fromShanghaiLocal(`${dxCloses}T18:00`),
      quota: 3,
      contacts: DAXING_CONTACTS,
      noticeText: `根据${DX_DOC}第九条、第十条，组织开展大兴区技能大师工作室认定和建设项目评选工作。新申报工作室的，同步提交工作室认定申报材料和建设项目申报材料。`,
      createdAt: fromShanghaiLocal(`${dxOpens}T09:00`),
    });
    const dxPublishDay = publishDayFor(today, 3);
    const dxStart = addWorkingDays(dxPublishDay, 1);
    const dxEnd = addWorkingDays(dxPublishDay, NOTICE_DAYS);
    const dxNoticeId = randomUUID();
    const dxTitle = `${yearOf(dxCloses)}年大兴区技能大师工作室及建设项目拟认定名单公示`;
    await tx.insert(notices).values({
      id: dxNoticeId,
      callId: dxCallId,
      jurisdictionId: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      title: dxTitle,
      body: [
        `根据《大兴区技能大师工作室建设管理办法》（${DX_DOC}）第十一条，经单位申报、区人力资源社会保障局完整性审核和专家评审，拟认定以下单位的技能大师工作室为“大兴区技能大师工作室”，其同步申报的建设项目纳入本年度项目建设范围，现予以公示。`,
        `公示期为 ${NOTICE_DAYS} 个工作日（${dxStart.date} 至 ${dxEnd.date}）。公示期间，任何单位和个人对公示名单有异议的，可通过下列联系方式向大兴区人力资源和社会保障局实名反映，并提供必要的证明材料。`,
        '建设项目经费补助最高 5 万元，在项目结束后，对评审考核通过的建设项目拨付相应经费（2026年评选通知 三（六））。',
      ].join('\n\n'),
      contacts: DAXING_CONTACTS,
      startsOn: dxStart.date,
      endsOn: dxEnd.date,
      workingDays: NOTICE_DAYS,
      calendarBasis: dxEnd.basis,
      status: 'published',
      publishedAt: fromShanghaiLocal(`${dxPublishDay}T16:00`),
      createdAt: fromShanghaiLocal(`${dxPublishDay}T10:00`),
      updatedAt: fromShanghaiLocal(`${dxPublishDay}T16:00`),
    });
    const dxItemIds = DAXING_NOTICE_ITEMS.map(() => randomUUID());
    await tx.insert(noticeItems).values(
      DAXING_NOTICE_ITEMS.map((item, i) => ({
        id: dxItemIds[i],
        noticeId: dxNoticeId,
        position: i + 1,
        name: studioName({ jurisdiction: 'daxing', leader: item.leader, occupation: item.occupation }),
        projectName: item.project,
        unitId: unitId(item.unitCredit),
        unitName: item.unit,
        leaderName: item.leader,
        occupation: item.occupation,
        amount: item.amount,
        withdrawn: !!item.withdrawn,
        withdrawnReason: item.withdrawn ?? null,
        withdrawnAt: item.withdrawn ? now : null,
      })),
    );

    // One objection (异议) open on the running notice, filed an hour ago by a member of the public (第十一条: 公示无异议的
    // 方予认定) — the filer follows it with the tracking number and 13800138000 (or the query code DEMO2026).
    const objectionId = randomUUID();
    const filedAt = new Date(now.getTime() - 3_600_000);
    await tx.insert(objections).values({
      id: objectionId,
      trackingNumber: await nextTrackingNumber(tx, 'daxing', yearOf(today)),
      noticeId: dxNoticeId,
      noticeItemId: dxItemIds[1],
      anonymous: false,
      name: '赵先生',
      contact: '13800138000',
      body: '反映该工作室领办人近两年主要在外地门店工作，未在申报单位实际带徒传技，团队成员中有 2 人非申报单位正式职工，请核实是否符合第七条（二）的条件。',
      queryCodeHash: objectionHash('DEMO2026'),
      status: 'open',
      filedAt,
    });

    // 经开区: the round of the 2026 办事指南, concluded: notice ended, studios recognised.
    const etCallId = randomUUID();
    const etOpens = dateMinus(now, 200);
    const etCloses = dateMinus(now, 170);
    await tx.insert(calls).values({
      id: etCallId,
      jurisdictionId: 'etdz',
      editionId: 'etdz-2024',
      program: 'studio-recognition',
      title: `${yearOf(etCloses)}年经开区技能大师工作室认定资助（第一批）`,
      year: yearOf(etCloses),
      opensAt: fromShanghaiLocal(`${etOpens}T09:00`),
      closesAt: fromShanghaiLocal(`${etCloses}T17:00`),
      quota: null,
      contacts: ETDZ_CONTACTS,
      noticeText: `依据${ETDZ_DOC}第十四条，经评审首次认定为经开区技能大师工作室的，按照每个工作室20万元的标准给予一次性资助。`,
      createdAt: fromShanghaiLocal(`${etOpens}T09:00`),
    });
    const etPublishDay = dateMinus(now, 120);
    const etStart = addWorkingDays(etPublishDay, 1);
    const etEnd = addWorkingDays(etPublishDay, NOTICE_DAYS);
    const recognizedOn = addWorkingDays(etEnd.date, 5).date;
    const etNoticeId = randomUUID();
    await tx.insert(notices).values({
      id: etNoticeId,
      callId: etCallId,
      jurisdictionId: 'etdz',
      editionId: 'etdz-2024',
      program: 'studio-recognition',
      title: `${yearOf(etCloses)}年经开区技能大师工作室认定资助（第一批）拟支持名单公示`,
      body: [
        `根据《北京经济技术开发区技能大师工作室建设管理办法（试行）》（${ETDZ_DOC}）第十四条和《${yearOf(etCloses)}年经开区技能大师工作室认定资助办事指南》，经初审、实质审核、线下受理和专家评审，拟对以下申报主体给予经开区技能大师工作室认定资助，现予以公示。`,
        `公示期为 ${NOTICE_DAYS} 个工作日（${etStart.date} 至 ${etEnd.date}）。经公示无异议的，完成资金拨付（办事指南 六（八））。`,
      ].join('\n\n'),
      contacts: ETDZ_CONTACTS,
      startsOn: etStart.date,
      endsOn: etEnd.date,
      workingDays: NOTICE_DAYS,
      calendarBasis: etEnd.basis,
      status: 'concluded',
      publishedAt: fromShanghaiLocal(`${etPublishDay}T16:00`),
      concludedAt: fromShanghaiLocal(`${recognizedOn}T10:00`),
      decisionDocument: `经开区人力资源和社会保障服务中心 关于公布${yearOf(etCloses)}年经开区技能大师工作室认定名单的通知`,
      createdAt: fromShanghaiLocal(`${etPublishDay}T10:00`),
      updatedAt: fromShanghaiLocal(`${recognizedOn}T10:00`),
    });
    await tx.insert(noticeItems).values(
      ETDZ_NOTICE_STUDIOS.map((s, i) => ({
        id: randomUUID(),
        noticeId: etNoticeId,
        position: i + 1,
        name: studioName(s),
        unitName: s.unit,
        leaderName: s.leader,
        occupation: s.occupation,
        amount: 200_000,
      })),
    );

    let plaque = 0;
    const insertStudio = async (s: StudioSeed, extra: { recognizedOn?: string; sourceNoticeId?: string } = {}) => {
      const titles = s.titles.map((t) => ({ ...t, on: dateMinus(now, t.daysAgo) }));
      if (extra.recognizedOn) titles.unshift({ level: 'district', on: extra.recognizedOn, daysAgo: 0, document: `${ETDZ_DOC} 第十四条（一）`, award: 200_000 });
      const first = titles[0]!;
      const last = titles[titles.length - 1]!;
      const id = randomUUID();
      plaque++;
      const prefix = { daxing: 'DX', etdz: 'JK', shunyi: 'SY' }[s.jurisdiction];
      await tx.insert(studios).values({
        id,
        jurisdictionId: s.jurisdiction,
        editionId: { daxing: 'daxing-2025', etdz: 'etdz-2024', shunyi: 'shunyi-draft' }[s.jurisdiction],
        name: studioName(s),
        unitId: unitId(s.unitCredit),
        unitName: s.unit,
        leaderName: s.leader,
        occupation: s.occupation,
        level: last.level,
        recognizedOn: first.on,
        recognizedYear: yearOf(first.on),
        status: s.revoked ? 'revoked' : 'active',
        teamSize: s.teamSize,
        plaqueNumber: `${prefix}-JNDS-${yearOf(first.on)}-${String(plaque).padStart(3, '0')}`,
        summary: s.summary,
        revokedOn: s.revoked ? dateMinus(now, s.revoked.daysAgo) : null,
        revocationReason: s.revoked?.reason ?? null,
        revocationArticle: s.revoked?.article ?? null,
        sourceNoticeId: extra.sourceNoticeId ?? null,
        createdAt: fromShanghaiLocal(`${first.on}T10:00`),
        updatedAt: now,
      });
      await tx.insert(studioTitles).values(
        titles.map((t) => ({ id: randomUUID(), studioId: id, level: t.level, awardedOn: t.on, document: t.document, award: t.award ?? null, createdAt: now })),
      );
    };
    for (const s of REGISTRY) await insertStudio(s);
    for (const s of ETDZ_NOTICE_STUDIOS) await insertStudio(s, { recognizedOn, sourceNoticeId: etNoticeId });

    await recordDemoAudit(tx, now, { notices: 2, studios: REGISTRY.length + ETDZ_NOTICE_STUDIOS.length, runningNotice: dxNoticeId, openObjection: objectionId });
  });
}

async function recordDemoAudit(tx: Tx, now: Date, after: Record<string, unknown>) {
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'registry', after }, now);
}
