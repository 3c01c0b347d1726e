/**
 * 顺义区技能大师工作室管理办法（试行）（征求意见稿） — 顺义区人力资源和社会保障局's draft for comment, with 附件1 申报表.
 * Source text: seeds/003_0fd526e660ff1c98.txt. Not yet issued: it carries no document number and no date, so its
 * dates here are placeholders (VALIDITY_INFERRED) and the engine marks every result as indicative.
 *
 * One program, studio recognition: materials by the end of August each year (第五条), at most 5 studios a year after a
 * notice of at least 5 working days (第六条), 100,000 CNY to the unit (第八条). Like 经开区 and unlike 大兴, the master
 * needs two years (inclusive) to the statutory retirement date; 技师 may be relaxed to 高级工 in 高精尖/新兴 industries.
 * The draft lists no revocation triggers: none are imported from other districts.
 */
import {
  booleanRule,
  fail,
  minimumRule,
  missing,
  pass,
  readBoolean,
  readEnum,
  readNumber,
  readString,
  readStrings,
  retirementMarginRule,
  review,
  reviewRule,
  SKILL_LEVEL_NAMES,
  SKILL_LEVELS,
  skillLevelAtLeast,
  type RuleMeta,
} from '../../rules/conditions';
import { addDays, addMonths } from '../../rules/dates';
import { parseResidentIdNumber } from '../../rules/id-numbers';
import type {
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
  Rule,
  RuleResult,
  SkillLevel,
  StageDef,
  Text,
  ReviewRules,
} from '../../types';

const ID = 'shunyi-draft';
/** No document number yet: the title stands in for it (the engine appends （征求意见稿） for a draft). */
const DOC = '顺义区技能大师工作室管理办法（试行）';
const DOC_CITE = '顺义区技能大师工作室管理办法（试行）（征求意见稿）';
/**
 * 第十六条 本办法自印发之日起执行，执行期2年. The draft is undated: 2026-01-01 is a placeholder issue date (the other
 * districts' texts are of 2025–2026, and the platform needs the draft's dates to cover its demo year). Replace it with
 * the 印发 date when the 办法 is issued; the end date follows: two years less one day.
 */
const VALID_FROM = '2026-01-01';
const VALID_TO = addDays(addMonths(VALID_FROM, 24), -1);
const VALIDITY_INFERRED =
  '征求意见稿未载印发日期；暂以2026年1月1日为印发日期占位，执行期2年至前一日（2027年12月31日），正式印发后按印发日期更正。';

function cite(article: string, inferred?: string): Citation {
  return inferred === undefined ? { document: DOC_CITE, article } : { document: DOC_CITE, article, inferred };
}
function t(zh: string, en: string): Text {
  return { zh, en };
}

const STUDIO: ProgramId[] = ['studio-recognition'];

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

/** 第六条 每年认定不超过5家. */
const QUOTA: Parameter<number> = [{ from: VALID_FROM, to: VALID_TO, value: 5, citation: cite('第六条') }];
/** 第八条 对经认定的顺义区技能大师工作室所在企业给予10万元资金支持. */
const SUPPORT: Parameter<number> = [{ from: VALID_FROM, to: VALID_TO, value: 100_000, citation: cite('第八条') }];
/** 第六条 不少于5个工作日的公示 — the minimum; the bureau may publish longer. */
const NOTICE_DAYS: Parameter<number> = [{ from: VALID_FROM, to: VALID_TO, value: 5, citation: cite('第六条') }];
/** 第十三条 工作室每年应带动不少于100人次技艺提升和创新. */
const YEARLY_PERSON_TIMES = 100;
/** 第四条（一）距法定退休年龄2年以上（含2年）. */
const RETIREMENT_MARGIN_YEARS = 2;

// ---------------------------------------------------------------------------------------------------------
// Rules 第四条、第十条
// ---------------------------------------------------------------------------------------------------------

function leaderRule(id: string, text: string): RuleMeta {
  return { id: `${ID}.${id}`, citation: cite('第四条（一）'), text, subject: 'leader', programs: STUDIO };
}
function unitRule(id: string, text: string): RuleMeta {
  return { id: `${ID}.${id}`, citation: cite('第四条（二）'), text, subject: 'unit', programs: STUDIO };
}

/** 第四条 凡在顺义区注册或经营的企事业单位. */
const unitLocatedIn: Rule = (() => {
  const onPass = pass('申报单位在顺义区注册或经营。', 'The unit is registered or operates in Shunyi.');
  const onFail = fail(
    '申报单位须在顺义区注册或经营（第四条）。',
    'The unit must be registered or operate in Shunyi District (Art. 4).',
  );
  const onMissing = missing('unit.locatedIn');
  return {
    id: `${ID}.unit.located-in`,
    citation: cite('第四条'),
    text: '凡在顺义区注册或经营的企事业单位，依托技艺精湛、贡献突出的高技能人才建立的技能大师工作室，符合如下条件，均可申请参评顺义区技能大师工作室。',
    subject: 'unit',
    programs: STUDIO,
    needs: ['unit.locatedIn'],
    check(facts) {
      const district = readString(facts, 'unit', 'locatedIn');
      return district === undefined ? onMissing : district === 'shunyi' ? onPass : onFail;
    },
  };
})();

