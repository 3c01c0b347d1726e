/**
 * 京兴人社发〔2025〕21号 《大兴区技能大师工作室建设管理办法》 (大兴区人力资源和社会保障局、大兴区财政局, 2025-03-05),
 * with the 2026 project round of the 大兴区人社局 notice of 2026-06-08 (附件1 工作计划书, 附件2 承诺书).
 * Source texts: seeds/001_169a5dc4f03acd27.txt and seeds/000_e47bb15976c2f767.txt.
 *
 * Two programs: studio recognition (第四条: every two years, ≤3) and construction projects (yearly, ≤10, ≤1 year,
 * subsidy ≤50,000 CNY paid after the closure assessment, 第十四条). A new studio files both at once (第十条).
 * 大兴 asks 在职在聘 and 长期坚守一线 but sets no years-to-retirement margin: there is deliberately no such rule here.
 */
import {
  booleanRule,
  fail,
  formatStudioName,
  minimumRule,
  missing,
  param,
  pass,
  readBoolean,
  readDate,
  readEnum,
  readNumber,
  readString,
  review,
  reviewRule,
  SKILL_LEVEL_NAMES,
  SKILL_LEVELS,
  skillLevelAtLeast,
  type RuleMeta,
} from '../../rules/conditions';
import { addDays, addMonths } from '../../rules/dates';
import type {
  CallTemplate,
  ChangeRule,
  Citation,
  Edition,
  FieldSchema,
  FormSchema,
  MaterialItem,
  Obligation,
  Parameter,
  ProgramDef,
  ProgramId,
  RevocationTrigger,
  Rule,
  RuleResult,
  SkillLevel,
  StageDef,
  Text,
  ReviewRules,
} from '../../types';

const ID = 'daxing-2025';
const DOC = '京兴人社发〔2025〕21号';
const NOTICE_2026 = '大兴区人力资源和社会保障局《关于开展2026年大兴区技能大师工作室建设项目评选工作的通知》（2026年6月8日）';
const VALID_FROM = '2025-03-05';
const VALID_TO = '2029-12-31';

function cite(article: string, inferred?: string): Citation {
  return inferred === undefined ? { document: DOC, article } : { document: DOC, article, inferred };
}
function noticeCite(article: string, inferred?: string): Citation {
  return inferred === undefined ? { document: NOTICE_2026, article } : { document: NOTICE_2026, article, inferred };
}
function t(zh: string, en: string): Text {
  return { zh, en };
}

const BOTH: ProgramId[] = ['studio-recognition', 'construction-project'];
const PROJECT: ProgramId[] = ['construction-project'];

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

/** 第四条 工作室每两年评选一次，每次评选不超过3家. */
const STUDIO_QUOTA: Parameter<number> = [{ from: VALID_FROM, to: VALID_TO, value: 3, citation: cite('第四条') }];
/** 第四条 建设项目每年评选一次，每次评选不超过10个. */
const PROJECT_QUOTA: Parameter<number> = [{ from: VALID_FROM, to: VALID_TO, value: 10, citation: cite('第四条') }];
/** 第十四条 给予最高不超过5万元的经费补助. */
export const PROJECT_SUBSIDY_CAP: Parameter<number> = [
  { from: VALID_FROM, to: VALID_TO, value: 50_000, citation: cite('第十四条') },
];
/** 第十一条 公示期为5个工作日. */
const NOTICE_DAYS: Parameter<number> = [{ from: VALID_FROM, to: VALID_TO, value: 5, citation: cite('第十一条') }];
/** 第四条 项目建设期一般不超过1年. */
const MAX_PROJECT_MONTHS = 12;
/** 第九条（一）2 申报工作室名称格式为“大兴区+技能大师姓名+职业名称+技能大师工作室”. */
const STUDIO_NAME_TEMPLATE = '大兴区{leaderName}{occupation}技能大师工作室';

// ---------------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------------

/**
 * 第十条: a new studio files studio and project materials together, so the studio conditions (第七条（一）（二）, 第八条)
 * apply to a project application only when the studio is not yet recognised. An unknown `studio.recognized` leaves
 * them out: the 第十条 rule then reports `unknown`, and a condition that may not apply never fails the applicant.
 */
const NEW_STUDIO_ONLY: Rule['applicability'] = {
  when: t(
    '申报工作室认定时，或尚未认定的工作室同时申报工作室和建设项目时（第十条）',
    'When applying for studio recognition, or when a studio not yet recognised applies for a project together with its recognition (Art. 10)',
  ),
  test: (facts, ctx) => ctx.program === 'studio-recognition' || readBoolean(facts, 'studio', 'recognized') === false,
};

function leaderRule(id: string, article: string, text: string): RuleMeta {
  return { id: `${ID}.${id}`, citation: cite(article), text, subject: 'leader', programs: BOTH, applicability: NEW_STUDIO_ONLY };
}
function unitRule(id: string, article: string, text: string): RuleMeta {
  return { id: `${ID}.${id}`, citation: cite(article), text, subject: 'unit', programs: BOTH, applicability: NEW_STUDIO_ONLY };
}
function projectRule(id: string, article: string, text: string): RuleMeta {
  return { id: `${ID}.${id}`, citation: cite(article), text, subject: 'project', programs: BOTH };
}

/** 第七条 凡在大兴区注册或经营的企事业单位. */
const unitLocatedIn: Rule = (() => {
  const onPass = pass('申报单位在大兴区注册或经营。', 'The unit is registered or operates in Daxing.');
  const onFail = fail(
    '申报单位须在大兴区注册或经营（第七条）。',
    'The unit must be registered or operate in Daxing District (Art. 7).',
  );
  const onMissing = missing('unit.locatedIn');
  return {
    id: `${ID}.unit.located-in`,
    citation: cite('第七条'),
    text: '凡在大兴区注册或经营的企事业单位，依托技艺精湛、贡献突出的优秀技能人才建立技能大师工作室',
    subject: 'unit',
    programs: BOTH,
    needs: ['unit.locatedIn'],
    check(facts) {
      const district = readString(facts, 'unit', 'locatedIn');
      return district === undefined ? onMissing : district === 'daxing' ? onPass : onFail;
    },
  };
})();

/**
 * 第十条 申报技能大师工作室需同时提交工作室申报材料和项目申报材料，同步参加工作室和建设项目评选。已被认定为
 * “大兴区技能大师工作室”，且处于正常运转状态的，只需提交项目申报材料，参加建设项目评选。
 */
const studioPath: Rule = (() => {
  const alreadyRecognized = fail(
    '工作室已被认定为“大兴区技能大师工作室”，无需重新申报认定；只需提交项目申报材料，参加建设项目评选（第十条）。',
    'The studio is already recognised; it does not apply again but files project materials only (Art. 10).',
  );
  const together = pass(
    '新申报的工作室同时提交工作室申报材料和项目申报材料，同步参加工作室和建设项目评选（第十条）。',
    'A new studio files studio and project materials together and enters both selections (Art. 10).',
  );
  const notTogether = fail(
    '申报技能大师工作室须同时提交工作室申报材料和项目申报材料，同步参加工作室和建设项目评选（第十条）。',
    'A new studio must file its studio and project materials together and enter both selections (Art. 10).',
  );
  const recognizedProject = review(
    '已认定的工作室只需提交项目申报材料（第十条）；是否“处于正常运转状态”由区人社局依据年度工作总结（第十九条（三））和日常管理记录核实。',
    'A recognised studio files project materials only (Art. 10); the district bureau checks that it is operating normally from its annual reports (Art. 19(3)) and management records.',
  );
  return {
    id: `${ID}.studio.application-path`,
    citation: cite('第十条'),
    text: '申报技能大师工作室需同时提交工作室申报材料和项目申报材料，同步参加工作室和建设项目评选。已被认定为“大兴区技能大师工作室”，且处于正常运转状态的，只需提交项目申报材料，参加建设项目评选。',
    subject: 'studio',
    programs: BOTH,
    needs: ['studio.recognized', 'studio.applyingTogether'],
    check(facts, ctx) {
      const recognized = readBoolean(facts, 'studio', 'recognized');
      if (ctx.program === 'studio-recognition' && recognized === true) return alreadyRecognized;
      if (ctx.program === 'construction-project') {
        if (recognized === undefined) return missing('studio.recognized');
        if (recognized) return recognizedProject;
      }
      const applyingTogether = readBoolean(facts, 'studio', 'applyingTogether');
      if (applyingTogether === undefined) return missing('studio.applyingTogether');
      return applyingTogether ? together : notTogether;
    },
  };
})();

/** 第七条（一）1 长期坚守在生产服务一线，在职在聘. */
const leaderEmployed = booleanRule({
  ...leaderRule('leader.employed', '第七条（一）1', '长期坚守在生产服务一线，在职在聘。'),
  fact: 'leader.employed',
  expected: true,
  pass: t('技能大师在职在聘。', 'The master is currently employed.'),
  fail: t('技能大师须在职在聘（第七条（一）1）。', 'The master must be currently employed (Art. 7(1)1).'),
});

/** 第七条（一）1 长期坚守在生产服务一线 — the text sets no number of years, so the experts judge it. */
const leaderFrontline: Rule = (() => {
  const evidence =
    '办法未规定最低年限，由评审专家根据工作经历证明（岗位、劳动合同、单位证明）判断是否长期坚守在生产服务一线。';
  const evidenceEn =
    'The rules set no minimum number of years; the experts judge "long at the front line" from proof of work history (post, labour contract, unit certificate).';
  const onReview = review(evidence, evidenceEn);
  const onNone = fail(
    '技能大师须长期坚守在生产服务一线（第七条（一）1），所填一线工作年限为0。',
    'The master must have worked long at the production/service front line (Art. 7(1)1); front-line years given: 0.',
  );
  return {
    id: `${ID}.leader.frontline`,
    citation: cite('第七条（一）1'),
    text: '长期坚守在生产服务一线，在职在聘。',
    subject: 'leader',
    programs: BOTH,
    applicability: NEW_STUDIO_ONLY,
    needs: ['leader.frontlineYears'],
    check(facts) {
      const v = readNumber(facts, 'leader', 'frontlineYears');
      if (v === undefined) return onReview;
      if (v <= 0) return onNone;
      return review(`已填一线工作${v}年。${evidence}`, `Front-line years given: ${v}. ${evidenceEn}`);
    },
  };
})();