/**
 * 第十条 顺义区内已挂牌成立的北京市技能大师工作室、国家级技能大师工作室不再重复参加区级技能大师工作室的认定.
 * `studio.recognized` (already a recognised studio in this jurisdiction) is read as: the studio already holds a
 * 技能大师工作室 title in 顺义 — a municipal or national one (第十条), or the district title itself, which it cannot be
 * given twice (inferred: the draft names only the higher titles).
 */
const studioNotRecognized: Rule = (() => {
  const onPass = pass(
    '工作室尚未挂牌为技能大师工作室，可参加区级认定。',
    'The studio holds no skill master studio title yet and may apply for district recognition.',
  );
  const onFail = fail(
    '顺义区内已挂牌成立的北京市、国家级技能大师工作室不再重复参加区级认定（第十条），已认定的顺义区技能大师工作室亦无需再次认定；继续按要求开展工作并配合绩效考核。',
    'A studio already titled as a Beijing municipal or national skill master studio in Shunyi does not enter district recognition again (Art. 10), nor does a recognised Shunyi studio; it carries on and takes part in performance assessment.',
  );
  const onMissing = missing('studio.recognized');
  return {
    id: `${ID}.studio.not-recognized`,
    citation: cite(
      '第十条',
      '第十条只列北京市、国家级工作室；已认定的顺义区工作室不再重复认定系由“认定”本义推定。studio.recognized 指已挂牌的任一级工作室。',
    ),
    text: '顺义区内已挂牌成立的北京市技能大师工作室、国家级技能大师工作室不再重复参加区级技能大师工作室的认定，继续按要求开展工作并积极配合绩效考核工作，绩效考核等次优秀的，享受市级追加资助。',
    subject: 'studio',
    programs: STUDIO,
    needs: ['studio.recognized'],
    check(facts) {
      const recognized = readBoolean(facts, 'studio', 'recognized');
      return recognized === undefined ? onMissing : recognized ? onFail : onPass;
    },
  };
})();

const MASTER_TEXT =
  '长期在生产服务一线岗位工作，原则上应取得技师及以上国家职业资格证书或职业技能等级证书（对高精尖产业、新兴产业领域的技能人才，可适度放宽到高级工），在职在聘，距法定退休年龄2年以上（含2年）。';

/** 第四条（一）长期在生产服务一线岗位工作 — no number of years, so the experts judge it (as 大兴 第七条（一）1). */
const leaderFrontline: Rule = (() => {
  const evidence =
    '“长期”未规定最低年限，由评审专家根据工作经历证明（岗位、劳动合同、单位证明）判断是否长期在生产服务一线岗位工作（第四条（一））。';
  const evidenceEn =
    'The draft sets no minimum for "long-term"; the experts judge it from proof of work history (post, labour contract, unit certificate) (Art. 4(1)).';
  const onReview = review(evidence, evidenceEn);
  const onNone = fail(
    '技能大师须长期在生产服务一线岗位工作（第四条（一）），所填一线工作年限为0。',
    'The master must have worked long at a production/service front-line post (Art. 4(1)); front-line years given: 0.',
  );
  return {
    id: `${ID}.leader.frontline`,
    citation: cite('第四条（一）'),
    text: MASTER_TEXT,
    subject: 'leader',
    programs: STUDIO,
    needs: ['leader.frontlineYears'],
    check(facts) {
      const years = readNumber(facts, 'leader', 'frontlineYears');
      if (years === undefined) return onReview;
      if (years <= 0) return onNone;
      return review(`已填一线工作${years}年。${evidence}`, `Front-line years given: ${years}. ${evidenceEn}`);
    },
  };
})();

const INDUSTRIES = ['high-tech', 'emerging', 'other'] as const;

/**
 * 第四条（一）原则上应取得技师及以上…证书（对高精尖产业、新兴产业领域的技能人才，可适度放宽到高级工）.
 * `unit.industry` 'high-tech' / 'emerging' stands for 高精尖产业 / 新兴产业. The relaxation is discretionary (可适度放宽)
 * and rests on the field being 高精尖 or 新兴, which the bureau confirms: a 高级工 there gets `review`, not `pass`.
 * Outside those fields, below 技师 fails: the bracket is the exception 「原则上」 announces.
 */
const leaderSkillLevel: Rule = (() => {
  const MIN: SkillLevel = 'technician';
  const RELAXED: SkillLevel = 'senior';
  const byLevel = {} as Record<SkillLevel, RuleResult>;
  for (const level of SKILL_LEVELS) {
    const name = SKILL_LEVEL_NAMES[level];
    byLevel[level] = skillLevelAtLeast(level, MIN)
      ? pass(`技能大师持有${name.zh}证书，达到技师及以上。`, `The master holds a ${name.en} certificate, technician or above.`)
      : fail(
          `技能大师原则上应取得技师及以上国家职业资格证书或职业技能等级证书，高精尖产业、新兴产业领域可适度放宽到高级工；现为${name.zh}（第四条（一））。`,
          `As a rule the master needs a technician (level 2) or higher certificate, relaxed to senior worker in high-tech and emerging industries; holds ${name.en} (Art. 4(1)).`,
        );
  }
  const relaxed = review(
    '技能大师为高级工，单位属高精尖产业或新兴产业领域：第四条（一）规定对该领域技能人才“可适度放宽到高级工”，由区人社局核实所属产业领域并决定是否放宽。',
    'The master is a senior worker in a high-tech or emerging industry: Art. 4(1) allows relaxing the requirement to senior worker there; the district bureau confirms the industry and decides.',
  );
  const notRelaxed = fail(
    '技能大师为高级工，原则上应取得技师及以上证书；仅高精尖产业、新兴产业领域的技能人才可适度放宽到高级工，单位所属领域不在此列（第四条（一））。',
    'The master is a senior worker; as a rule technician or above is needed, relaxed to senior worker only in high-tech and emerging industries, which this unit is not in (Art. 4(1)).',
  );
  return {
    id: `${ID}.leader.skill-level`,
    citation: cite('第四条（一）'),
    text: MASTER_TEXT,
    subject: 'leader',
    programs: STUDIO,
    needs: ['leader.skillLevel', 'unit.industry'],
    check(facts) {
      const level = readEnum(facts, 'leader', 'skillLevel', SKILL_LEVELS);
      if (level === undefined) return missing('leader.skillLevel');
      if (level !== RELAXED) return byLevel[level];
      const industry = readEnum(facts, 'unit', 'industry', INDUSTRIES);
      if (industry === undefined) return missing('unit.industry');
      return industry === 'other' ? notRelaxed : relaxed;
    },
  };
})();

/** 第四条（一）在职在聘. */
const leaderEmployed = booleanRule({
  ...leaderRule('leader.employed', MASTER_TEXT),
  fact: 'leader.employed',
  expected: true,
  pass: t('技能大师在职在聘。', 'The master is currently employed.'),
  fail: t('技能大师须在职在聘（第四条（一））。', 'The master must be currently employed (Art. 4(1)).'),
});

/** 第四条（一）距法定退休年龄2年以上（含2年）. */
const leaderRetirementMargin = retirementMarginRule({
  ...leaderRule('leader.retirement-margin', MASTER_TEXT),
  minYears: RETIREMENT_MARGIN_YEARS,
});

/**
 * 第四条（一）重点从…荣誉称号获得者…中产生: where masters are mainly drawn from, not a condition. Always `review` — never
 * pass, fail or unknown — so it informs the experts (第六条 评审) and never blocks: the message says whether one of the
 * leader's honours is in the list.
 */
const POOL = [
  '中华技能大奖',
  '全国技术能手',
  '国务院政府特殊津贴',
  '北京市有突出贡献的高技能人才',
  '北京市政府技师特殊津贴',
  '顺义区优秀高技能人才',
];
/** 在各级技能大赛项目中获奖的优秀技能人才；“非物质文化遗产传承人”；“老字号工匠”. */
const POOL_PATTERNS = [/技能(?:大赛|竞赛)/, /非(?:物质(?:文化)?遗产|遗).*传承人/, /老字号工匠/];