/**
 * 第七条（一）2 从事职业（工种）已列入《中华人民共和国职业分类大典》或人力资源和社会保障部正式发布的新职业范围的，原则上应
 * 取得技师及以上国家职业资格证书或职业技能等级证书；未纳入…或已纳入…但尚无国家职业标准的，应具有丰富技能实操经验，熟练掌握
 * 所从事岗位的技能技艺方法。
 */
const leaderSkillLevel: Rule = (() => {
  const MIN: SkillLevel = 'technician';
  const byLevel = {} as Record<SkillLevel, RuleResult>;
  for (const level of SKILL_LEVELS) {
    const name = SKILL_LEVEL_NAMES[level];
    byLevel[level] = skillLevelAtLeast(level, MIN)
      ? pass(
          `职业已列入职业分类大典，技能大师持有${name.zh}证书，达到技师及以上。`,
          `Listed occupation; the master holds a ${name.en} certificate, technician or above.`,
        )
      : fail(
          `职业已列入职业分类大典且有国家职业标准，原则上应取得技师及以上国家职业资格证书或职业技能等级证书，现为${name.zh}（第七条（一）2）。“原则上”留有的例外由评选领导小组决定，本自查不作推定。`,
          `Listed occupation with a national standard: as a rule the master needs a technician (level 2) or higher certificate, but holds ${name.en} (Art. 7(1)2). Any exception to "as a rule" is for the selection leading group, not this check.`,
        );
  }
  const evidence = (why: string, whyEn: string) =>
    review(
      `${why}应具有丰富技能实操经验，熟练掌握所从事岗位的技能技艺方法：由评审专家根据从业经历、代表性作品或技艺展示、业绩证明判断（第七条（一）2）。`,
      `${whyEn} the master needs rich practical experience and mastery of the trade's methods, judged by the experts from work history, representative work or demonstration, and achievements (Art. 7(1)2).`,
    );
  const unlisted = evidence(
    '职业（工种）未纳入职业分类大典及新职业范围：',
    'Occupation not in the National Occupational Classification or the published new occupations:',
  );
  const noStandard = evidence(
    '职业已纳入国家职业分类体系但尚无国家职业标准：',
    'Occupation classified but without a national occupational standard:',
  );
  return {
    id: `${ID}.leader.skill-level`,
    citation: cite('第七条（一）2'),
    text: '从事职业（工种）已列入《中华人民共和国职业分类大典》或人力资源和社会保障部正式发布的新职业范围的，原则上应取得技师及以上国家职业资格证书或职业技能等级证书；从事职业（工种）未纳入《中华人民共和国职业分类大典》及人力资源和社会保障部正式发布的新职业范围的，或已纳入国家职业分类体系技能类职业（工种）范畴但尚无国家职业标准的，应具有丰富技能实操经验，熟练掌握所从事岗位的技能技艺方法。',
    subject: 'leader',
    programs: BOTH,
    applicability: NEW_STUDIO_ONLY,
    needs: ['leader.occupationListed', 'leader.hasNationalStandard', 'leader.skillLevel'],
    check(facts) {
      const listed = readBoolean(facts, 'leader', 'occupationListed');
      if (listed === undefined) return missing('leader.occupationListed');
      if (!listed) return unlisted;
      const hasStandard = readBoolean(facts, 'leader', 'hasNationalStandard');
      if (hasStandard === false) return noStandard;
      const level = readEnum(facts, 'leader', 'skillLevel', SKILL_LEVELS);
      if (level === undefined) return missing('leader.skillLevel');
      const r = byLevel[level];
      // Below 技师: fails only for an occupation with a national standard; otherwise it depends on that fact.
      return r.outcome === 'fail' && hasStandard === undefined ? missing('leader.hasNationalStandard') : r;
    },
  };
})();

/** 第七条（一）3 创造了本单位公认的先进操作方法或同行业较高生产记录…所带徒弟成为技能骨干或在技能竞赛中取得优异成绩. */
const leaderAchievements = reviewRule({
  ...leaderRule(
    'leader.achievements',
    '第七条（一）3',
    '创造了本单位公认的先进操作方法或创造了同行业较高生产记录，提高了本单位劳动生产率。在推广、应用先进技术和培养后备技能人才过程中，有明确的优秀技术团队，发扬团队精神，传授技艺，所带徒弟成为企事业单位技能骨干，或在各类技能竞赛中取得优异成绩。',
  ),
  evidence: t(
    '由评审专家审阅：本单位公认的先进操作方法或同行业较高生产记录的证明及劳动生产率提高情况；技术团队和所带徒弟名单，徒弟成为技能骨干或技能竞赛获奖的证明（获奖证书，第九条（一）4）。',
    'For the experts: proof of an advanced method recognised in the unit or a high production record and the productivity gained; the team and apprentices, and proof that apprentices became key workers or won skills competitions (certificates, Art. 9(1)4).',
  ),
});

/** 第七条（一）4 主要参与发明创造、技术或工艺革新…在编制工艺标准、工作法等方面取得显著成绩. */
const leaderInnovation = reviewRule({
  ...leaderRule(
    'leader.innovation',
    '第七条（一）4',
    '主要参与发明创造、技术或工艺革新，并发挥重要作用的技术骨干。在编制工艺标准、工作法等方面取得显著成绩，并取得较好经济效益和社会效益。',
  ),
  evidence: t(
    '由评审专家审阅：主要参与的发明创造、技术或工艺革新及本人作用的证明（专利、技术认定、技术创新证明，第九条（一）4）；编制的工艺标准、工作法及其经济效益和社会效益说明。',
    "For the experts: proof of the inventions and technical or process innovations the master mainly took part in, and the master's role (patents, technical appraisals, Art. 9(1)4); the process standards or work methods written, and their economic and social benefits.",
  ),
});

/** 第八条 同一技能大师只能领办一个工作室. */
const leaderOneStudio = booleanRule({
  ...leaderRule('leader.one-studio', '第八条', '同一技能大师只能领办一个工作室。'),
  fact: 'leader.leadsAnotherStudio',
  expected: false,
  pass: t('技能大师未领办其他工作室。', 'The master leads no other studio.'),
  fail: t(
    '同一技能大师只能领办一个工作室，该技能大师已领办其他工作室（第八条）。',
    'A master may lead only one studio, and this master already leads another (Art. 8).',
  ),
});

/** 第七条（二）1 有符合条件的技能大师，拥有相关职业、岗位技能人才梯队. */
const unitTalentPipeline = reviewRule({
  ...unitRule('unit.talent-pipeline', '第七条（二）1', '有符合条件的技能大师，拥有相关职业、岗位技能人才梯队。'),
  evidence: t(
    '技能大师条件见第七条（一）各项；技能人才梯队由评审专家根据相关职业、岗位人员名单及其职业资格或技能等级证书判断（第九条（一）4）。',
    "The master's conditions are Art. 7(1); the experts judge the skills pipeline from the list of staff in related occupations and posts and their certificates (Art. 9(1)4).",
  ),
});

/** 第七条（二）2 建立了较为完善的技能人才培养、选拔、使用、评价和激励制度. */
const unitTalentSystem = booleanRule({
  ...unitRule(
    'unit.talent-system',
    '第七条（二）2',
    '高度重视技能人才队伍建设，建立了较为完善的技能人才培养、选拔、使用、评价和激励制度。',
  ),
  fact: 'unit.hasTalentSystem',
  expected: true,
  pass: t(
    '单位已建立技能人才培养、选拔、使用、评价和激励制度；制度文件随申报材料提交，供评审核实（第九条（一）4）。',
    'The unit has a system for training, selecting, using, evaluating and rewarding skilled workers; its documents go with the application for review (Art. 9(1)4).',
  ),
  fail: t(
    '单位须建立较为完善的技能人才培养、选拔、使用、评价和激励制度（第七条（二）2）。',
    'The unit must have a fairly complete system for training, selecting, using, evaluating and rewarding skilled workers (Art. 7(2)2).',
  ),
});

/** 第七条（二）3 能为工作室提供必要的经费支持以及…工作场地和设备设施，能为工作室建立资金管理专门账目（科目）. */
const unitFundingAndVenue = booleanRule({
  ...unitRule(
    'unit.funding-and-venue',
    '第七条（二）3',
    '能为工作室提供必要的经费支持以及进行技术攻关、技术创新、技术交流、技艺传承的工作场地和设备设施，能为工作室建立资金管理专门账目（科目），确保资金规范使用。',
  ),
  fact: 'unit.providesFundingAndVenue',
  expected: true,
  pass: t(
    '单位能为工作室提供必要的经费、工作场地和设备设施，并建立资金管理专门账目（科目）；场所、设备的说明或照片随申报材料提交。',
    'The unit provides funding, a venue and equipment and keeps a dedicated account for the studio; descriptions or photos of the venue and equipment go with the application.',
  ),
  fail: t(
    '单位须能为工作室提供必要的经费支持、工作场地和设备设施，并建立资金管理专门账目（科目）（第七条（二）3）。',
    'The unit must provide the studio with funding, a venue and equipment and keep a dedicated account for it (Art. 7(2)3).',
  ),
});

/** 第七条（二）4 有明确的工作室管理制度、工作职责、目标任务. */
const unitStudioRules = booleanRule({
  ...unitRule(
    'unit.studio-rules',
    '第七条（二）4',
    '有明确的工作室管理制度、工作职责、目标任务，能够确保工作室建设持续推进。',
  ),
  fact: 'unit.hasStudioRules',
  expected: true,
  pass: t(
    '单位已制定工作室管理制度、工作职责和目标任务；制度文件随申报材料提交。',
    'The unit has set studio rules, duties and targets; the documents go with the application.',
  ),
  fail: t(
    '单位须有明确的工作室管理制度、工作职责、目标任务（第七条（二）4）。',
    'The unit must have set studio rules, duties and targets (Art. 7(2)4).',
  ),
});

/** 第七条（二）5 除技能大师外，应为工作室配备一支由3名以上正式员工组成的技术技能人才团队 (以上 includes 3). */
const unitTeam = minimumRule({
  ...unitRule(
    'unit.team',
    '第七条（二）5',
    '除技能大师外，应为工作室配备一支由3名以上正式员工组成的技术技能人才团队，成员可以是技能人才或专业技术人才。',
  ),
  fact: 'unit.teamFormalEmployees',
  min: 3,
  pass: (n) => t(`除技能大师外，团队有正式员工${n}名（须3名以上）。`, `Besides the master, the team has ${n} formal employees (3 or more needed).`),
  fail: (n) =>
    t(
      `除技能大师外，工作室团队须有3名以上正式员工，现为${n}名（第七条（二）5）。`,
      `Besides the master, the team needs 3 or more formal employees; it has ${n} (Art. 7(2)5).`,
    ),
});

/** 第八条 同一单位相同职业（工种）只能建立一个工作室；多个分厂、分公司的，每个分厂、分公司相同职业（工种）只能建立一个. */
const unitOnePerOccupation = booleanRule({
  ...unitRule(
    'unit.one-per-occupation',
    '第八条',
    '同一单位相同职业（工种）只能建立一个工作室；在本区拥有多个分厂、分公司的单位，每个分厂、分公司相同职业（工种）只能建立一个工作室。',
  ),
  fact: 'unit.sameOccupationStudioExists',
  expected: false,
  pass: t(
    '本单位（或所在分厂、分公司）尚无相同职业（工种）的工作室。',
    'The unit (or its branch) has no studio for the same occupation yet.',
  ),
  fail: t(
    '同一单位相同职业（工种）只能建立一个工作室，本单位（或所在分厂、分公司）已有相同职业（工种）的工作室（第八条）。',
    'A unit — or each of its branches in Daxing — may have only one studio per occupation, and one exists already (Art. 8).',
  ),
});

/** 第七条（三） 项目内容应符合“三区一门户”功能定位…符合下列条件之一. */
const projectContent = reviewRule({
  ...projectRule(
    'project.content',
    '第七条（三）',
    '工作室申报的建设项目内容应符合大兴区“三区一门户”功能定位。符合下列条件之一者，可按照流程参加申报和评选：1.围绕“两区”建设和急需紧缺职业（工种）开展师带徒、技艺传承培训活动的项目；2.围绕技术工艺（服务）标准编制、工艺产品开发及技术技能培训资源建设的项目；3.在工艺流程改进、技术技能革新、技艺攻关等方面切实解决工艺技术难题的项目；4.在技艺展示、技术协作、技能研修、技能推广交流等方面具有良好社会效益的项目；5.其他合理、实用、可行的建设项目。',
  ),
  needs: ['project.category'],
  evidence: t(
    '由评审专家根据工作计划书和申报书判断：项目内容是否符合大兴区“三区一门户”功能定位，并属于第七条（三）1–5所列之一（师带徒与技艺传承培训；标准编制、工艺产品开发与培训资源建设；工艺技术难题攻关；技艺展示与技能推广交流；其他合理、实用、可行的项目）。',
    "The experts judge from the work plan and the proposal whether the project fits Daxing's \"three zones, one gateway\" role and one of Art. 7(3)1–5 (apprenticeship and skills transmission; standards, products and training resources; solving process problems; showcasing and spreading skills; other reasonable, practical, feasible projects).",
  ),
});

/** 第七条（三） 已列入北京产业禁限目录范围的项目不纳入申报范围. */
const projectNotProhibited = booleanRule({
  ...projectRule('project.not-prohibited', '第七条（三）', '已列入北京产业禁限目录范围的项目不纳入申报范围。'),
  fact: 'project.onProhibitedCatalog',
  expected: false,
  pass: t('项目未列入北京产业禁限目录。', "The project is not on Beijing's prohibited and restricted industries catalogue."),
  fail: t(
    '已列入北京产业禁限目录范围的项目不纳入申报范围（第七条（三））。',
    "Projects on Beijing's prohibited and restricted industries catalogue cannot apply (Art. 7(3)).",
  ),
});

/** 第十二条 工作室不得将建设项目委托第三方实施 (the 2026 notice 申报要求4: 核心内容须由工作室实施). */
const projectNotOutsourced = booleanRule({
  ...projectRule('project.not-outsourced', '第十二条', '工作室不得将建设项目委托第三方实施。'),
  fact: 'project.outsourced',
  expected: false,
  pass: t('项目由工作室自行实施，未委托第三方。', 'The studio carries out the project itself; nothing is outsourced.'),
  fail: t(
    '工作室不得将建设项目委托第三方实施（第十二条），项目核心内容须由工作室实施。',
    'A studio may not outsource its project to a third party (Art. 12); its core content must be done by the studio.',
  ),
});

/**
 * 第四条 项目建设期一般不超过1年. Counted inclusively: a project of 2026-01-01 … 2026-12-31 is one year; ending on
 * 2027-01-01 is one day over. Longer projects are split into stages or years (2026 notice 申报要求4), so a single
 * application over a year fails, with the message saying so.
 */
const projectPeriod: Rule = (() => {
  const reversed = fail('项目结束日期早于开始日期。', 'The project ends before it starts.');
  return {
    id: `${ID}.project.period`,
    citation: cite('第四条'),
    text: '项目建设期一般不超过1年。',
    subject: 'project',
    programs: BOTH,
    needs: ['project.startDate', 'project.endDate'],
    check(facts) {
      const start = readDate(facts, 'project', 'startDate');
      if (start === undefined) return missing('project.startDate');
      const end = readDate(facts, 'project', 'endDate');
      if (end === undefined) return missing('project.endDate');
      if (end < start) return reversed;
      const lastDay = addDays(addMonths(start, MAX_PROJECT_MONTHS), -1);
      if (end <= lastDay) {
        return pass(
          `项目建设期${start}至${end}，不超过1年。`,
          `Project period ${start} to ${end}: within one year.`,
        );
      }
      return fail(
        `项目建设期${start}至${end}超过1年（最晚应于${lastDay}结束，第四条）；期限较长的项目可分阶段、分年度申报。`,
        `Project period ${start} to ${end} exceeds one year (it should end by ${lastDay}, Art. 4); longer projects may apply in stages or by year.`,
      );
    },
  };
})();

const STUDIO_RULES: Rule[] = [
  unitLocatedIn,
  studioPath,
  leaderEmployed,
  leaderFrontline,
  leaderSkillLevel,
  leaderAchievements,
  leaderInnovation,
  leaderOneStudio,
  unitTalentPipeline,
  unitTalentSystem,
  unitFundingAndVenue,
  unitStudioRules,
  unitTeam,
  unitOnePerOccupation,
];
const PROJECT_RULES: Rule[] = [projectContent, projectNotProhibited, projectNotOutsourced, projectPeriod];
/** Both programs evaluate the same list: 第十条 decides, through `applicability`, which conditions apply. */
const RULES: Rule[] = [...STUDIO_RULES, ...PROJECT_RULES];

// ---------------------------------------------------------------------------------------------------------
// The 2026 project round (notice of 2026-06-08) and its own conditions
// ---------------------------------------------------------------------------------------------------------

const CALL_2026_ID = `${ID}.project-2026`;
/** 申报要求4 本次申报的建设项目应于2026年10月底前完成结项. */
const CALL_2026_CLOSE_BY = '2026-10-31';
const PROJECT_PROGRESS = ['planned', 'ongoing', 'completed'] as const;

/**
 * 一、（一）评选范围 已被认定为“大兴区技能大师工作室”的工作室可申报建设项目: the 2026 round is for recognised studios
 * only (a new studio files studio and project together in a studio round, 第十条).
 */
const call2026Recognized: Rule = (() => {
  const ok = pass('工作室已被认定为“大兴区技能大师工作室”，在本次评选范围内。', 'The studio is recognised: within this round.');
  const notRecognized = fail(
    '2026年建设项目评选的范围是已被认定为“大兴区技能大师工作室”的工作室；尚未认定的工作室应在工作室评选时同时申报工作室和建设项目（第十条）。',
    'The 2026 project round is open to recognised studios only; a new studio applies for recognition and a project together in a studio round (Art. 10).',
  );
  return {
    id: `${CALL_2026_ID}.studio.recognized`,
    citation: noticeCite('2026年通知一、（一）评选范围'),
    text: '已被认定为“大兴区技能大师工作室”的工作室可申报建设项目，建设项目每年评选一次，每次评选不超过10个，项目建设期一般不超过1年。',
    subject: 'studio',
    programs: PROJECT,
    needs: ['studio.recognized'],
    check(facts) {
      const recognized = readBoolean(facts, 'studio', 'recognized');
      return recognized === undefined ? missing('studio.recognized') : recognized ? ok : notRecognized;
    },
  };
})();