const leaderHonours: Rule = (() => {
  const POOL_TEXT =
    '重点从我区“中华技能大奖”“全国技术能手”“享受国务院政府特殊津贴”“北京市有突出贡献的高技能人才”“享受北京市政府技师特殊津贴”“顺义区优秀高技能人才”等荣誉称号获得者，在各级技能大赛项目中获奖的优秀技能人才，“非物质文化遗产传承人”，“老字号工匠”等符合条件的优秀高技能人才中产生。';
  const none = review(
    '未填写第四条（一）所列荣誉称号。技能大师“重点”从所列称号获得者、技能大赛获奖者、非遗传承人、老字号工匠中产生，这不是申报条件，评审时参考。',
    'No honour of Art. 4(1) given. Masters are "mainly" drawn from those honours, competition winners, intangible heritage inheritors and time-honoured-brand craftsmen; it is not a condition, and the experts take it into account.',
  );
  return {
    id: `${ID}.leader.honours`,
    citation: cite('第四条（一）'),
    text: POOL_TEXT,
    subject: 'leader',
    programs: STUDIO,
    needs: ['leader.honours'],
    check(facts) {
      const honour = readStrings(facts, 'leader', 'honours')?.find(
        (h) => POOL.some((title) => h.includes(title)) || POOL_PATTERNS.some((re) => re.test(h)),
      );
      if (honour === undefined) return none;
      const name = honour.replace(/[“”"'‘’「」]/g, '').trim();
      return review(
        `技能大师获“${name}”，属于第四条（一）技能大师重点产生范围；这不是申报条件，评审时参考，称号以获奖证书（第五条（二））核验。`,
        `The master holds "${name}", among those masters are mainly drawn from (Art. 4(1)); not a condition, the experts take it into account and check the certificate (Art. 5(2)).`,
      );
    },
  };
})();

/** 第四条（二）有符合条件的技能大师，拥有相关职业、岗位技能人才梯队. */
const unitTalentPipeline = reviewRule({
  ...unitRule('unit.talent-pipeline', '有符合条件的技能大师，拥有相关职业、岗位技能人才梯队。'),
  evidence: t(
    '技能大师条件见第四条（一）；技能人才梯队由评审专家根据工作室成员的职业资格或技能等级证书、获奖证书复印件及相关工作成果材料（第五条（二））判断。',
    "The master's conditions are Art. 4(1); the experts judge the skills pipeline from the team's certificates, awards and work results (Art. 5(2)).",
  ),
});

/** 第四条（二）建立了较为完善的技能人才培养、评价、选拔、使用和激励政策制度. */
const unitTalentSystem = booleanRule({
  ...unitRule(
    'unit.talent-system',
    '高度重视技能人才队伍建设工作，建立了较为完善的技能人才培养、评价、选拔、使用和激励政策制度。',
  ),
  fact: 'unit.hasTalentSystem',
  expected: true,
  pass: t(
    '单位已建立技能人才培养、评价、选拔、使用和激励政策制度；由评审核实。',
    'The unit has policies for training, evaluating, selecting, using and rewarding skilled workers; the review verifies them.',
  ),
  fail: t(
    '单位须建立较为完善的技能人才培养、评价、选拔、使用和激励政策制度（第四条（二））。',
    'The unit must have fairly complete policies for training, evaluating, selecting, using and rewarding skilled workers (Art. 4(2)).',
  ),
});

/** 第四条（二）能够为技能大师工作室提供稳定的资金支持以及包括场所、设备在内的必要工作条件. */
const unitFundingAndVenue = booleanRule({
  ...unitRule('unit.funding-and-venue', '能够为技能大师工作室提供稳定的资金支持以及包括场所、设备在内的必要工作条件。'),
  fact: 'unit.providesFundingAndVenue',
  expected: true,
  pass: t(
    '单位能为工作室提供稳定的资金支持以及场所、设备等必要工作条件；情况说明或照片随申报材料提交（第五条（二））。',
    'The unit provides stable funding, a venue and equipment; a description or photos go with the application (Art. 5(2)).',
  ),
  fail: t(
    '单位须能为工作室提供稳定的资金支持以及包括场所、设备在内的必要工作条件（第四条（二））。',
    'The unit must provide the studio with stable funding and the necessary conditions, including a venue and equipment (Art. 4(2)).',
  ),
});

/** 第四条（二）有明确的工作室管理制度、工作职责、目标任务. */
const unitStudioRules = booleanRule({
  ...unitRule('unit.studio-rules', '有明确的工作室管理制度、工作职责、目标任务。'),
  fact: 'unit.hasStudioRules',
  expected: true,
  pass: t(
    '单位已制定工作室管理制度、工作职责和目标任务；配套制度随申报材料提交（第五条（二））。',
    'The unit has set studio rules, duties and targets; they go with the application (Art. 5(2)).',
  ),
  fail: t(
    '单位须有明确的工作室管理制度、工作职责、目标任务（第四条（二））。',
    'The unit must have set studio rules, duties and targets (Art. 4(2)).',
  ),
});

/** 第四条（二）愿意承担校企合作人才培养项目，或能够提供技能人才培养、技艺传承培训、技术交流推广等项目服务. */
const unitProjectServices = reviewRule({
  ...unitRule(
    'unit.project-services',
    '愿意承担校企合作人才培养项目，或能够提供技能人才培养、技艺传承培训、技术交流推广等项目服务。',
  ),
  evidence: t(
    '由评审判断：申报表“所在单位对工作室支持”“工作室主要工作方向”及申报单位意见中，是否表明愿意承担校企合作人才培养项目，或能够提供技能人才培养、技艺传承培训、技术交流推广等项目服务。',
    "For the review: whether the application form (the unit's support, the studio's main direction, the unit's opinion) shows the unit is willing to take on school–enterprise training projects, or can provide training, skills transmission or technical exchange services.",
  ),
});

/** 第四条（二）除领办人外，为工作室配备一支由3名以上正式员工组成的技术技能人才团队 (以上 includes 3). */
const unitTeam = minimumRule({
  ...unitRule(
    'unit.team',
    '除领办人外，为工作室配备一支由3名以上正式员工组成的技术技能人才团队，成员为相关职业领域的技能人才或专业技术人才。',
  ),
  fact: 'unit.teamFormalEmployees',
  min: 3,
  pass: (n) => t(`除领办人外，团队有正式员工${n}名（须3名以上）。`, `Besides the leader, the team has ${n} formal employees (3 or more needed).`),
  fail: (n) =>
    t(
      `除领办人外，工作室团队须有3名以上正式员工，现为${n}名（第四条（二））。`,
      `Besides the leader, the team needs 3 or more formal employees; it has ${n} (Art. 4(2)).`,
    ),
});

const RULES: Rule[] = [
  unitLocatedIn,
  studioNotRecognized,
  leaderFrontline,
  leaderSkillLevel,
  leaderEmployed,
  leaderRetirementMargin,
  leaderHonours,
  unitTalentPipeline,
  unitTalentSystem,
  unitFundingAndVenue,
  unitStudioRules,
  unitProjectServices,
  unitTeam,
];

// ---------------------------------------------------------------------------------------------------------
// Form: 附件1 顺义区技能大师工作室申报表, its fields exactly
// ---------------------------------------------------------------------------------------------------------

function field(key: string, zh: string, en: string, type: FieldSchema['type'], more: Partial<FieldSchema> = {}): FieldSchema {
  return { key, label: t(zh, en), type, ...more };
}

const SEX_BY_LABEL = { 男: 'male', 女: 'female' } as const;

const APPLICATION: FormSchema = {
  id: 'studio-application',
  title: t('顺义区技能大师工作室申报表', 'Shunyi skill master studio application form'),
  citation: cite('第五条（一）（附件1）'),
  programs: STUDIO,
  required: true,
  sections: [
    {
      key: 'cover',
      title: t('封面', 'Cover'),
      fields: [
        field('unitName', '申报单位（盖章）', 'Applicant unit (stamped)', 'text', { required: true, maxLength: 100 }),
        field('studioName', '工作室名称', 'Studio name', 'text', { required: true, maxLength: 100 }),
        field('filledOn', '填报时间', 'Date filled in', 'date', { required: true }),
      ],
    },
    {
      key: 'master',
      title: t('技能大师基本情况', 'The master'),
      fields: [
        field('name', '姓名', 'Name', 'text', { required: true, maxLength: 50 }),
        field('sex', '性别', 'Sex', 'select', {
          required: true,
          options: [
            { value: '男', label: t('男', 'Male') },
            { value: '女', label: t('女', 'Female') },
          ],
        }),
        field('ethnicity', '民族', 'Ethnic group', 'text', { required: true, maxLength: 20 }),
        field('birthMonth', '出生年月', 'Month of birth', 'month', { required: true }),
        field('politicalStatus', '政治面貌', 'Political affiliation', 'text', { required: true, maxLength: 20 }),
        field('education', '学历', 'Education', 'text', { required: true, maxLength: 20 }),
        field('occupation', '职业（工种）', 'Occupation (trade)', 'text', { required: true, maxLength: 50 }),
        field('skillLevel', '职业资格/技能等级', 'Vocational qualification / skill level', 'select', {
          required: true,
          options: SKILL_LEVELS.map((level) => ({ value: level, label: SKILL_LEVEL_NAMES[level] })),
          help: t(
            '原则上应为技师及以上；高精尖产业、新兴产业领域可适度放宽到高级工（第四条（一））。',
            'As a rule technician or above; senior worker may suffice in high-tech and emerging industries (Art. 4(1)).',
          ),
        }),
        field('position', '职务', 'Position', 'text', { maxLength: 50 }),
        field('workStart', '参加工作时间', 'Started work', 'month', { required: true }),
        field('idNumber', '身份证号码', 'Resident ID number', 'idNumber', { required: true }),
        field('officePhone', '办公室电话', 'Office phone', 'phone'),
        field('mobile', '手机号码', 'Mobile phone', 'phone', { required: true }),
      ],
    },
    {
      key: 'unit-support',
      title: t('所在单位对工作室支持', "The unit's support for the studio"),
      fields: [
        field('unitSupport', '所在单位对工作室支持', "The unit's support for the studio", 'textarea', {
          required: true,
          maxLength: 3000,
          help: t(
            '资金支持，场所、设备等工作条件，工作室管理制度、工作职责、目标任务，校企合作或项目服务意愿（第四条（二））。',
            'Funding, venue and equipment, studio rules, duties and targets, willingness to take on school–enterprise projects or services (Art. 4(2)).',
          ),
        }),
      ],
    },
    {
      key: 'direction',
      title: t('工作室主要工作方向', "The studio's main direction of work"),
      fields: [
        field('direction', '工作室主要工作方向', "The studio's main direction of work", 'textarea', {
          required: true,
          maxLength: 3000,
        }),
      ],
    },
    {
      key: 'unit-opinion',
      title: t('申报单位意见', "The applicant unit's opinion"),
      fields: [
        field('unitOpinion', '申报单位意见', "The applicant unit's opinion", 'textarea', {
          required: true,
          maxLength: 1000,
          help: t(
            '单位严格审核把关并签署审核意见（第五条），打印后加盖公章。',
            'The unit reviews the application and signs its opinion (Art. 5); stamp the printed form.',
          ),
        }),
      ],
    },
    // The last two boxes of 附件1 are filled by the reviewers, not the applicant: no fields, so applicant data for them
    // is refused; the printed form keeps the boxes.
    {
      key: 'expert-opinion',
      title: t('专家评估意见（由评审专家填写并签字，申报单位不填）', 'Expert assessment (filled in and signed by the experts, not the applicant)'),
      fields: [],
    },
    {
      key: 'bureau-opinion',
      title: t(
        '区人力资源社会保障局意见（由区人社局填写并盖章，申报单位不填）',
        'District HR and Social Security Bureau opinion (filled in and stamped by the bureau, not the applicant)',
      ),
      fields: [],
    },
  ],
  checks: [
    {
      id: 'id-number-matches-master',
      citation: cite('第五条（一）（附件1）'),
      description: t(
        '出生年月、性别与身份证号码一致。',
        'The month of birth and sex agree with the resident ID number.',
      ),
      check(data) {
        const { idNumber, birthMonth, sex } = data;
        if (typeof idNumber !== 'string') return [];
        const id = parseResidentIdNumber(idNumber);
        if (!id.ok) return [];
        const issues: { path: string; message: Text }[] = [];
        if (typeof birthMonth === 'string' && birthMonth !== id.birthDate.slice(0, 7)) {
          issues.push({
            path: 'birthMonth',
            message: t(
              `出生年月${birthMonth}与身份证号码中的出生日期${id.birthDate}不一致。`,
              `Month of birth ${birthMonth} does not match the birth date ${id.birthDate} in the ID number.`,
            ),
          });
        }
        if ((sex === '男' || sex === '女') && SEX_BY_LABEL[sex] !== id.sex) {
          issues.push({
            path: 'sex',
            message: t('性别与身份证号码不一致。', 'The sex does not match the resident ID number.'),
          });
        }
        return issues;
      },
    },
  ],
  signatureBlock: t('申报单位意见：    （盖章）    年  月  日', 'Applicant unit opinion: (stamp)    Date'),
};

// ---------------------------------------------------------------------------------------------------------
// Materials 第五条
// ---------------------------------------------------------------------------------------------------------

const SCAN: MaterialItem['formats'] = ['pdf', 'jpg', 'png'];
const PAPER = t(
  '以上材料一式2份，统一使用A4纸黑白打印装订成册（申报表和其他材料单独装订），同时报送电子文档（第五条）。',
  'Two copies of everything, printed black and white on A4 and bound (the form and the other materials bound separately), plus the electronic files (Art. 5).',
);

const MATERIALS: MaterialItem[] = [
  {
    id: 'studio-application-form',
    order: 1,
    title: t('顺义区技能大师工作室申报表（附件1）', 'Shunyi skill master studio application form (Annex 1)'),
    citation: cite('第五条（一）'),
    programs: STUDIO,
    required: true,
    supply: 'online-form',
    formId: APPLICATION.id,
    formats: ['pdf'],
    stamped: true,
    template: t('附件1', 'Annex 1'),
    notes: PAPER,
  },
  {
    id: 'leader-evidence',
    order: 2,
    title: t(
      '其他材料：领办人国家职业资格或技能等级证书、获奖证书复印件，以及获得的国家专利或主要创新发明的材料',
      "Other materials: the leader's certificates and award copies, and patents or main inventions",
    ),
    citation: cite('第五条（二）'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formats: SCAN,
    notes: PAPER,
  },
  {
    id: 'team-evidence',
    order: 3,
    title: t(
      '其他材料：工作室成员国家职业资格或技能等级证书、获奖证书复印件，以及相关工作成果材料',
      "Other materials: the team members' certificates and award copies, and their work results",
    ),
    citation: cite('第五条（二）'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formats: SCAN,
    notes: PAPER,
  },
  {
    id: 'studio-conditions',
    order: 4,
    title: t(
      '其他材料：工作室各项配套制度以及场所、设备等工作条件情况说明或照片等',
      "Other materials: the studio's rules, and descriptions or photos of its venue and equipment",
    ),
    citation: cite('第五条（二）'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formats: SCAN,
    notes: PAPER,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Stages 第五条—第八条
// ---------------------------------------------------------------------------------------------------------

const STAGES: StageDef[] = [
  {
    id: 'submit',
    title: t('单位审核报送', 'Unit review and submission'),
    citation: cite('第五条'),
    actor: 'applicant',
    description: t(
      '各企事业单位按照公平、公正、公开的原则，严格审核把关并审核材料，签署审核意见后于每年8月底前将材料报区人力资源和社会保障局。',
      'Each unit reviews its application fairly and openly, signs its opinion and sends the materials to the district bureau by the end of August.',
    ),
  },
  {
    id: 'completeness-check',
    title: t('审核', 'Completeness check'),
    citation: cite(
      '第五条、第六条',
      '征求意见稿只规定区人社局“汇总全区申报材料”后评审，未规定材料审核和补正程序；沿用大兴区2026年建设项目评选通知三（二）初审的做法：材料不齐或不符合要求的，告知申报单位补齐补正。',
    ),
    actor: 'intake',
    description: t(
      '区人社局汇总全区申报材料，审核材料是否齐全、是否符合要求；不齐全或不符合要求的，告知申报单位补齐补正。',
      'The district bureau gathers the applications and checks they are complete; if not, it asks the unit to complete or correct them.',
    ),
  },
  {
    id: 'expert-review',
    title: t('评审', 'Review'),
    citation: cite('第六条'),
    actor: 'expert',
    description: t(
      '区人社局汇总全区申报材料，对申报单位工作室基本条件和建设情况进行评审，确定技能大师工作室拟定名单。',
      "The bureau gathers the district's applications, reviews each studio's conditions and development, and proposes a list.",
    ),
  },
  {
    id: 'notice',
    title: t('公示', 'Public notice'),
    citation: cite('第六条'),
    actor: 'public',
    description: t(
      '对拟定的“顺义区技能大师工作室名单”进行公示，接受社会监督。',
      'The proposed list of Shunyi skill master studios is published for public scrutiny.',
    ),
    limit: {
      days: 5,
      unit: 'working-days',
      description: t('不少于5个工作日（第六条）。', 'At least 5 working days (Art. 6).'),
    },
  },
  {
    id: 'decision',
    title: t('认定', 'Recognition'),
    citation: cite('第六条、第七条'),
    actor: 'program',
    description: t(
      '公示无异议后，印发文件公布顺义区技能大师工作室认定名单，每年认定不超过5家；由区人社局授予“顺义区技能大师工作室”称号和统一制发的铭牌。',
      'Without objection, the bureau issues the list of recognised studios (at most 5 a year) and awards the title "Shunyi Skill Master Studio" and its plaque.',
    ),
  },
  {
    id: 'disbursement',
    title: t('资金支持', 'Funding'),
    citation: cite('第八条', '征求意见稿未规定拨付时点和程序；按认定后拨付计。'),
    actor: 'finance',
    description: t(
      '对经认定的顺义区技能大师工作室所在企业给予10万元资金支持。',
      'The unit of each recognised studio receives 100,000 CNY.',
    ),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Program
// ---------------------------------------------------------------------------------------------------------

const RUBRIC_INFERRED = '征求意见稿第六条只规定对“工作室基本条件和建设情况”进行评审，未规定评分项；评分项按第四条、第五条（二）设，取等权重，区人社局可另定。';

const RUBRIC: NonNullable<ProgramDef['rubric']> = [
  ['master', '技能大师一线经历、技能等级与荣誉', "Master's front-line work, skill level and honours", '第四条（一）'],
  ['achievements', '领办人及成员的专利、创新发明与工作成果', 'Patents, inventions and results of the leader and team', '第五条（二）'],
  ['talent-system', '技能人才梯队与培养、评价、选拔、使用和激励政策制度', 'Skills pipeline and talent policies', '第四条（二）'],
  ['conditions', '资金支持、场所设备与工作室管理制度', 'Funding, venue, equipment and studio rules', '第四条（二）'],
  ['services', '校企合作人才培养与项目服务', 'School–enterprise training and project services', '第四条（二）'],
  ['team', '技术技能人才团队', 'Team', '第四条（二）'],
].map(([id, zh, en, article]) => ({ id, title: t(zh, en), weight: 1 / 6, max: 100, citation: cite(article, RUBRIC_INFERRED) }));


const REVIEW_INFERRED = '征求意见稿第六条只规定区人社局“进行评审”，未规定专家人数、回避年限和计分方法；平台取常见做法：每件至少3名专家，近3年内任职单位回避，去掉最高分和最低分后取平均（不少于5名专家时），区人社局可另定。';

/** Expert review procedure (the text sets none of these numbers; see REVIEW_INFERRED). */
const REVIEW: ReviewRules = {
  expertsPerApplication: 3,
  panelSize: 7,
  formerEmployerAvoidanceYears: 3,
  aggregation: 'trimmed-mean',
  extremeScore: { below: 0.6, atLeast: 0.95 },
  outlierPoints: 15,
  citation: cite('第六条', REVIEW_INFERRED),
};

const STUDIO_RECOGNITION: ProgramDef = {
  id: 'studio-recognition',
  title: t('顺义区技能大师工作室认定', 'Shunyi skill master studio recognition'),
  citation: cite('第六条'),
  cadence: {
    everyYears: 1,
    citation: cite('第五条、第六条'),
    description: t('每年8月底前报送材料，每年认定不超过5家', 'Materials by the end of August each year; at most 5 studios a year'),
  },
  quota: QUOTA,
  funding: [
    {
      kind: 'fixed',
      amount: SUPPORT,
      when: t(
        '对经认定的顺义区技能大师工作室所在企业给予10万元资金支持，主要用于技能培训、技术交流、技艺展示、师资培养进修、技术研发等支出。',
        'The unit of each recognised studio receives 100,000 CNY, mainly for training, technical exchange, showcasing skills, training trainers and R&D.',
      ),
    },
  ],
  noticeWorkingDays: NOTICE_DAYS,
  stages: STAGES,
  rules: RULES,
  materials: MATERIALS,
  forms: [APPLICATION],
  recurringDeadlines: [
    {
      id: 'materials-due',
      monthDay: '08-31',
      text: t('每年8月底前将申报材料报区人力资源和社会保障局。', 'Applications reach the district bureau by the end of August each year.'),
      citation: cite('第五条'),
    },
  ],
  rubric: RUBRIC,
  review: REVIEW,
};

// ---------------------------------------------------------------------------------------------------------
// Obligations and changes
// ---------------------------------------------------------------------------------------------------------

const YEAR_END_INFERRED =
  '第十三条只规定“每年”“定期按要求”，未规定日期；取最接近的区级做法：大兴区京兴人社发〔2025〕21号第十九条（三）“每年12月末”。';

const OBLIGATIONS: Obligation[] = [
  {
    id: 'skill-improvement',
    citation: cite('第十三条', YEAR_END_INFERRED),
    text: t(
      '工作室每年应带动不少于100人次技艺提升和创新。',
      'Each year the studio brings skills improvement and innovation to at least 100 person-times.',
    ),
    due: { yearly: '12-31' },
    minimum: { quantity: YEARLY_PERSON_TIMES, unit: t('人次', 'person-times') },
  },
  {
    id: 'annual-report',
    citation: cite('第十三条', YEAR_END_INFERRED),
    text: t(
      '每年定期按要求将工作室全年工作情况及运行成果报送区人力资源和社会保障局。',
      "Each year the unit sends the bureau the studio's work and results for the year, as required.",
    ),
    due: { yearly: '12-31' },
  },
  {
    id: 'unit-management',
    citation: cite('第十三条'),
    text: t(
      '所在单位负责工作室的日常管理，给予工作室必要的支持，督促工作室在领办人的带领下按照既定的规章制度及目标任务开展活动、规范运作。',
      'The unit manages the studio day to day, supports it, and sees that it works to its rules and targets under the leader.',
    ),
  },
  {
    id: 'leader-duties',
    citation: cite('第十二条'),
    text: t(
      '领办人是工作室日常运行及管理的第一责任人，带领团队成员引领技能研发、实行名师带徒、开展技艺交流、发挥社会效益。',
      'The leader answers for the studio and leads its skills R&D, apprenticeship, exchanges and social contribution.',
    ),
  },
  {
    id: 'fund-use',
    citation: cite('第八条'),
    text: t(
      '资金主要用于工作室开展技能人才培养工作所需的技能培训、技术交流、技艺展示、师资培养进修、技术研发等支出；涉及固定资产的，按固定资产财务管理办法登记造册，统一管理。',
      'The funds go mainly to training, technical exchange, showcasing skills, training trainers and R&D; fixed assets are registered and managed under the fixed-asset rules.',
    ),
  },
];

/** 第十四条: each change is applied for in writing and takes effect once approved and filed (审核同意并备案后生效). */
const CHANGE_RULES: ChangeRule[] = [
  {
    id: 'leader-replaced',
    kind: 'leader-replaced',
    citation: cite('第十四条'),
    text: t(
      '工作室不得随意变更领办人。因领办人退休、离职、重大疾病或其他不可抗因素，确需更换领办人的，应向区人社局提交书面申请及本办法第五条所列材料，经审核同意并备案后生效（不同于大兴区的重新申报）。',
      'The leader is not changed at will. If retirement, leaving, serious illness or force majeure makes a new leader necessary, the unit applies in writing with the materials of Art. 5; the change takes effect once approved and filed (not a new application, unlike Daxing).',
    ),
    requires: t(
      '书面申请及第五条所列材料（新领办人的申报表（附件1）及其他材料）',
      "A written application with the materials of Art. 5 (the new leader's application form and other materials)",
    ),
    requiresNewApplication: false,
  },
  {
    id: 'leader-retirement-extension',
    kind: 'leader-retirement-extension',
    citation: cite('第十四条'),
    text: t(
      '工作室领办人达到退休年龄，因工作原因返聘或退休延迟的，应向区人社局提交书面申请及相关材料，经审核同意并备案后生效。',
      'A leader who reaches retirement age and is rehired or retires later: the unit applies in writing with documents; effective once approved and filed.',
    ),
    requires: t('书面申请及返聘或延迟退休的相关材料', 'A written application with the rehiring or deferral documents'),
  },
  {
    id: 'unit-renamed',
    kind: 'unit-renamed',
    citation: cite('第十四条'),
    text: t(
      '工作室不得随意变更申办单位。所在单位因合并重组等原因，确需变更工作室所在单位名称的，应向区人社局提交书面申请及相关材料，经审核同意并备案后生效。',
      "The unit is not changed at will. If a merger or restructuring changes the unit's name, it applies in writing with documents; effective once approved and filed.",
    ),
    requires: t('书面申请及相关材料', 'A written application and documents'),
  },
  {
    id: 'unit-moved',
    kind: 'unit-moved',
    citation: cite('第十四条'),
    text: t(
      '工作室不得随意变更工作地址。所在单位因搬迁等原因，确需变更工作地址的，应向区人社局提交书面申请及相关材料，经审核同意并备案后生效。',
      'The address is not changed at will. After a move the unit applies in writing with documents; effective once approved and filed.',
    ),
    requires: t('书面申请及相关材料', 'A written application and documents'),
  },
];

export const shunyiDraft: Edition = {
  id: ID,
  jurisdiction: 'shunyi',
  jurisdictionName: t('顺义区', 'Shunyi District'),
  title: t(
    '顺义区技能大师工作室管理办法（试行）（征求意见稿）',
    'Shunyi District Measures for Managing Skill Master Studios (Trial) — draft for comment',
  ),
  documentNumber: DOC,
  validFrom: VALID_FROM,
  validTo: VALID_TO,
  validityCitation: cite('第十六条', VALIDITY_INFERRED),
  status: 'draft',
  basedOn: ['京人社能发〔2023〕3号', '顺政发〔2022〕42号'],
  sourceFile: 'policy-texts/003_0fd526e660ff1c98.txt',
  authorities: {
    intake: t('顺义区人力资源和社会保障局', 'Shunyi District Human Resources and Social Security Bureau'),
    program: t('顺义区人力资源和社会保障局', 'Shunyi District Human Resources and Social Security Bureau'),
  },
  programs: [STUDIO_RECOGNITION],
  obligations: OBLIGATIONS,
  // The draft lists no grounds for revoking a title (大兴 第十八条 is not carried over).
  revocationTriggers: [],
  changeRules: CHANGE_RULES,
  // The draft announces no call; rounds follow the yearly 8月底 deadline (第五条).
  calls: [],
  // 第八条: 资金主要用于工作室开展技能人才培养工作所需的技能培训、技术交流、技艺展示、师资培养进修、技术研发等支出。涉及固定资产项目标准的，
  // 要按照固定资产财务管理办法相关要求登记造册，统一管理 (its own categories, not 大兴's 第十五条).
  fundUse: {
    citation: cite('第八条'),
    text: t(
      '资金主要用于工作室开展技能人才培养工作所需的技能培训、技术交流、技艺展示、师资培养进修、技术研发等支出。涉及固定资产项目标准的，要按照固定资产财务管理办法相关要求登记造册，统一管理。',
      'The funds go mainly to skills training, technical exchange, showcasing skills, training and further study of trainers, and R&D; fixed assets are registered and managed under the fixed-asset rules.',
    ),
    categories: [
      { id: 'training', name: t('技能培训', 'Skills training') },
      { id: 'exchange', name: t('技术交流', 'Technical exchange') },
      { id: 'showcase', name: t('技艺展示', 'Showcasing skills') },
      { id: 'trainer-development', name: t('师资培养进修', 'Training of trainers') },
      { id: 'research', name: t('技术研发', 'R&D') },
    ],
    fixedAssetRegister: true,
  },
};