/** 申报要求2 申报的建设项目应为计划实施或正在实施的项目，已完成的项目不在申报范围内. */
const call2026Stage: Rule = (() => {
  const ok = pass('项目为计划实施或正在实施的项目。', 'The project is planned or ongoing.');
  const completed = fail(
    '已完成的项目不在申报范围内，一经发现，取消工作室本年度项目申报资格（2026年通知 二（二）2）。',
    "Completed projects cannot apply; if found, the studio loses this year's right to apply (2026 notice 2(2)2).",
  );
  return {
    id: `${CALL_2026_ID}.project.stage`,
    citation: noticeCite('2026年通知二、（二）申报要求2'),
    text: '申报的建设项目应为计划实施或正在实施的项目，已完成的项目不在申报范围内，一经发现，取消工作室本年度项目申报资格。',
    subject: 'project',
    programs: PROJECT,
    needs: ['project.stage'],
    check(facts) {
      const stage = readEnum(facts, 'project', 'stage', PROJECT_PROGRESS);
      return stage === undefined ? missing('project.stage') : stage === 'completed' ? completed : ok;
    },
  };
})();
/** 申报要求4 本次申报的建设项目应于2026年10月底前完成结项. Reads the close-by date of the call being evaluated. */
const call2026CloseBy: Rule = {
  id: `${CALL_2026_ID}.project.close-by`,
  citation: noticeCite('2026年通知二、（二）申报要求4'),
  text: '本次申报的建设项目应于2026年10月底前完成结项。对于期限较长的建设项目，允许分阶段、分年度进行申报。建设项目核心内容须由工作室实施，不得将建设项目委托第三方实施。',
  subject: 'project',
  programs: PROJECT,
  needs: ['project.endDate'],
  check(facts, ctx) {
    const closeBy = ctx.call?.projectsCloseBy ?? CALL_2026_CLOSE_BY;
    const end = readDate(facts, 'project', 'endDate');
    if (end === undefined) return missing('project.endDate');
    if (end <= closeBy) {
      return pass(`项目于${end}结束，在${closeBy}结项期限内。`, `The project ends on ${end}, by the ${closeBy} deadline.`);
    }
    return fail(
      `本次申报的建设项目应于${closeBy}前完成结项，所填结束日期为${end}；期限较长的项目可分阶段、分年度申报。`,
      `Projects of this round must close by ${closeBy}; the end date given is ${end}. Longer projects may apply in stages or by year.`,
    );
  },
};

const CONTACT_ADDRESS = '大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室';

const CALLS: CallTemplate[] = [
  {
    id: CALL_2026_ID,
    program: 'construction-project',
    title: t('2026年大兴区技能大师工作室建设项目评选', '2026 Daxing skill master studio construction project round'),
    year: 2026,
    // 四、申报时间 自本通知发布之日（2026年6月8日）起至2026年6月26日18:00前.
    opensAt: '2026-06-08T00:00',
    closesAt: '2026-06-26T18:00',
    projectsCloseBy: CALL_2026_CLOSE_BY,
    citation: noticeCite('四、申报时间'),
    contacts: [
      { name: '周云汉', phone: '81298272', address: CONTACT_ADDRESS },
      { name: '姜锦颐', phone: '81298272', address: CONTACT_ADDRESS },
    ],
    rules: [call2026Recognized, call2026Stage, call2026CloseBy],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------------------

function field(key: string, zh: string, en: string, type: FieldSchema['type'], more: Partial<FieldSchema> = {}): FieldSchema {
  return { key, label: t(zh, en), type, ...more };
}
function options(values: [string, string][]): { value: string; label: Text }[] {
  return values.map(([zh, en]) => ({ value: zh, label: t(zh, en) }));
}
function isMoney(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
function rowsOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object') : [];
}
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** 'YYYY-MM' as a month count, or undefined. */
function monthIndex(v: unknown): number | undefined {
  const m = typeof v === 'string' ? MONTH.exec(v) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

/** 第十五条 工作室相关经费主要用于…设备设施更新完善、技术技能创新研发、技能人才交流推广、人才培训等支出. */
const BUDGET_PURPOSES = options([
  ['设备设施更新完善', 'Updating equipment and facilities'],
  ['技术技能创新研发', 'Technical and skills innovation and R&D'],
  ['技能人才交流推广', 'Skills exchange and promotion'],
  ['人才培训', 'Training'],
]);

const WORK_PLAN: FormSchema = {
  id: 'work-plan',
  title: t('大兴区技能大师工作室建设项目工作计划书', 'Daxing skill master studio construction project work plan'),
  citation: { document: DOC, article: '第九条（二）1（附件3；2026年通知附件1）' },
  programs: BOTH,
  required: true,
  sections: [
    {
      key: 'header',
      title: t('表头', 'Header'),
      fields: [
        field('unitName', '申报单位（盖章）', 'Applicant unit (stamped)', 'text', { required: true, maxLength: 100 }),
        field('submittedOn', '申报时间', 'Date of application', 'date', { required: true }),
      ],
    },
    {
      key: 'plan',
      title: t('工作计划', 'Work plan'),
      fields: [
        field('projectName', '项目名称', 'Project name', 'text', { required: true, maxLength: 100 }),
        field('category', '项目类别', 'Project category', 'select', {
          required: true,
          // 附件1 主要包括：… 等 — "mainly", so another category may be written in.
          allowOther: true,
          maxLength: 50,
          help: t(
            '主要包括：技艺创新培训、技艺传承推广、技术标准开发、培训资源建设、技术成果转化、技术革新、技术攻关研发等',
            'Mainly: skills innovation training, skills transmission, technical standards, training resources, transfer of results, technical innovation, technical R&D, etc.',
          ),
          options: options([
            ['技艺创新培训', 'Skills innovation training'],
            ['技艺传承推广', 'Skills transmission and promotion'],
            ['技术标准开发', 'Technical standard development'],
            ['培训资源建设', 'Training resource development'],
            ['技术成果转化', 'Transfer of technical results'],
            ['技术革新', 'Technical innovation'],
            ['技术攻关研发', 'Technical problem-solving R&D'],
          ]),
        }),
        field('workObjects', '工作对象', 'Work objects', 'multiselect', {
          required: true,
          allowOther: true,
          maxLength: 50,
          help: t(
            '主要包括：技术工人、产品、生产工序、工作标准、技术规范、技术规程、课题、教材、培训资料等',
            'Mainly: skilled workers, products, production processes, work standards, technical specifications, technical procedures, research topics, textbooks, training materials, etc.',
          ),
          options: options([
            ['技术工人', 'Skilled workers'],
            ['产品', 'Products'],
            ['生产工序', 'Production processes'],
            ['工作标准', 'Work standards'],
            ['技术规范', 'Technical specifications'],
            ['技术规程', 'Technical procedures'],
            ['课题', 'Research topics'],
            ['教材', 'Textbooks'],
            ['培训资料', 'Training materials'],
          ]),
        }),
        field('outcomeName', '成果名称', 'Name of the outcome', 'text', { required: true, maxLength: 200 }),
        field('expectedGoals', '预期目标', 'Expected goals', 'textarea', {
          required: true,
          maxLength: 5000,
          help: t(
            '对项目建设预期达到的目标或取得的成效进行详细说明；成果、预期目标应具有可实施性、可证明性，结项时将严格对照计划书考核（2026年通知 二（二）3）。',
            'Describe in detail the goals or results the project expects; they must be achievable and provable, as the closure assessment checks them against this plan (2026 notice 2(2)3).',
          ),
        }),
        field('schedule', '项目时间进度安排', 'Project schedule', 'table', {
          required: true,
          minRows: 1,
          maxRows: 24,
          columns: [
            field('phase', '阶段', 'Phase', 'text', { required: true, maxLength: 50 }),
            field('startMonth', '起始月份', 'Start month', 'month', { required: true }),
            field('endMonth', '结束月份', 'End month', 'month', { required: true }),
            field('content', '工作内容', 'Work content', 'textarea', { required: true, maxLength: 1000 }),
          ],
        }),
        field('supervision', '监督保障措施', 'Supervision and safeguards', 'textarea', { required: true, maxLength: 3000 }),
        field('budget', '项目所需经费计划', 'Budget plan', 'table', {
          required: true,
          minRows: 1,
          maxRows: 50,
          help: t(
            '经费主要用于设备设施更新完善、技术技能创新研发、技能人才交流推广、人才培训等支出；涉及固定资产的，按固定资产财务管理办法登记造册（第十五条）。',
            'Funds go mainly to equipment, innovation and R&D, skills exchange and training; fixed assets are registered under the fixed-asset rules (Art. 15).',
          ),
          columns: [
            field('purpose', '用途', 'Purpose', 'select', { required: true, allowOther: true, maxLength: 50, options: BUDGET_PURPOSES }),
            field('detail', '明细', 'Detail', 'text', { required: true, maxLength: 200 }),
            field('amount', '金额（元）', 'Amount (CNY)', 'money', { required: true, min: 1 }),
          ],
        }),
        field('requestedAmount', '申请补助金额（元）', 'Subsidy requested (CNY)', 'money', {
          required: true,
          min: 1,
          help: t('最高不超过5万元（第十四条）。', 'At most 50,000 CNY (Art. 14).'),
        }),
      ],
    },
  ],
  checks: [
    {
      id: 'budget-total',
      citation: cite('第九条（二）1'),
      description: t('经费计划各项金额之和等于申请补助金额。', 'The budget lines add up to the subsidy requested.'),
      check(data) {
        const requested = data.requestedAmount;
        const lines = rowsOf(data.budget);
        if (!isMoney(requested) || lines.length === 0 || !lines.every((l) => isMoney(l.amount))) return [];
        const total = lines.reduce((sum, l) => sum + (l.amount as number), 0);
        return total === requested
          ? []
          : [
              {
                path: 'requestedAmount',
                message: t(
                  `经费计划各项合计${total}元，与申请补助金额${requested}元不一致。`,
                  `The budget lines total ${total} CNY but the subsidy requested is ${requested} CNY.`,
                ),
              },
            ];
      },
    },
    {
      id: 'subsidy-cap',
      citation: cite('第十四条'),
      description: t('申请补助金额不超过5万元。', 'The subsidy requested is at most 50,000 CNY.'),
      check(data, ctx) {
        const requested = data.requestedAmount;
        const cap = param(PROJECT_SUBSIDY_CAP, ctx?.asOf);
        if (!isMoney(requested) || cap === undefined || requested <= cap.value) return [];
        return [
          {
            path: 'requestedAmount',
            message: t(
              `建设项目经费补助最高不超过${cap.value}元（第十四条），申请了${requested}元。`,
              `The project subsidy is at most ${cap.value} CNY (Art. 14); ${requested} CNY was requested.`,
            ),
          },
        ];
      },
    },
    {
      id: 'schedule-months',
      citation: cite('第四条'),
      description: t(
        '各阶段起始月份不晚于结束月份，整个进度安排不超过12个月。',
        'Each phase starts no later than it ends, and the whole schedule spans at most 12 months.',
      ),
      check(data) {
        const issues: { path: string; message: Text }[] = [];
        let first: number | undefined;
        let last: number | undefined;
        rowsOf(data.schedule).forEach((row, i) => {
          const start = monthIndex(row.startMonth);
          const end = monthIndex(row.endMonth);
          if (start === undefined || end === undefined) return;
          if (start > end) {
            issues.push({
              path: `schedule[${i}].endMonth`,
              message: t('结束月份早于起始月份。', 'The end month is before the start month.'),
            });
          }
          first = first === undefined ? start : Math.min(first, start);
          last = last === undefined ? end : Math.max(last, end);
        });
        if (first !== undefined && last !== undefined && last - first + 1 > MAX_PROJECT_MONTHS) {
          issues.push({
            path: 'schedule',
            message: t(
              `进度安排跨${last - first + 1}个月，项目建设期一般不超过1年（第四条）；期限较长的项目可分阶段、分年度申报。`,
              `The schedule spans ${last - first + 1} months; a project generally lasts at most one year (Art. 4). Longer projects may apply in stages or by year.`,
            ),
          });
        }
        return issues;
      },
    },
  ],
  signatureBlock: t('申报单位（盖章）    申报时间：  年  月  日', 'Applicant unit (stamp)    Date'),
};

const PROJECT_PROPOSAL: FormSchema = {
  id: 'project-proposal',
  title: t('大兴区技能大师工作室建设项目申报书', 'Daxing skill master studio construction project proposal'),
  citation: cite('第九条（二）2'),
  programs: BOTH,
  required: true,
  sections: [
    {
      key: 'proposal',
      title: t('申报书', 'Proposal'),
      fields: [
        field('projectName', '项目名称', 'Project name', 'text', { required: true, maxLength: 100 }),
        field('necessity', '需求方面的必要性', 'Necessity (the need)', 'textarea', { required: true, maxLength: 5000 }),
        field('feasibility', '执行方面的可行性和可靠性', 'Feasibility and reliability of execution', 'textarea', {
          required: true,
          maxLength: 5000,
        }),
        field('budgetRationale', '经费预算的合理性和合法性', 'Reasonableness and lawfulness of the budget', 'textarea', {
          required: true,
          maxLength: 5000,
        }),
        field('benefits', '成果的效益性', 'Benefits of the results', 'textarea', { required: true, maxLength: 5000 }),
        field('evaluation', '评价的科学性', 'Soundness of the evaluation', 'textarea', { required: true, maxLength: 5000 }),
        field('oversight', '过程的可监督性', 'Supervisability of the process', 'textarea', { required: true, maxLength: 5000 }),
        // 第九条（二）2 lists the contents with 等: room for anything else the unit wants to say.
        field('other', '其他说明', 'Other', 'textarea', { maxLength: 5000 }),
      ],
    },
  ],
  signatureBlock: t('申报单位（盖章）    年  月  日', 'Applicant unit (stamp)    Date'),
};

const SKILL_LEVEL_OPTIONS = SKILL_LEVELS.map((level) => ({ value: level, label: SKILL_LEVEL_NAMES[level] }));

const STUDIO_APPLICATION: FormSchema = {
  id: 'studio-application',
  title: t('大兴区技能大师工作室申报表', 'Daxing skill master studio application form'),
  citation: cite(
    '第九条（一）1（附件1）',
    '21号附件1的表样未收录于平台所依据的文本；字段按第七条、第九条（一）2、4所列内容及经开区、顺义申报表的做法设计。',
  ),
  programs: BOTH,
  required: 'new-studio-only',
  sections: [
    {
      key: 'unit',
      title: t('申报单位', 'Applicant unit'),
      fields: [
        field('unitName', '单位名称', 'Unit name', 'text', { required: true, maxLength: 100 }),
        field('creditCode', '统一社会信用代码', 'Unified social credit code', 'creditCode', { required: true }),
        field('branchName', '所在分厂、分公司', 'Branch', 'text', {
          maxLength: 100,
          help: t(
            '在本区拥有多个分厂、分公司的，填写工作室所在的分厂、分公司（第八条）。',
            'For units with several branches in Daxing, the branch where the studio sits (Art. 8).',
          ),
        }),
        field('unitAddress', '单位地址', 'Address', 'text', { required: true, maxLength: 200 }),
        field('contactName', '联系人', 'Contact person', 'text', { required: true, maxLength: 50 }),
        field('contactPhone', '联系电话', 'Contact phone', 'phone', { required: true }),
      ],
    },
    {
      key: 'master',
      title: t('技能大师基本情况', 'The master'),
      fields: [
        field('masterName', '姓名', 'Name', 'text', { required: true, maxLength: 50 }),
        field('idNumber', '身份证号', 'Resident ID number', 'idNumber', { required: true }),
        field('occupation', '职业（工种）', 'Occupation (trade)', 'text', { required: true, maxLength: 50 }),
        field('occupationListed', '职业是否列入《中华人民共和国职业分类大典》或新职业', 'Occupation in the national classification or new occupations', 'boolean', {
          required: true,
        }),
        field('skillLevel', '职业资格或技能等级', 'Qualification / skill level', 'select', {
          options: SKILL_LEVEL_OPTIONS,
          help: t(
            '职业已列入大典的，原则上应为技师及以上（第七条（一）2）；无证书的可不填。',
            'For a listed occupation, as a rule technician or above (Art. 7(1)2); leave empty without a certificate.',
          ),
        }),
        field('certificateNumber', '证书编号', 'Certificate number', 'text', { maxLength: 50 }),
        field('post', '工作岗位', 'Post', 'text', { required: true, maxLength: 100 }),
        field('frontlineYears', '生产服务一线工作年限', 'Years at the front line', 'number', { required: true, min: 0, max: 80 }),
        field('achievements', '技能大师工作业绩', "The master's achievements", 'textarea', { required: true, maxLength: 5000 }),
        field('honours', '获奖情况及荣誉称号', 'Awards and honours', 'textarea', { maxLength: 3000 }),
      ],
    },
    {
      key: 'studio',
      title: t('工作室', 'Studio'),
      fields: [
        field('studioName', '工作室名称', 'Studio name', 'text', {
          required: true,
          maxLength: 100,
          help: t(
            '格式为“大兴区+技能大师姓名+职业名称+技能大师工作室”（第九条（一）2）。',
            'Format: 大兴区 + master name + occupation + 技能大师工作室 (Art. 9(1)2).',
          ),
        }),
        field('direction', '主要工作方向及预期目标', 'Main direction and expected goals', 'textarea', {
          required: true,
          maxLength: 5000,
        }),
        field('team', '工作室团队成员（技能大师除外）', 'Team members (besides the master)', 'table', {
          required: true,
          minRows: 3,
          maxRows: 100,
          columns: [
            field('name', '姓名', 'Name', 'text', { required: true, maxLength: 50 }),
            field('idNumber', '身份证号', 'Resident ID number', 'idNumber', { required: true }),
            field('occupation', '职业（工种）或专业', 'Occupation or speciality', 'text', { required: true, maxLength: 50 }),
            field('qualification', '技能等级或职称', 'Skill level or professional title', 'text', { maxLength: 50 }),
            field('formalEmployee', '是否本单位正式员工', 'Formal employee of the unit', 'boolean', { required: true }),
          ],
        }),
      ],
    },
  ],
  checks: [
    {
      id: 'studio-name-format',
      citation: cite('第九条（一）2'),
      description: t(
        '工作室名称为“大兴区+技能大师姓名+职业名称+技能大师工作室”。',
        'The studio name is 大兴区 + master name + occupation + 技能大师工作室.',
      ),
      check(data) {
        const { studioName, masterName, occupation } = data;
        if (typeof studioName !== 'string' || typeof masterName !== 'string' || typeof occupation !== 'string') return [];
        const expected = formatStudioName(STUDIO_NAME_TEMPLATE, {
          leaderName: masterName.trim(),
          occupation: occupation.trim(),
        });
        return studioName.trim() === expected
          ? []
          : [
              {
                path: 'studioName',
                message: t(
                  `工作室名称格式应为“大兴区+技能大师姓名+职业名称+技能大师工作室”，即“${expected}”（第九条（一）2）。`,
                  `The studio name should follow 大兴区 + master name + occupation + 技能大师工作室, i.e. "${expected}" (Art. 9(1)2).`,
                ),
              },
            ];
      },
    },
    {
      id: 'team-formal-employees',
      citation: cite('第七条（二）5'),
      description: t(
        '除技能大师外，团队有3名以上正式员工，且不重复、不含技能大师本人。',
        'Besides the master, the team has 3 or more formal employees, listed once each.',
      ),
      check(data) {
        const issues: { path: string; message: Text }[] = [];
        const rows = rowsOf(data.team);
        const seen = new Set<string>();
        const masterId = typeof data.idNumber === 'string' ? data.idNumber.trim().toUpperCase() : undefined;
        rows.forEach((row, i) => {
          if (typeof row.idNumber !== 'string') return;
          const id = row.idNumber.trim().toUpperCase();
          if (id === masterId) {
            issues.push({
              path: `team[${i}].idNumber`,
              message: t('团队成员不含技能大师本人（第七条（二）5）。', 'The team list excludes the master (Art. 7(2)5).'),
            });
          } else if (seen.has(id)) {
            issues.push({ path: `team[${i}].idNumber`, message: t('团队成员重复。', 'This member is listed twice.') });
          }
          seen.add(id);
        });
        const formal = rows.filter((r) => r.formalEmployee === true).length;
        if (rows.length > 0 && formal < 3) {
          issues.push({
            path: 'team',
            message: t(
              `除技能大师外，团队须有3名以上正式员工，现为${formal}名（第七条（二）5）。`,
              `Besides the master, the team needs 3 or more formal employees; it has ${formal} (Art. 7(2)5).`,
            ),
          });
        }
        return issues;
      },
    },
  ],
  signatureBlock: t('申报单位意见：（盖章）    负责人签字：    年  月  日', 'Unit opinion (stamp), signature of the head, date'),
};

const COMMITMENT: FormSchema = {
  id: 'commitment',
  title: t('申报材料真实性承诺书', 'Commitment to the truth of the application'),
  citation: cite('第九条（一）5、（二）4（附件2；2026年通知附件2）'),
  programs: BOTH,
  required: true,
  sections: [
    {
      key: 'commitment',
      title: t('承诺书', 'Commitment'),
      fields: [
        field('scope', '评选事项', 'What the application covers', 'select', {
          required: true,
          options: [
            {
              value: '工作室及建设项目',
              label: t('工作室及建设项目（新申报工作室）', 'Studio and construction project (new studio)'),
            },
            {
              value: '工作室建设项目',
              label: t('工作室建设项目（已认定工作室）', 'Studio construction project (recognised studio)'),
            },
          ],
        }),
        field('unitName', '申报单位', 'Applicant unit', 'text', { required: true, maxLength: 100 }),
        field('legalRepresentative', '法定代表人', 'Legal representative', 'text', { required: true, maxLength: 50 }),
        field('signedOn', '日期', 'Date', 'date', { required: true }),
      ],
    },
  ],
  signatureBlock: t(
    '我单位郑重承诺，在本次大兴区技能大师（工作室及建设项目/工作室建设项目）评选工作中，所提交的申报材料及所附资料均真实、合法、有效，如有不实之处，愿承担相应的法律责任，并承担由此产生的一切后果。特此承诺。\n法定代表人签字：\n申报单位（盖章）：\n年  月  日',
    'We solemnly declare that the materials submitted in this Daxing skill master (studio and construction project / studio construction project) selection are true, lawful and valid, and accept legal responsibility and all consequences of any untruth.\nSignature of the legal representative:\nApplicant unit (stamp):\nDate',
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Materials 第九条
// ---------------------------------------------------------------------------------------------------------

const STUDIO_MATERIALS: MaterialItem[] = [
  {
    id: 'studio-application-form',
    order: 1,
    title: t('大兴区技能大师工作室申报表', 'Daxing skill master studio application form'),
    citation: cite('第九条（一）1'),
    programs: BOTH,
    required: true,
    supply: 'online-form',
    formId: STUDIO_APPLICATION.id,
    formats: ['pdf'],
    stamped: true,
    signed: true,
    template: t('附件1', 'Annex 1'),
  },
  {
    id: 'studio-report',
    order: 2,
    title: t('申报报告', 'Application report'),
    citation: cite('第九条（一）2'),
    programs: BOTH,
    required: true,
    supply: 'upload',
    formats: ['pdf'],
    stamped: true,
    notes: t(
      '包括申报工作室名称（格式为“大兴区+技能大师姓名+职业名称+技能大师工作室”）、所在单位简介、工作室基本条件、技能大师工作业绩、工作室成立的必要性和可行性、所在单位对工作室支持措施、主要工作方向、预期目标等。',
      "Covers the studio name (大兴区 + master name + occupation + 技能大师工作室), the unit, the studio's basic conditions, the master's achievements, why the studio is needed and feasible, the unit's support, main directions and expected goals.",
    ),
  },
  {
    id: 'unit-licence',
    order: 3,
    title: t('营业执照或事业单位法人证书', 'Business licence or public institution legal person certificate'),
    citation: cite('第九条（一）3'),
    programs: BOTH,
    required: true,
    supply: 'upload',
    formats: ['pdf', 'jpg', 'png'],
    maxFiles: 1,
  },
  {
    id: 'supporting-evidence',
    order: 4,
    title: t('相关证明材料', 'Supporting evidence'),
    citation: cite('第九条（一）4'),
    programs: BOTH,
    required: true,
    supply: 'upload',
    formats: ['pdf', 'jpg', 'png'],
    maxFiles: 50,
    notes: t(
      '技能大师和工作室成员的身份证、学历证书、职业资格或技能等级证书、重点项目建设情况、获奖证书和技术认定、技术创新等证明材料；工作室各项配套制度以及场所、设备等工作条件情况说明或照片。',
      "ID cards, diplomas and vocational qualification or skill level certificates of the master and team; key projects, award certificates, technical appraisals and innovation evidence; the studio's rules, and descriptions or photos of its venue and equipment.",
    ),
  },
];

function commitmentMaterial(order: number): MaterialItem {
  return {
    id: 'commitment',
    order,
    title: t('申报材料真实性承诺书', 'Commitment to the truth of the application'),
    citation: cite('第九条（一）5、（二）4'),
    programs: BOTH,
    required: true,
    supply: 'online-form',
    formId: COMMITMENT.id,
    formats: ['pdf'],
    stamped: true,
    signed: true,
    template: t('附件2', 'Annex 2'),
    notes: t(
      '新申报工作室选“工作室及建设项目”，已认定工作室选“工作室建设项目”；一份承诺书涵盖本次全部申报材料。',
      'A new studio chooses "studio and construction project", a recognised studio "studio construction project"; one commitment covers the whole application.',
    ),
  };
}

const PROJECT_MATERIALS: MaterialItem[] = [
  {
    id: 'work-plan',
    order: 1,
    title: t('大兴区技能大师工作室建设项目工作计划书', 'Construction project work plan'),
    citation: cite('第九条（二）1'),
    programs: BOTH,
    required: true,
    supply: 'online-form',
    formId: WORK_PLAN.id,
    formats: ['pdf'],
    stamped: true,
    template: t('附件3（2026年通知附件1）', 'Annex 3 (Annex 1 of the 2026 notice)'),
  },
  {
    id: 'project-proposal',
    order: 2,
    title: t('大兴区技能大师工作室建设项目申报书', 'Construction project proposal'),
    citation: cite('第九条（二）2'),
    programs: BOTH,
    required: true,
    supply: 'online-form',
    formId: PROJECT_PROPOSAL.id,
    formats: ['pdf'],
    stamped: true,
  },
  {
    id: 'bank-account-permit',
    order: 3,
    title: t('银行开户许可证复印件', 'Copy of the bank account opening permit'),
    citation: cite('第九条（二）3'),
    programs: BOTH,
    required: true,
    supply: 'upload',
    formats: ['pdf', 'jpg', 'png'],
    maxFiles: 1,
  },
];

const NEW_STUDIO_CONDITION = t(
  '尚未认定的工作室申报建设项目时，须同时提交工作室申报材料（第十条）。',
  'A studio not yet recognised files its studio materials with the project application (Art. 10).',
);

/** Studio recognition: 第九条（一）1–5 and, by 第十条, the project materials of （二）. */
const STUDIO_PROGRAM_MATERIALS: MaterialItem[] = [...STUDIO_MATERIALS, commitmentMaterial(5), ...PROJECT_MATERIALS];
/** Projects: 第九条（二）1–4; a new studio adds （一）1–4 (第十条). */
const PROJECT_PROGRAM_MATERIALS: MaterialItem[] = [
  ...PROJECT_MATERIALS,
  commitmentMaterial(4),
  ...STUDIO_MATERIALS.map((m): MaterialItem => ({ ...m, required: 'new-studio-only', condition: NEW_STUDIO_CONDITION })),
];

const FORMS: FormSchema[] = [STUDIO_APPLICATION, WORK_PLAN, PROJECT_PROPOSAL, COMMITMENT];

// ---------------------------------------------------------------------------------------------------------
// Stages
// ---------------------------------------------------------------------------------------------------------

const NOTICE_STAGE_INFERRED = '21号未规定申报渠道和初审方式，沿用2026年建设项目评选通知三（一）（二）的做法。';

const SUBMIT: StageDef = {
  id: 'submit',
  title: t('网上申报', 'Online application'),
  citation: noticeCite('三、（一）网上申报'),
  actor: 'applicant',
  description: t(
    '申报单位在线提交签字盖章版申报材料。',
    'The unit submits the signed and stamped application online.',
  ),
};
const COMPLETENESS: StageDef = {
  id: 'completeness-check',
  title: t('初审', 'Completeness check'),
  citation: noticeCite('三、（二）初审'),
  actor: 'intake',
  description: t(
    '区人社局对申报材料进行完整性审核，材料不齐或不符合要求的，电话告知申报单位补齐补正。',
    'The district bureau checks the application is complete; if not, it phones the unit to complete or correct it.',
  ),
};
function noticeStage(citation: Citation, description: Text): StageDef {
  return {
    id: 'notice',
    title: t('公示', 'Public notice'),
    citation,
    actor: 'public',
    description,
    limit: { days: 5, unit: 'working-days', description: t('公示期为5个工作日', 'The notice runs 5 working days') },
  };
}

const STUDIO_STAGES: StageDef[] = [
  { ...SUBMIT, citation: noticeCite('三、（一）网上申报', NOTICE_STAGE_INFERRED) },
  { ...COMPLETENESS, citation: noticeCite('三、（二）初审', NOTICE_STAGE_INFERRED) },
  {
    id: 'expert-review',
    title: t('专家评审', 'Expert review'),
    citation: cite('第十一条'),
    actor: 'expert',
    description: t(
      '区人社局汇总全区申报材料，组织相关领域专家对工作室基本条件和申报项目进行专业评审，拟定工作室和建设项目名单。',
      'The bureau gathers the applications; experts review the studio conditions and projects and a list is proposed.',
    ),
  },
  noticeStage(
    cite('第十一条'),
    t('拟定的工作室和建设项目名单向社会公示。', 'The proposed studios and projects are published for public notice.'),
  ),
  {
    id: 'decision',
    title: t('授予称号和铭牌', 'Title and plaque'),
    citation: cite('第十一条'),
    actor: 'program',
    description: t(
      '公示无异议的，由区人社局授予“大兴区技能大师工作室”称号和铭牌。',
      'Without objection, the bureau awards the title "Daxing Skill Master Studio" and a plaque.',
    ),
  },
];

const PROJECT_STAGES: StageDef[] = [
  SUBMIT,
  COMPLETENESS,
  {
    id: 'expert-review',
    title: t('专家评审', 'Expert review'),
    citation: noticeCite('三、（三）专家评审'),
    actor: 'expert',
    description: t(
      '区人社局汇总全区申报材料，组织相关领域专家进行专业评审。',
      'The bureau gathers the applications and has experts in the field review them.',
    ),
  },
  noticeStage(
    noticeCite('三、（四）公示'),
    t('评审结束后，拟定的建设项目名单向社会公示（第十一条）。', 'After review, the proposed projects are published (Art. 11).'),
  ),
  {
    id: 'decision',
    title: t('确定评选结果', 'Decision'),
    citation: noticeCite('三、（五）确定评选结果'),
    actor: 'program',
    description: t(
      '经评选确定的建设项目，纳入当年度项目建设范围。',
      "Selected projects join the year's construction programme.",
    ),
  },
  {
    id: 'disbursement',
    title: t('资金拨付', 'Disbursement'),
    citation: cite('第十四条'),
    actor: 'finance',
    description: t(
      '给予最高5万元经费补助；在项目结束后，对评审考核通过的建设项目拨付相应经费。',
      'Up to 50,000 CNY; paid after the project ends and passes the closure assessment.',
    ),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------------------------

const INFERRED_WEIGHTS = '办法未规定评分权重，平台取等权重；评选领导小组可另定。';

const STUDIO_RUBRIC: NonNullable<ProgramDef['rubric']> = [
  ['frontline', '长期坚守一线、在职在聘', 'Long at the front line, employed', '第七条（一）1'],
  ['skill', '职业资格或技能等级、技能实操经验', 'Qualification or practical skill', '第七条（一）2'],
  ['achievements', '先进操作方法、生产记录与带徒成效', 'Methods, records and apprentices', '第七条（一）3'],
  ['innovation', '发明创造、技术革新与标准编制', 'Inventions, innovation and standards', '第七条（一）4'],
  ['talent-system', '人才梯队与培养激励制度', 'Skills pipeline and talent system', '第七条（二）1—2'],
  ['support', '经费场地支持、管理制度与团队', 'Funding, venue, rules and team', '第七条（二）3—5'],
].map(([id, zh, en, article]) => ({ id, title: t(zh, en), weight: 1 / 6, max: 100, citation: cite(article, INFERRED_WEIGHTS) }));

const PROJECT_RUBRIC: NonNullable<ProgramDef['rubric']> = [
  ['necessity', '需求方面的必要性', 'Necessity'],
  ['feasibility', '执行方面的可行性和可靠性', 'Feasibility and reliability'],
  ['budget', '经费预算的合理性和合法性', 'Reasonable and lawful budget'],
  ['benefits', '成果的效益性', 'Benefits of the results'],
  ['evaluation', '评价的科学性', 'Sound evaluation'],
  ['oversight', '过程的可监督性', 'Supervisable process'],
].map(([id, zh, en]) => ({ id, title: t(zh, en), weight: 1 / 6, max: 100, citation: cite('第九条（二）2', INFERRED_WEIGHTS) }));


const REVIEW_INFERRED = '第十一条只规定“组织相关领域专家进行专业评审”，未规定专家人数、回避年限和计分方法；平台取常见做法：每件至少3名专家，近3年内任职单位回避，去掉最高分和最低分后取平均（不少于5名专家时），评选领导小组可另定。';

/** Expert review procedure (the text sets none of these numbers; see REVIEW_INFERRED). */
const REVIEW: ReviewRules = {
  expertsPerApplication: 3,
  panelSize: 7,
  formerEmployerAvoidanceYears: 3,
  aggregation: 'trimmed-mean',
  extremeScore: { below: 0.6, atLeast: 0.95 },
  outlierPoints: 15,
  citation: cite('第十一条', REVIEW_INFERRED),
};

const STUDIO_RECOGNITION: ProgramDef = {
  id: 'studio-recognition',
  title: t('大兴区技能大师工作室认定', 'Daxing skill master studio recognition'),
  citation: cite('第四条'),
  cadence: { everyYears: 2, citation: cite('第四条'), description: t('工作室每两年评选一次', 'Studios are selected every two years') },
  quota: STUDIO_QUOTA,
  funding: [
    {
      kind: 'award',
      title: 'municipal',
      amount: [{ from: VALID_FROM, to: VALID_TO, value: 50_000, citation: cite('第十三条') }],
      when: t(
        '经推荐入选北京市技能大师工作室的建设单位，给予一次性5万元奖励。',
        'A one-time 50,000 CNY award to a unit whose studio is selected as a Beijing municipal skill master studio.',
      ),
    },
    {
      kind: 'award',
      title: 'national',
      amount: [{ from: VALID_FROM, to: VALID_TO, value: 100_000, citation: cite('第十三条') }],
      when: t(
        '入选国家级技能大师工作室的建设单位，给予一次性10万元奖励。',
        'A one-time 100,000 CNY award to a unit whose studio is selected as a national skill master studio.',
      ),
    },
  ],
  noticeWorkingDays: NOTICE_DAYS,
  stages: STUDIO_STAGES,
  rules: RULES,
  materials: STUDIO_PROGRAM_MATERIALS,
  forms: FORMS,
  rubric: STUDIO_RUBRIC,
  review: REVIEW,
  studioNameFormat: { template: STUDIO_NAME_TEMPLATE, citation: cite('第九条（一）2') },
};

const CONSTRUCTION_PROJECT: ProgramDef = {
  id: 'construction-project',
  title: t('大兴区技能大师工作室建设项目', 'Daxing skill master studio construction projects'),
  citation: cite('第四条'),
  cadence: {
    everyYears: 1,
    citation: cite('第四条'),
    description: t('建设项目每年评选一次', 'Projects are selected every year'),
  },
  quota: PROJECT_QUOTA,
  maxDurationMonths: MAX_PROJECT_MONTHS,
  funding: [
    {
      kind: 'capped',
      cap: PROJECT_SUBSIDY_CAP,
      when: t('经评审确定的建设项目', 'Projects selected by the review'),
      paidAfter: t(
        '项目结束后，评审考核通过的拨付相应经费（第十四条）。',
        'Paid after the project ends and passes the assessment (Art. 14).',
      ),
    },
  ],
  noticeWorkingDays: NOTICE_DAYS,
  stages: PROJECT_STAGES,
  rules: RULES,
  materials: PROJECT_PROGRAM_MATERIALS,
  forms: FORMS,
  rubric: PROJECT_RUBRIC,
  review: REVIEW,
  studioNameFormat: { template: STUDIO_NAME_TEMPLATE, citation: cite('第九条（一）2') },
};

// ---------------------------------------------------------------------------------------------------------
// Obligations, revocation, changes
// ---------------------------------------------------------------------------------------------------------

const OBLIGATIONS: Obligation[] = [
  {
    id: 'annual-report',
    citation: cite('第十九条（三）'),
    text: t(
      '所在单位每年12月末向区人社局报送工作室当年度工作总结及下一年度工作计划。',
      "Each year by the end of December the unit sends the bureau the studio's summary of the year and its plan for the next.",
    ),
    due: { yearly: '12-31' },
  },
  {
    id: 'project-follow-plan',
    citation: cite('第十二条'),
    text: t(
      '经评审确定的建设项目，应严格按照建设项目计划书执行；工作室不得将建设项目委托第三方实施。',
      'A selected project follows its work plan strictly and is not outsourced to a third party.',
    ),
  },
  {
    id: 'project-delay-report',
    citation: cite('第十二条'),
    text: t(
      '因特殊原因无法按时完成项目建设的，应及时向区人社局提交情况说明。',
      'If a project cannot be finished on time for special reasons, the unit promptly sends the bureau a written explanation.',
    ),
  },
  {
    id: 'leader-duties',
    citation: cite('第十六条'),
    text: t(
      '领办人是工作室日常运行及管理的第一责任人，带领成员引领技能研发、实行名师带徒、开展技艺交流、发挥社会效益。',
      'The leader answers for the studio and leads its skills R&D, apprenticeship, exchanges and social contribution.',
    ),
  },
  {
    id: 'unit-management',
    citation: cite('第十九条（一）'),
    text: t(
      '所在单位建立健全内部规章制度，明确技能大师工作职责，建立工作室人员档案及成员年度考核评价制度。',
      'The unit keeps internal rules, sets the master’s duties, and keeps member files and an annual evaluation of members.',
    ),
  },
  {
    id: 'dedicated-account',
    citation: cite('第十九条（二）'),
    text: t(
      '对项目经费、支持资金建立专门账目（科目），专款专用，不得挪作他用；涉及固定资产的按固定资产财务管理办法登记造册（第十五条）。',
      'Project and support funds are kept in a dedicated account and used only for their purpose; fixed assets are registered (Art. 15).',
    ),
  },
];

/**
 * 第十八条 取消工作室称号，收回铭牌. Triggers the records can show are checked daily (`automatic`, with the definition
 * the check applies); the others need the program officer's recorded finding. Where the text does not say how a case
 * is measured (what counts as 开展工作, how long a studio may run without a leader), the definition is marked inferred.
 */
const INFERRED_ACTIVITY =
  '文件未界定“开展工作”：平台以工作室在平台上的工作记录推断（项目进展、结项报告、经费支出、年度报告、建设项目申报、变更申请）';
const INFERRED_LEADER_GRACE =
  '文件未规定停止工作后多久视为“不能正常运转”：平台参照第十七条“重新进行申报”的周期，给予 6 个月补报新领办人的期限（推断）';
const INFERRED_ROUNDS = '“两年”“五年”按第四条“建设项目每年评选一次”以评选年度计：已结束的自然年度中区人社局开展过建设项目评选的年度（推断）';

const REVOCATION_TRIGGERS: RevocationTrigger[] = (
  [
    [
      'no-work-over-a-year',
      '（一）',
      '超过一年未开展工作的',
      'No work for more than a year',
      'automatic',
      INFERRED_ACTIVITY,
      t(
        '自认定之日或最近一次工作记录（项目进展、结项报告、经费支出、提交年度报告、提交建设项目申报、提交变更申请）起超过一年没有任何工作记录。',
        'More than a year without any recorded activity (project update, closure report, expenditure, annual report, project application, change request) since recognition or the last record.',
      ),
    ],
    ['not-cooperating', '（一）', '不配合人社部门日常管理的', 'Not cooperating with the bureau’s routine management', 'officer-finding'],
    [
      'no-project-two-years',
      '（一）',
      '连续两年未申报建设项目的',
      'No project application for two consecutive years',
      'automatic',
      INFERRED_ROUNDS,
      t(
        '认定后开展建设项目评选的连续两个已结束年度，所在单位均未提交建设项目申报（未开展评选的年度不计，并中断连续）。',
        'In two consecutive completed years with a project round opened after recognition, the unit submitted no project application (a year without a round does not count and breaks the run).',
      ),
    ],
    [
      'not-selected-five-years',
      '（一）',
      '连续五年申报建设项目未入选的',
      'Project applications not selected for five consecutive years',
      'automatic',
      INFERRED_ROUNDS,
      t(
        '认定后连续五个已结束的评选年度均提交了建设项目申报，且申报均以未拟入选、未入选、不予通过或撤销告终，没有一项入选。',
        'Five consecutive completed round years with project applications, all ending not proposed, not selected, rejected or withdrawn, none approved.',
      ),
    ],
    [
      'leader-stopped',
      '（二）',
      '领办人因退休、离职、重大疾病等原因停止开展工作，导致工作室不能正常运转的',
      'The leader stopped working (retirement, leaving, serious illness…) and the studio cannot run',
      'automatic',
      INFERRED_LEADER_GRACE,
      t(
        '区人社局已确认领办人停止开展工作的情况说明（第十七条），此后 6 个月内没有新的领办人变更记录。',
        'The bureau accepted the explanation that the leader stopped (Art. 17) and no new leader was recorded within 6 months.',
      ),
    ],
    [
      'unit-ceased',
      '（三）',
      '所在单位因产业结构调整关停、外迁等原因在我区停止生产经营的',
      'The unit closed or moved out and stopped operating in Daxing',
      'automatic',
      undefined,
      t(
        '已批准的变更申请记载所在单位迁出本区；关停等其他情形由业务主管记录。',
        'An approved change request records that the unit moved out of the district; a closure is recorded by the officer.',
      ),
    ],
    [
      'fund-misuse',
      '（四）',
      '存在挪用、滥用项目经费行为，或其他严重违纪违法行为的',
      'Misuse of project funds, or other serious violations',
      'officer-finding',
    ],
    [
      'team-ineffective',
      '（五）',
      '工作室团队组织涣散，建设效率低下，服务区域经济社会发展效果不明显的',
      'A lax team, low efficiency, little effect on the district',
      'officer-finding',
    ],
    ['weak-leadership-effect', '（六）', '技能人才带动作用不够的', 'Too little effect in developing skilled workers', 'officer-finding'],
    ['other', '（七）', '不符合本文件其他规定的', 'Other breaches of these rules', 'officer-finding'],
  ] as [string, string, string, string, RevocationTrigger['detection'], string?, Text?][]
).map(([id, item, zh, en, detection, inferred, definition]) => ({
  id,
  citation: cite(`第十八条${item}`, inferred),
  text: t(zh, en),
  detection,
  ...(definition ? { definition } : {}),
}));

const CHANGE_RULES: ChangeRule[] = [
  {
    id: 'leader-unable',
    kind: 'leader-unable',
    citation: cite('第十七条'),
    text: t(
      '领办人因退休、离职、重大疾病或其他不可抗因素，不能继续开展工作的，所在单位应及时向区人社局提交情况说明。',
      'If the leader cannot go on (retirement, leaving, serious illness, force majeure), the unit promptly explains to the bureau.',
    ),
    requires: t('情况说明', 'A written explanation'),
  },
  {
    id: 'leader-replaced',
    kind: 'leader-replaced',
    citation: cite('第十七条'),
    text: t(
      '工作室不得随意变更领办人；需更换领办人的，应按照本办法申报条件和工作流程重新进行申报。',
      'The leader is not changed at will; a new leader means a new application under these conditions and procedure.',
    ),
    requires: t('按申报条件和工作流程重新申报', 'A new application'),
    requiresNewApplication: true,
  },
  {
    id: 'leader-retirement-extension',
    kind: 'leader-retirement-extension',
    citation: cite('第十七条'),
    text: t(
      '领办人到达退休年龄，因工作需要返聘或延迟退休的，所在单位应及时向区人社局提交申请及相关材料。',
      'A leader who reaches retirement age and is rehired or retires later: the unit promptly applies to the bureau with supporting documents.',
    ),
    requires: t('申请及返聘或延迟退休的相关材料', 'An application and the rehiring or deferral documents'),
  },
  {
    id: 'unit-renamed',
    kind: 'unit-renamed',
    citation: cite('第十七条'),
    text: t(
      '工作室所在单位因合并重组等原因需变更所在单位名称的，应及时向区人社局提交变更申请及相关材料。',
      "If a merger or restructuring changes the unit's name, the unit promptly applies to the bureau with documents.",
    ),
    requires: t('变更申请及相关材料', 'A change request and documents'),
  },
  {
    id: 'unit-moved',
    kind: 'unit-moved',
    citation: cite('第十七条'),
    text: t(
      '工作室不得随意变更工作地址；因搬迁等原因需变更工作地址的，应及时向区人社局提交变更申请及相关材料。',
      'The address is not changed at will; after a move the unit promptly applies to the bureau with documents.',
    ),
    requires: t('变更申请及相关材料', 'A change request and documents'),
  },
];

export const daxing2025: Edition = {
  id: ID,
  jurisdiction: 'daxing',
  jurisdictionName: t('大兴区', 'Daxing District'),
  title: t('大兴区技能大师工作室建设管理办法', 'Daxing District Measures for Building and Managing Skill Master Studios'),
  documentNumber: DOC,
  issuedOn: VALID_FROM,
  validFrom: VALID_FROM,
  validTo: VALID_TO,
  validityCitation: cite('第二十一条'),
  status: 'in-force',
  repeals: ['京兴人社文〔2021〕48号'],
  basedOn: ['京人社能发〔2023〕3号'],
  sourceFile: 'policy-texts/001_169a5dc4f03acd27.txt',
  relatedFiles: [
    {
      title: { zh: '关于开展2026年大兴区技能大师工作室建设项目评选工作的通知（2026年6月8日）', en: 'Notice of the 2026 Daxing construction-project round (2026-06-08)' },
      file: 'policy-texts/000_e47bb15976c2f767.txt',
    },
  ],
  authorities: {
    intake: t('大兴区人力资源和社会保障局', 'Daxing District Human Resources and Social Security Bureau'),
    program: t('大兴区人力资源和社会保障局', 'Daxing District Human Resources and Social Security Bureau'),
    finance: t('大兴区财政局', 'Daxing District Finance Bureau'),
  },
  programs: [STUDIO_RECOGNITION, CONSTRUCTION_PROJECT],
  obligations: OBLIGATIONS,
  revocationTriggers: REVOCATION_TRIGGERS,
  changeRules: CHANGE_RULES,
  calls: CALLS,
  // 第十五条: 工作室相关经费主要用于工作室设备设施更新完善、技术技能创新研发、技能人才交流推广、人才培训等支出，涉及固定资产项目支出的，
  // 按照固定资产财务管理办法相关要求登记造册. The names are the 经费计划's 用途 options (BUDGET_PURPOSES).
  fundUse: {
    citation: cite('第十五条'),
    text: t(
      '工作室相关经费主要用于工作室设备设施更新完善、技术技能创新研发、技能人才交流推广、人才培训等支出，涉及固定资产项目支出的，按照固定资产财务管理办法相关要求登记造册。',
      'Studio funds go mainly to updating equipment and facilities, technical and skills R&D, skills exchange and promotion, and training; fixed assets bought are entered in the register under the fixed-asset rules.',
    ),
    categories: [
      { id: 'equipment', name: t('设备设施更新完善', 'Updating equipment and facilities') },
      { id: 'research', name: t('技术技能创新研发', 'Technical and skills innovation and R&D') },
      { id: 'exchange', name: t('技能人才交流推广', 'Skills exchange and promotion') },
      { id: 'training', name: t('人才培训', 'Training') },
    ],
    fixedAssetRegister: true,
  },
};
