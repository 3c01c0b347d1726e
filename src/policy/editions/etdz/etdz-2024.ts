/**
 * 京技管发〔2024〕1号 《北京经济技术开发区技能大师工作室建设管理办法（试行）》, as the 2026年经开区技能大师工作室认定资助
 * 办事指南 states it. The 办法 itself is not among the texts; the guide is: it quotes 第十四条 (one-time 200,000 CNY for
 * a first recognition) and sets out the conditions (三), support (四), materials (五), procedure (六) and the 2026 call
 * (九、十). Source text: seeds/002_66747d7481a57192.txt. Articles below are the guide's sections unless they name
 * 京技管发〔2024〕1号.
 *
 * Unlike 大兴, the leader needs two years (inclusive) to the statutory retirement date (三（二）1（3）, 2（3）), and
 * listed honours allow direct recognition of the leader (三（二）3). The guide sets no quota, no notice length, no
 * obligations, no change rules and no revocation: none are imported from other districts.
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
  unknown,
  type RuleMeta,
} from '../../rules/conditions';
import type {
  CallTemplate,
  Citation,
  Edition,
  Facts,
  FieldSchema,
  FormSchema,
  MaterialItem,
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

const ID = 'etdz-2024';
const DOC = '京技管发〔2024〕1号';
const GUIDE = '2026年经开区技能大师工作室认定资助办事指南（京技管发〔2024〕1号）';
/**
 * The guide does not give the 办法's date. It is a 2024 document (京技管发〔2024〕1号), so it cannot predate 2024; the
 * 2026 guide applies it with no end date.
 */
const VALID_FROM = '2024-01-01';
const VALID_FROM_INFERRED =
  '办事指南未载明京技管发〔2024〕1号的印发日期和有效期；按文号年份取2024年1月1日起，无截止日期，待取得原文后更正。';

function cite(article: string, inferred?: string): Citation {
  return inferred === undefined ? { document: GUIDE, article } : { document: GUIDE, article, inferred };
}
function t(zh: string, en: string): Text {
  return { zh, en };
}

const STUDIO: ProgramId[] = ['studio-recognition'];

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

/** 一、京技管发〔2024〕1号第十四条 经评审首次认定为经开区技能大师工作室的，按照每个工作室20万元的标准给予一次性资助. */
const FIRST_RECOGNITION_GRANT: Parameter<number> = [
  { from: VALID_FROM, value: 200_000, citation: { document: DOC, article: '第十四条（办事指南一、四（一）引述）' } },
];
/** 四（二）取得国家、北京市技能大师工作室相应工作室称号的，分别按照20万元和10万元的标准给予一次性奖励. */
const NATIONAL_AWARD: Parameter<number> = [{ from: VALID_FROM, value: 200_000, citation: cite('四（二）') }];
const MUNICIPAL_AWARD: Parameter<number> = [{ from: VALID_FROM, value: 100_000, citation: cite('四（二）') }];
/**
 * The guide sets no number of studios per round: no value is invented. An empty parameter is "no cap stated" (the
 * API describes it as `current: null`).
 */
const QUOTA: Parameter<number> = [];
const NOTICE_INFERRED =
  '办事指南六（七）只规定公示，未规定公示期；取最接近的区级做法：大兴区京兴人社发〔2025〕21号第十一条“公示期为5个工作日”。';
/** 六（七）公示 — length not stated; 5 working days as 大兴 第十一条. */
const NOTICE_DAYS: Parameter<number> = [{ from: VALID_FROM, value: 5, citation: cite('六（七）', NOTICE_INFERRED) }];
/** 五（二）收到打印纸质材料短信通知后，在3个工作日内…递交至受理窗口. */
const PAPER_DOSSIER_WORKING_DAYS = 3;
/** 三（二）1（3）、2（3）距法定退休年龄2年以上（含2年）. */
const RETIREMENT_MARGIN_YEARS = 2;
/** 三（二）2（1）在生产服务一线岗位工作三年以上 (以上 includes 3). */
const UNLISTED_FRONTLINE_YEARS = 3;

// ---------------------------------------------------------------------------------------------------------
// Honours that allow direct recognition (三（二）3)
// ---------------------------------------------------------------------------------------------------------

/**
 * 三（二）3（1）: the titles as the guide writes them, matched as substrings so that quotes, 「享受」 and 「获得者」 may be
 * present or not (e.g. “享受国务院政府特殊津贴” and 国务院政府特殊津贴 both match).
 */
const HONOUR_TITLES = [
  '中华技能大奖',
  '全国技术能手',
  '国务院政府特殊津贴',
  '北京市有突出贡献的高技能人才',
  '北京市政府技师特殊津贴',
];
/** 三（二）3（2）: 代表北京市在世界技能大赛项目中获奖的“专家组长、教练组长、主教练”. */
const WORLDSKILLS_ROLES = ['专家组长', '教练组长', '主教练'];
/** 三（二）3（3）: “非物质遗产传承人”(sic; also 非物质文化遗产（代表性）传承人, 非遗传承人) and “老字号工匠”. */
const HERITAGE = [/非(?:物质(?:文化)?遗产|遗).*传承人/, /老字号工匠/];

/** The titles of 三（二）3 as the 申报表 offers them, in the guide's own spelling (e.g. 非物质遗产传承人). */
const DIRECT_RECOGNITION_OPTIONS: { value: string; label: Text }[] = [
  ['中华技能大奖', 'China Skills Award'],
  ['全国技术能手', 'National Technical Expert'],
  ['享受国务院政府特殊津贴', 'State Council special government allowance'],
  ['北京市有突出贡献的高技能人才', 'Beijing highly skilled talent with outstanding contributions'],
  ['享受北京市政府技师特殊津贴', 'Beijing government special allowance for technicians'],
  ['世界技能大赛专家组长', 'WorldSkills expert team leader (representing Beijing, medal-winning skill)'],
  ['世界技能大赛教练组长', 'WorldSkills coach team leader (representing Beijing, medal-winning skill)'],
  ['世界技能大赛主教练', 'WorldSkills chief coach (representing Beijing, medal-winning skill)'],
  ['非物质遗产传承人', 'Intangible cultural heritage inheritor'],
  ['老字号工匠', 'Time-honoured brand craftsman'],
].map(([zh, en]) => ({ value: zh, label: t(zh, en) }));
export const DIRECT_RECOGNITION_HONOURS: readonly string[] = DIRECT_RECOGNITION_OPTIONS.map((o) => o.value);

/** The first of the leader's honours that allows direct recognition under 三（二）3, if any. */
function directHonour(honours: readonly string[] | undefined): string | undefined {
  return honours?.find(
    (h) =>
      HONOUR_TITLES.some((title) => h.includes(title)) ||
      (h.includes('世界技能大赛') && WORLDSKILLS_ROLES.some((role) => h.includes(role))) ||
      HERITAGE.some((re) => re.test(h)),
  );
}

/** The leader's honours, and the first one allowing direct recognition without the quotes it may be written with. */
function readDirectHonour(facts: Facts): { honours: string[] | undefined; honour: string | undefined } {
  const honours = readStrings(facts, 'leader', 'honours');
  return { honours, honour: directHonour(honours)?.replace(/[“”"'‘’「」]/g, '').trim() };
}

// ---------------------------------------------------------------------------------------------------------
// Rules: 三（一）单位条件
// ---------------------------------------------------------------------------------------------------------

function unitRule(id: string, article: string, text: string): RuleMeta {
  return { id: `${ID}.${id}`, citation: cite(article), text, subject: 'unit', programs: STUDIO };
}
function leaderRule(id: string, article: string, text: string): RuleMeta {
  return { id: `${ID}.${id}`, citation: cite(article), text, subject: 'leader', programs: STUDIO };
}

const UNIT_1_TEXT =
  '遵守国家和北京市有关法律、法规、规章及行业规范。在经开区范围内依法实际经营的企事业单位、社会团体及行业组织。';

/** 三（一）1 前段 遵守国家和北京市有关法律、法规、规章及行业规范 — judged by the desks, not from facts. */
const unitLawful = reviewRule({
  ...unitRule('unit.lawful', '三（一）1', UNIT_1_TEXT),
  evidence: t(
    '遵守国家和北京市有关法律、法规、规章及行业规范：由经开区营商环境建设局初审和人社服务中心审核时，依据企业营业执照电子证照（五（一）2）和加盖公章的承诺书（五（一）3）核实。',
    'Compliance with national and Beijing laws, regulations and industry norms: checked at the completeness check and the substantive review from the electronic business licence (Guide 5(1)2) and the stamped commitment (5(1)3).',
  ),
});

/** 三（一）1 后段 在经开区范围内依法实际经营的企事业单位、社会团体及行业组织. */
const unitLocatedIn: Rule = (() => {
  const onPass = pass('申报单位在经开区范围内经营。', 'The unit operates in the Beijing Economic-Technological Development Area.');
  const onFail = fail(
    '申报单位须为在经开区范围内依法实际经营的企事业单位、社会团体及行业组织（三（一）1）。',
    'The unit must be an enterprise, institution, social organisation or industry body lawfully operating in the Development Area (Guide 3(1)1).',
  );
  const onMissing = missing('unit.locatedIn');
  return {
    id: `${ID}.unit.located-in`,
    citation: cite('三（一）1'),
    text: UNIT_1_TEXT,
    subject: 'unit',
    programs: STUDIO,
    needs: ['unit.locatedIn'],
    check(facts) {
      const district = readString(facts, 'unit', 'locatedIn');
      return district === undefined ? onMissing : district === 'etdz' ? onPass : onFail;
    },
  };
})();

/** 三（一）2 除有符合条件的领办人以外，还拥有相关职业、岗位技能人才梯队. */
const unitTalentPipeline = reviewRule({
  ...unitRule('unit.talent-pipeline', '三（一）2', '除有符合条件的领办人以外，还拥有相关职业、岗位技能人才梯队。'),
  evidence: t(
    '领办人条件见三（二）；技能人才梯队由评审专家根据申报表所列团队成员、职业资格或技能等级证书（五（一）5）和劳动合同（五（一）10）判断。',
    "The leader's conditions are Guide 3(2); the experts judge the skills pipeline from the team listed in the application form, the certificates (5(1)5) and the labour contracts (5(1)10).",
  ),
});

/** 三（一）3 建立了较为完善的技能人才培养、评价、选拔、使用和激励制度. */
const unitTalentSystem = booleanRule({
  ...unitRule('unit.talent-system', '三（一）3', '建立了较为完善的技能人才培养、评价、选拔、使用和激励制度。'),
  fact: 'unit.hasTalentSystem',
  expected: true,
  pass: t(
    '单位已建立技能人才培养、评价、选拔、使用和激励制度；由评审核实。',
    'The unit has a system for training, evaluating, selecting, using and rewarding skilled workers; the review verifies it.',
  ),
  fail: t(
    '单位须建立较为完善的技能人才培养、评价、选拔、使用和激励制度（三（一）3）。',
    'The unit must have a fairly complete system for training, evaluating, selecting, using and rewarding skilled workers (Guide 3(1)3).',
  ),
});

const UNIT_4_TEXT =
  '能为工作室提供稳定的资金支持以及包括场所、设备在内的必要工作条件；有明确的工作室管理制度、工作职责、目标任务。';

/** 三（一）4 前段 能为工作室提供稳定的资金支持以及包括场所、设备在内的必要工作条件. */
const unitFundingAndVenue = booleanRule({
  ...unitRule('unit.funding-and-venue', '三（一）4', UNIT_4_TEXT),
  fact: 'unit.providesFundingAndVenue',
  expected: true,
  pass: t(
    '单位能为工作室提供稳定的资金支持以及场所、设备等必要工作条件；场所照片（五（一）9）随申报材料提交。',
    'The unit provides stable funding, a venue and equipment; photos of the venue (Guide 5(1)9) go with the application.',
  ),
  fail: t(
    '单位须能为工作室提供稳定的资金支持以及包括场所、设备在内的必要工作条件（三（一）4）。',
    'The unit must provide the studio with stable funding and the necessary conditions, including a venue and equipment (Guide 3(1)4).',
  ),
});

/** 三（一）4 后段 有明确的工作室管理制度、工作职责、目标任务. */
const unitStudioRules = booleanRule({
  ...unitRule('unit.studio-rules', '三（一）4', UNIT_4_TEXT),
  fact: 'unit.hasStudioRules',
  expected: true,
  pass: t(
    '单位已制定工作室管理制度、工作职责和目标任务；制度文件（五（一）7）随申报材料提交。',
    'The unit has set studio rules, duties and targets; the documents (Guide 5(1)7) go with the application.',
  ),
  fail: t(
    '单位须有明确的工作室管理制度、工作职责、目标任务（三（一）4）。',
    'The unit must have set studio rules, duties and targets (Guide 3(1)4).',
  ),
});

/** 三（一）5 除领办人外，应为工作室配备一支由3名以上正式员工组成的技术技能人才团队 (以上 includes 3). */
const unitTeam = minimumRule({
  ...unitRule(
    'unit.team',
    '三（一）5',
    '除领办人外，应为工作室配备一支由3名以上正式员工组成的技术技能人才团队，成员可以是技能人才或专业技术人才。',
  ),
  fact: 'unit.teamFormalEmployees',
  min: 3,
  pass: (n) => t(`除领办人外，团队有正式员工${n}名（须3名以上）。`, `Besides the leader, the team has ${n} formal employees (3 or more needed).`),
  fail: (n) =>
    t(
      `除领办人外，工作室团队须有3名以上正式员工，现为${n}名（三（一）5）。`,
      `Besides the leader, the team needs 3 or more formal employees; it has ${n} (Guide 3(1)5).`,
    ),
});

/**
 * 四（一）、京技管发〔2024〕1号第十四条 经评审首次认定为经开区技能大师工作室的…给予一次性资助. The call recognises and funds
 * studios for the first time; `studio.recognized` (already a recognised 经开区 studio) means it is not a first
 * recognition. Titles won later are rewarded under 四（二）, which this rule points to.
 */
const studioFirstRecognition: Rule = (() => {
  const onPass = pass('工作室尚未被认定为经开区技能大师工作室，属于首次认定。', 'The studio is not yet recognised: a first recognition.');
  const onFail = fail(
    '工作室已被认定为经开区技能大师工作室，不属于“首次认定”（四（一）、京技管发〔2024〕1号第十四条）；取得国家、北京市技能大师工作室称号的，可按四（二）申请一次性奖励。',
    'The studio is already recognised by the Development Area, so this is not a first recognition (Guide 4(1); Art. 14); a studio that wins a national or Beijing title may claim the one-time award of 4(2).',
  );
  const onMissing = missing('studio.recognized');
  return {
    id: `${ID}.studio.first-recognition`,
    citation: cite('四（一）'),
    text: '经评审首次认定为经开区技能大师工作室的，按照每个工作室20万元的标准给予一次性资助。',
    subject: 'studio',
    programs: STUDIO,
    needs: ['studio.recognized'],
    check(facts) {
      const recognized = readBoolean(facts, 'studio', 'recognized');
      return recognized === undefined ? onMissing : recognized ? onFail : onPass;
    },
  };
})();

// ---------------------------------------------------------------------------------------------------------
// Rules: 三（二）领办人条件
//
// Three routes: 1 (occupation listed in 《职业分类大典》), 2 (not listed), 3 (honours: 可直接认定为领办人).
// Reading of 3 (inferred, stated in DIRECT_INFERRED): the honour stands in for the qualification items that differ
// between 1 and 2 — front-line work (1（1）/2（1）) and certificate or practical experience (1（2）/2（2）). Items
// 1（3）/2（3） — employed, and 2 years (inclusive) to the statutory retirement date — are the same in both routes
// and still apply: 3 does not say otherwise, and every application carries the leader's labour contract (五（一）10).
// ---------------------------------------------------------------------------------------------------------

const DIRECT_INFERRED =
  '“可直接认定为领办人”理解为：称号代替三（二）1、2中的资格条件（1（1）（2）、2（1）（2）），不再审查一线年限、证书等级或实操经验；1（3）、2（3）两种情形相同的“在职、距法定退休年龄2年以上（含2年）”仍须满足，因第3项未作豁免，且五（一）10要求所有领办人提交劳动合同。';

const DIRECT_TEXT =
  '符合以下条件可直接认定为经开区技能大师工作室领办人：（1）获得北京市“中华技能大奖”“全国技术能手”“享受国务院政府特殊津贴”“北京市有突出贡献的高技能人才”“享受北京市政府技师特殊津贴”；（2）代表北京市在世界技能大赛项目中获奖的“专家组长、教练组长、主教练”；（3）“非物质遗产传承人”“老字号工匠”等称号的优秀高技能人才。';

function waived(honour: string, item: string, itemEn: string): RuleResult {
  return pass(
    `领办人获“${honour}”，按三（二）3可直接认定为领办人，${item}不再审查；称号以获奖证书（五（一）6）核验。`,
    `The leader holds "${honour}" and may be recognised directly (Guide 3(2)3): ${itemEn} is not examined; the award certificate (5(1)6) is verified.`,
  );
}

/** A failed qualification item is only `unknown` while the leader's honours are not known: one may allow route 3. */
function unlessHonoured(r: RuleResult): RuleResult {
  return unknown(
    `${r.message.zh}但如领办人持有三（二）3所列称号，可直接认定为领办人：请填写所获荣誉称号（leader.honours）。`,
    `${r.message.en} Unless the leader holds a title listed in Guide 3(2)3, which allows direct recognition: supply leader.honours.`,
  );
}

/**
 * A qualification item of routes 1 and 2: waived by a 三（二）3 honour; otherwise `byRoute` on whether the occupation
 * is listed.
 */
function qualificationRule(
  meta: RuleMeta & { needs: string[]; item: Text },
  byRoute: (listed: boolean, facts: Facts) => RuleResult,
): Rule {
  return {
    id: meta.id,
    citation: meta.citation,
    text: meta.text,
    subject: meta.subject,
    programs: meta.programs,
    needs: ['leader.honours', 'leader.occupationListed', ...meta.needs],
    check(facts) {
      const { honours, honour } = readDirectHonour(facts);
      if (honour !== undefined) return waived(honour, meta.item.zh, meta.item.en);
      const listed = readBoolean(facts, 'leader', 'occupationListed');
      const r = listed === undefined ? missing('leader.occupationListed') : byRoute(listed, facts);
      return r.outcome === 'fail' && honours === undefined ? unlessHonoured(r) : r;
    },
  };
}

/** 三（二）3 — only listed when a title applies; otherwise routes 1 and 2 decide through the rules below. */
const leaderDirectRecognition: Rule = {
  id: `${ID}.leader.direct-recognition`,
  citation: cite('三（二）3', DIRECT_INFERRED),
  text: DIRECT_TEXT,
  subject: 'leader',
  programs: STUDIO,
  needs: ['leader.honours'],
  applicability: {
    when: t('领办人持有三（二）3所列称号时', 'When the leader holds a title listed in Guide 3(2)3'),
    test: (facts) => readDirectHonour(facts).honour !== undefined,
  },
  check(facts) {
    const honour = readDirectHonour(facts).honour ?? '';
    return pass(
      `领办人获“${honour}”，可直接认定为经开区技能大师工作室领办人（三（二）3），不再审查一线工作、证书等级或实操经验；仍须在职且距法定退休年龄2年以上（含2年）。称号以获奖证书（五（一）6）核验。`,
      `The leader holds "${honour}" and may be recognised directly (Guide 3(2)3): front-line work, certificate level and practical experience are not examined; the leader must still be employed with at least 2 years to statutory retirement. The award certificate (5(1)6) is verified.`,
    );
  },
};

/**
 * 三（二）1（1）长期在生产服务一线岗位工作 — no number of years, so the experts judge it (as 大兴 第七条（一）1);
 * 2（1）在生产服务一线岗位工作三年以上.
 */
const leaderFrontline: Rule = (() => {
  const longEvidence =
    '“长期”未规定最低年限，由评审专家根据工作经历证明（岗位、劳动合同（五（一）10））判断是否长期在生产服务一线岗位工作（三（二）1（1））。';
  const longEvidenceEn =
    'The guide sets no minimum for "long-term"; the experts judge it from proof of work history (post, labour contract, Guide 5(1)10) (3(2)1(1)).';
  const longReview = review(longEvidence, longEvidenceEn);
  const none = fail(
    '领办人须长期在生产服务一线岗位工作（三（二）1（1）），所填一线工作年限为0。',
    'The leader must have worked long at a production/service front-line post (Guide 3(2)1(1)); front-line years given: 0.',
  );
  return qualificationRule(
    {
      ...leaderRule(
        'leader.frontline',
        '三（二）1（1）、2（1）',
        '从事职业（工种）列入《中华人民共和国职业分类大典》的：长期在生产服务一线岗位工作；未列入的：在生产服务一线岗位工作三年以上。',
      ),
      needs: ['leader.frontlineYears'],
      item: t('一线工作年限', 'front-line work'),
    },
    (listed, facts) => {
      const years = readNumber(facts, 'leader', 'frontlineYears');
      if (listed) {
        if (years === undefined) return longReview;
        if (years <= 0) return none;
        return review(`已填一线工作${years}年。${longEvidence}`, `Front-line years given: ${years}. ${longEvidenceEn}`);
      }
      if (years === undefined) return missing('leader.frontlineYears');
      return years >= UNLISTED_FRONTLINE_YEARS
        ? pass(
            `职业未列入大典，领办人在生产服务一线岗位工作${years}年，满足三年以上。`,
            `Unlisted occupation; ${years} years at the front line, at least the 3 required.`,
          )
        : fail(
            `职业未列入大典的，领办人须在生产服务一线岗位工作三年以上，现为${years}年（三（二）2（1））。`,
            `For an unlisted occupation the leader needs 3 or more years at the front line; given: ${years} (Guide 3(2)2(1)).`,
          );
    },
  );
})();

/**
 * 三（二）1（2）所从事的职业（工种）在《中华人民共和国职业分类大典》内的技能类职业（工种），且具有技师及以上国家职业资格
 * 或技能等级证书 — no 「原则上」 here, unlike 大兴; 2（2）拥有较为丰富的实操经验，熟练掌握所从事岗位的技艺方法 (experts).
 */
const leaderSkill: Rule = (() => {
  const MIN: SkillLevel = 'technician';
  const byLevel = {} as Record<SkillLevel, RuleResult>;
  for (const level of SKILL_LEVELS) {
    const name = SKILL_LEVEL_NAMES[level];
    byLevel[level] = skillLevelAtLeast(level, MIN)
      ? pass(
          `职业列入大典，领办人具有${name.zh}证书，达到技师及以上。`,
          `Listed occupation; the leader holds a ${name.en} certificate, technician or above.`,
        )
      : fail(
          `职业列入大典的，领办人须具有技师及以上国家职业资格或技能等级证书，现为${name.zh}（三（二）1（2））。`,
          `For a listed occupation the leader needs a technician (level 2) or higher certificate, but holds ${name.en} (Guide 3(2)1(2)).`,
        );
  }
  const experience = review(
    '职业未列入大典：领办人应拥有较为丰富的实操经验，熟练掌握所从事岗位的技艺方法，由评审专家根据从业经历、代表性作品或技艺展示、获奖证书（五（一）6）和专利或创新发明（五（一）8）判断（三（二）2（2））。',
    "Unlisted occupation: the leader needs rich practical experience and mastery of the post's methods, judged by the experts from work history, representative work or demonstration, awards (Guide 5(1)6) and patents or inventions (5(1)8) (3(2)2(2)).",
  );
  return qualificationRule(
    {
      ...leaderRule(
        'leader.skill',
        '三（二）1（2）、2（2）',
        '从事职业（工种）列入大典的：所从事的职业（工种）在《中华人民共和国职业分类大典》内的技能类职业（工种），且具有技师及以上国家职业资格或技能等级证书；未列入的：拥有较为丰富的实操经验，熟练掌握所从事岗位的技艺方法。',
      ),
      needs: ['leader.skillLevel'],
      item: t('证书等级或实操经验', 'the certificate level or practical experience'),
    },
    (listed, facts) => {
      if (!listed) return experience;
      const level = readEnum(facts, 'leader', 'skillLevel', SKILL_LEVELS);
      return level === undefined ? missing('leader.skillLevel') : byLevel[level];
    },
  );
})();

const STATUS_TEXT =
  '从事职业（工种）列入大典的：在职在聘，距法定退休年龄2年以上（含2年）；未列入的：在职在岗，距法定退休年龄2年以上（含2年）。';

/** 三（二）1（3）在职在聘 / 2（3）在职在岗 — also for route 3 (DIRECT_INFERRED). */
const leaderEmployed = booleanRule({
  ...leaderRule('leader.employed', '三（二）1（3）、2（3）', STATUS_TEXT),
  fact: 'leader.employed',
  expected: true,
  pass: t('领办人在职在聘（在岗）。', 'The leader is currently employed.'),
  fail: t(
    '领办人须在职在聘（职业未列入大典的须在职在岗）（三（二）1（3）、2（3））。',
    'The leader must be currently employed (Guide 3(2)1(3), 2(3)).',
  ),
});

/** 三（二）1（3）、2（3）距法定退休年龄2年以上（含2年）— also for route 3 (DIRECT_INFERRED). */
const leaderRetirementMargin = retirementMarginRule({
  ...leaderRule('leader.retirement-margin', '三（二）1（3）、2（3）', STATUS_TEXT),
  minYears: RETIREMENT_MARGIN_YEARS,
});

const RULES: Rule[] = [
  unitLawful,
  unitLocatedIn,
  unitTalentPipeline,
  unitTalentSystem,
  unitFundingAndVenue,
  unitStudioRules,
  unitTeam,
  studioFirstRecognition,
  leaderDirectRecognition,
  leaderFrontline,
  leaderSkill,
  leaderEmployed,
  leaderRetirementMargin,
];

// ---------------------------------------------------------------------------------------------------------
// Forms. The guide prints none: the 申报表 is filled online (五（一）1), the 承诺书 and 银行账户信息 are templates
// downloaded from the platform (五（一）3、4). Fields follow the conditions (三) and the materials (五（一）).
// ---------------------------------------------------------------------------------------------------------

const FORM_INFERRED = '办事指南未附表样；字段依据三（申报条件）和五（一）（申报材料）设计。';

function field(key: string, zh: string, en: string, type: FieldSchema['type'], more: Partial<FieldSchema> = {}): FieldSchema {
  return { key, label: t(zh, en), type, ...more };
}
function rowsOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object') : [];
}

const SKILL_LEVEL_OPTIONS = SKILL_LEVELS.map((level) => ({ value: level, label: SKILL_LEVEL_NAMES[level] }));

const APPLICATION: FormSchema = {
  id: 'studio-application',
  title: t('北京经济技术开发区技能大师工作室申报表', 'Development Area skill master studio application form'),
  citation: cite('五（一）1', FORM_INFERRED),
  programs: STUDIO,
  required: true,
  sections: [
    {
      key: 'unit',
      title: t('申报单位', 'Applicant unit'),
      fields: [
        field('unitName', '单位名称', 'Unit name', 'text', { required: true, maxLength: 100 }),
        field('creditCode', '统一社会信用代码', 'Unified social credit code', 'creditCode', { required: true }),
        field('unitType', '单位类型', 'Kind of unit', 'select', {
          required: true,
          options: [
            { value: '企业', label: t('企业', 'Enterprise') },
            { value: '事业单位', label: t('事业单位', 'Public institution') },
            { value: '社会团体', label: t('社会团体', 'Social organisation') },
            { value: '行业组织', label: t('行业组织', 'Industry body') },
          ],
          help: t('在经开区范围内依法实际经营的企事业单位、社会团体及行业组织（三（一）1）。', 'Guide 3(1)1.'),
        }),
        field('unitAddress', '经营地址', 'Operating address', 'text', {
          required: true,
          maxLength: 200,
          help: t('须在经开区范围内（三（一）1）。', 'Must be in the Development Area (Guide 3(1)1).'),
        }),
        field('contactName', '联系人', 'Contact person', 'text', { required: true, maxLength: 50 }),
        field('contactPhone', '联系电话', 'Contact phone', 'phone', { required: true }),
      ],
    },
    {
      key: 'leader',
      title: t('领办人基本情况', 'The leader'),
      fields: [
        field('leaderName', '姓名', 'Name', 'text', { required: true, maxLength: 50 }),
        field('idNumber', '身份证号', 'Resident ID number', 'idNumber', { required: true }),
        field('mobile', '手机号码', 'Mobile phone', 'phone', { required: true }),
        field('occupation', '职业（工种）', 'Occupation (trade)', 'text', { required: true, maxLength: 50 }),
        field('occupationListed', '是否为《中华人民共和国职业分类大典》内的技能类职业（工种）', 'A skill occupation in the National Occupational Classification', 'boolean', {
          required: true,
          help: t(
            '列入的，按三（二）1审查；未列入的，按三（二）2审查。',
            'Listed: conditions of Guide 3(2)1; not listed: 3(2)2.',
          ),
        }),
        field('skillLevel', '国家职业资格或职业技能等级', 'Vocational qualification or skill level', 'select', {
          options: SKILL_LEVEL_OPTIONS,
          help: t(
            '职业列入大典的，须为技师及以上（三（二）1（2））；证书原件彩色扫描上传（五（一）5）。',
            'For a listed occupation, technician or above (Guide 3(2)1(2)); upload a colour scan of the original certificate (5(1)5).',
          ),
        }),
        field('certificateNumber', '证书编号', 'Certificate number', 'text', { maxLength: 50 }),
        field('post', '工作岗位', 'Post', 'text', { required: true, maxLength: 100 }),
        field('frontlineYears', '生产服务一线岗位工作年限', 'Years at a front-line post', 'number', {
          required: true,
          min: 0,
          max: 80,
          help: t('职业未列入大典的，须三年以上（三（二）2（1））。', 'For an unlisted occupation, 3 or more (Guide 3(2)2(1)).'),
        }),
        field('honours', '荣誉称号', 'Honours', 'multiselect', {
          allowOther: true,
          maxLength: 100,
          options: DIRECT_RECOGNITION_OPTIONS,
          help: t(
            '持有三（二）3所列称号的，可直接认定为领办人；世界技能大赛须为代表北京市获奖项目的专家组长、教练组长、主教练。获奖证书原件彩色扫描上传（五（一）6）。',
            'A title listed in Guide 3(2)3 allows direct recognition; for WorldSkills, the expert leader, coach leader or chief coach of a medal-winning project representing Beijing. Upload colour scans of the certificates (5(1)6).',
          ),
        }),
        field('innovations', '国家专利或主要创新发明', 'Patents or main inventions', 'textarea', {
          maxLength: 3000,
          help: t('原件彩色扫描上传（五（一）8）。', 'Upload colour scans of the originals (Guide 5(1)8).'),
        }),
      ],
    },
    {
      key: 'studio',
      title: t('工作室', 'Studio'),
      fields: [
        field('studioName', '工作室名称', 'Studio name', 'text', { required: true, maxLength: 100 }),
        field('direction', '工作室主要工作方向', 'Main direction of work', 'textarea', { required: true, maxLength: 3000 }),
        field('targets', '工作室目标任务', 'Targets and tasks', 'textarea', {
          required: true,
          maxLength: 3000,
          help: t('有明确的工作室管理制度、工作职责、目标任务（三（一）4）。', 'Guide 3(1)4.'),
        }),
        field('support', '单位资金支持及场所、设备等工作条件', "The unit's funding, venue and equipment", 'textarea', {
          required: true,
          maxLength: 3000,
          help: t(
            '能为工作室提供稳定的资金支持以及包括场所、设备在内的必要工作条件（三（一）4）；场所照片加盖公章上传（五（一）9）。',
            'Stable funding and the necessary venue and equipment (Guide 3(1)4); upload stamped photos of the venue (5(1)9).',
          ),
        }),
        field('talentPipeline', '相关职业、岗位技能人才梯队情况', 'Skills pipeline in related occupations and posts', 'textarea', {
          required: true,
          maxLength: 3000,
          help: t('三（一）2。', 'Guide 3(1)2.'),
        }),
        field('team', '工作室团队成员（领办人除外）', 'Team members (besides the leader)', 'table', {
          required: true,
          minRows: 3,
          maxRows: 100,
          help: t(
            '除领办人外，由3名以上正式员工组成，成员可以是技能人才或专业技术人才（三（一）5）；劳动合同原件彩色扫描上传（五（一）10）。',
            'Besides the leader, 3 or more formal employees, skilled workers or professional technicians (Guide 3(1)5); upload their labour contracts (5(1)10).',
          ),
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
      id: 'team-formal-employees',
      citation: cite('三（一）5'),
      description: t(
        '除领办人外，团队有3名以上正式员工，且不重复、不含领办人本人。',
        'Besides the leader, the team has 3 or more formal employees, listed once each.',
      ),
      check(data) {
        const issues: { path: string; message: Text }[] = [];
        const rows = rowsOf(data.team);
        const seen = new Set<string>();
        const leaderId = typeof data.idNumber === 'string' ? data.idNumber.trim().toUpperCase() : undefined;
        let formal = 0; // counted once each, the leader left out
        rows.forEach((row, i) => {
          const id = typeof row.idNumber === 'string' ? row.idNumber.trim().toUpperCase() : undefined;
          if (id !== undefined && id === leaderId) {
            issues.push({
              path: `team[${i}].idNumber`,
              message: t('团队成员不含领办人本人（三（一）5）。', 'The team list excludes the leader (Guide 3(1)5).'),
            });
          } else if (id !== undefined && seen.has(id)) {
            issues.push({ path: `team[${i}].idNumber`, message: t('团队成员重复。', 'This member is listed twice.') });
          } else if (row.formalEmployee === true) {
            formal++;
          }
          if (id !== undefined) seen.add(id);
        });
        if (rows.length > 0 && formal < 3) {
          issues.push({
            path: 'team',
            message: t(
              `除领办人外，团队须有3名以上正式员工，现为${formal}名（三（一）5）。`,
              `Besides the leader, the team needs 3 or more formal employees; it has ${formal} (Guide 3(1)5).`,
            ),
          });
        }
        return issues;
      },
    },
  ],
  // 五（二）其中申报表-申报单位意见处需单位负责人签字并加盖公章 (on the printed, watermarked copy).
  signatureBlock: t('申报单位意见：    单位负责人（签字）：    （公章）    年  月  日', 'Unit opinion — signature of the head of the unit, official seal, date'),
};

const COMMITMENT_INFERRED =
  '办事指南只规定“下载模板填写，签字、加盖公章”，未载模板内容；承诺内容取最接近的区级做法：大兴区申报材料真实性承诺书（2026年通知附件2）。';

const COMMITMENT: FormSchema = {
  id: 'commitment',
  title: t('承诺书', 'Commitment'),
  citation: cite('五（一）3', COMMITMENT_INFERRED),
  programs: STUDIO,
  required: true,
  sections: [
    {
      key: 'commitment',
      title: t('承诺书', 'Commitment'),
      fields: [
        field('unitName', '申报单位', 'Applicant unit', 'text', { required: true, maxLength: 100 }),
        field('creditCode', '统一社会信用代码', 'Unified social credit code', 'creditCode', { required: true }),
        field('legalRepresentative', '法定代表人', 'Legal representative', 'text', { required: true, maxLength: 50 }),
        field('signedOn', '日期', 'Date', 'date', { required: true }),
      ],
    },
  ],
  signatureBlock: t(
    '我单位郑重承诺，在2026年经开区技能大师工作室认定资助申报中，所提交的申报材料及所附资料均真实、合法、有效，如有不实之处，愿承担相应的法律责任，并承担由此产生的一切后果。特此承诺。\n法定代表人（签字）：\n申报单位（公章）：\n年  月  日',
    'We solemnly declare that the materials submitted for the 2026 Development Area skill master studio recognition and funding are true, lawful and valid, and accept legal responsibility and all consequences of any untruth.\nSignature of the legal representative:\nApplicant unit (official seal):\nDate',
  ),
};

const ACCOUNT_NUMBER = /^\d{8,30}$/;

const BANK_ACCOUNT: FormSchema = {
  id: 'bank-account',
  title: t('银行账户信息', 'Bank account details'),
  citation: cite('五（一）4', '办事指南未载模板内容；字段为拨付资金所需的户名、开户银行和账号。'),
  programs: STUDIO,
  required: true,
  sections: [
    {
      key: 'account',
      title: t('银行账户', 'Bank account'),
      fields: [
        field('accountName', '户名', 'Account name', 'text', {
          required: true,
          maxLength: 100,
          help: t('申报单位名称。', "The applicant unit's name."),
        }),
        field('bankName', '开户银行（具体到支行）', 'Bank and branch', 'text', { required: true, maxLength: 100 }),
        field('accountNumber', '银行账号', 'Account number', 'text', { required: true, maxLength: 40 }),
      ],
    },
  ],
  checks: [
    {
      id: 'account-number-digits',
      citation: cite('五（一）4'),
      description: t('银行账号为8至30位数字（可含空格）。', 'The account number is 8 to 30 digits (spaces allowed).'),
      check(data) {
        const v = data.accountNumber;
        if (typeof v !== 'string' || v.trim() === '' || ACCOUNT_NUMBER.test(v.replace(/\s/g, ''))) return [];
        return [
          {
            path: 'accountNumber',
            message: t('银行账号应为8至30位数字，请核对。', 'The account number should be 8 to 30 digits; please check it.'),
          },
        ];
      },
    },
  ],
  signatureBlock: t('申报单位（公章）    年  月  日', 'Applicant unit (official seal)    Date'),
};

const FORMS: FormSchema[] = [APPLICATION, COMMITMENT, BANK_ACCOUNT];

// ---------------------------------------------------------------------------------------------------------
// Materials 五（一）1–10, in the guide's order and words
// ---------------------------------------------------------------------------------------------------------

const SCAN: MaterialItem['formats'] = ['pdf', 'jpg', 'png'];
const OPTIONAL_INFERRED = '办事指南未区分必交与选交；不是每位领办人都有此项材料，按条件提交。';

const MATERIALS: MaterialItem[] = [
  {
    id: 'studio-application-form',
    order: 1,
    title: t('北京经济技术开发区技能大师工作室申报表', 'Development Area skill master studio application form'),
    citation: cite('五（一）1'),
    programs: STUDIO,
    required: true,
    supply: 'online-form',
    formId: APPLICATION.id,
    formats: ['pdf'],
    notes: t(
      '在线填写。打印纸质材料时，申报单位意见处需单位负责人签字并加盖公章（五（二））。',
      'Filled online. On the printed dossier the head of the unit signs and stamps the unit-opinion box (Guide 5(2)).',
    ),
  },
  {
    id: 'business-licence',
    order: 2,
    title: t('企业营业执照', 'Business licence'),
    citation: cite('五（一）2'),
    programs: STUDIO,
    required: true,
    supply: 'e-licence',
    formats: [],
    notes: t('选取电子证照。', 'Choose the electronic licence.'),
  },
  {
    id: 'commitment',
    order: 3,
    title: t('承诺书', 'Commitment'),
    citation: cite('五（一）3'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formId: COMMITMENT.id,
    formats: SCAN,
    template: t('承诺书模板（平台下载）', 'Commitment template (download from the platform)'),
    signed: true,
    stamped: true,
    colourScan: true,
    notes: t('下载模板填写，签字、加盖公章，彩色扫描上传。', 'Download the template, fill it in, sign and stamp it, upload a colour scan.'),
  },
  {
    id: 'bank-account',
    order: 4,
    title: t('银行账户信息', 'Bank account details'),
    citation: cite('五（一）4'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formId: BANK_ACCOUNT.id,
    formats: SCAN,
    template: t('银行账户信息模板（平台下载）', 'Bank account template (download from the platform)'),
    stamped: true,
    colourScan: true,
    notes: t(
      '下载模板填写，加盖公章，彩色扫描上传。纸质材料中银行账户信息无需装订，加盖公章后一并递交（五（二））。',
      'Download the template, fill it in, stamp it, upload a colour scan. In the paper dossier it is not bound but handed in stamped with it (Guide 5(2)).',
    ),
  },
  {
    id: 'skill-certificate',
    order: 5,
    title: t('国家职业资格/职业技能等级认定证书', 'Vocational qualification / skill level certificate'),
    citation: cite('五（一）5', OPTIONAL_INFERRED),
    programs: STUDIO,
    required: false,
    condition: t(
      '领办人职业列入大典（三（二）1（2）：技师及以上）的必须提交；其他情形有则提交。',
      'Required when the leader\'s occupation is listed (Guide 3(2)1(2): technician or above); otherwise if held.',
    ),
    supply: 'upload',
    formats: SCAN,
    original: true,
    colourScan: true,
    notes: t('原件彩色扫描上传。', 'Upload a colour scan of the original.'),
  },
  {
    id: 'award-certificates',
    order: 6,
    title: t('获奖证书', 'Award certificates'),
    citation: cite('五（一）6', OPTIONAL_INFERRED),
    programs: STUDIO,
    required: false,
    condition: t(
      '按三（二）3直接认定领办人的必须提交相应称号证书；其他获奖有则提交。',
      'Required for direct recognition under Guide 3(2)3 (the title\'s certificate); other awards if any.',
    ),
    supply: 'upload',
    formats: SCAN,
    original: true,
    colourScan: true,
    notes: t('原件彩色扫描上传。', 'Upload colour scans of the originals.'),
  },
  {
    id: 'studio-rules',
    order: 7,
    title: t('工作室管理制度及工作职责文件', 'Studio rules and duties'),
    citation: cite('五（一）7'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formats: SCAN,
    stamped: true,
    colourScan: true,
    notes: t(
      '工作室管理制度包括领办人岗位职责、经费管理使用制度、档案管理制度、工作规章制度等；加盖公章，彩色扫描上传。',
      "Studio rules include the leader's duties, rules for managing and using funds, records management and working rules; stamped, colour scan.",
    ),
  },
  {
    id: 'patents-inventions',
    order: 8,
    title: t('国家专利或主要创新发明', 'National patents or main inventions'),
    citation: cite('五（一）8', OPTIONAL_INFERRED),
    programs: STUDIO,
    required: false,
    condition: t('有则提交。', 'If any.'),
    supply: 'upload',
    formats: SCAN,
    original: true,
    colourScan: true,
    notes: t('原件彩色扫描上传。', 'Upload colour scans of the originals.'),
  },
  {
    id: 'venue-photos',
    order: 9,
    title: t('场所照片', 'Photos of the venue'),
    citation: cite('五（一）9'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formats: SCAN,
    stamped: true,
    colourScan: true,
    notes: t('加盖公章，彩色扫描上传。', 'Stamped, colour scan.'),
  },
  {
    id: 'labour-contracts',
    order: 10,
    title: t('领办人及工作室成员劳动合同', 'Labour contracts of the leader and team members'),
    citation: cite('五（一）10'),
    programs: STUDIO,
    required: true,
    supply: 'upload',
    formats: SCAN,
    original: true,
    colourScan: true,
    notes: t('原件彩色扫描上传。', 'Upload colour scans of the originals.'),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Stages 六（一）–（八）
// ---------------------------------------------------------------------------------------------------------

const STAGES: StageDef[] = [
  {
    id: 'submit',
    title: t('网上申报', 'Online application'),
    citation: cite('六（一）'),
    actor: 'applicant',
    description: t(
      '通过北京市人民政府门户网站或经开区官网“政策兑现”栏目进入政策兑现综合服务平台，注册登录后进行项目申报；未在规定时间内提交申请的，视为自动放弃。',
      'Apply on the policy fulfilment platform (via the Beijing or Development Area portal); not submitting in time counts as withdrawing.',
    ),
  },
  {
    id: 'completeness-check',
    title: t('初审', 'Completeness check'),
    citation: cite('六（二）'),
    actor: 'intake',
    description: t(
      '经开区营商环境建设局对申报材料进行完整性审查，材料不齐全或不符合要求的，告知申报主体补齐补正。',
      'The Business Environment Bureau checks completeness and asks the applicant to complete or correct what is missing.',
    ),
  },
  {
    id: 'substantive-review',
    title: t('审核', 'Substantive review'),
    citation: cite('六（三）'),
    actor: 'program',
    description: t(
      '经开区人力资源和社会保障服务中心对申报材料进行实质审核。',
      'The Human Resources and Social Security Service Centre reviews the substance of the application.',
    ),
  },
  {
    id: 'paper-intake',
    title: t('线下受理', 'Paper dossier at the window'),
    citation: cite('六（四）、五（二）'),
    actor: 'intake',
    description: t(
      '申报主体从平台下载带水印的全套申报材料打印，一式一份有序胶装（整本首页、骑缝盖章；申报表申报单位意见处单位负责人签字并加盖公章；银行账户信息不装订、加盖公章），递交政务服务大厅“政策申报”窗口；与网上提交材料一致的予以收件，不符合的当场告知补正要求。',
      'The applicant prints the watermarked full dossier from the platform, one bound copy (stamped on the first page and across the binding; the unit-opinion box signed by the head and stamped; the bank details unbound and stamped), and hands it in at the Government Service Hall "policy application" window; it is received if it matches the online filing, otherwise corrections are requested on the spot.',
    ),
    limit: {
      days: PAPER_DOSSIER_WORKING_DAYS,
      unit: 'working-days',
      description: t(
        '收到打印纸质材料短信通知后，在3个工作日内递交至受理窗口（五（二））。',
        'Within 3 working days of the SMS asking for the paper dossier (Guide 5(2)).',
      ),
    },
  },
  {
    id: 'expert-review',
    title: t('专家评审', 'Expert review'),
    citation: cite('六（五）'),
    actor: 'expert',
    description: t(
      '人社服务中心组织专家线下对申报材料进行评审，评审后将结果上传到系统。',
      'The Service Centre has experts review the applications offline and uploads the results.',
    ),
  },
  {
    id: 'decision',
    title: t('确定扶持结果', 'Support decided'),
    citation: cite('六（六）'),
    actor: 'program',
    description: t(
      '人社服务中心对审核通过的申报主体拟定兑现扶持奖励金额。',
      'The Service Centre proposes the amounts for the applicants that passed.',
    ),
  },
  {
    id: 'notice',
    title: t('公示', 'Public notice'),
    citation: cite('六（七）', NOTICE_INFERRED),
    actor: 'public',
    description: t(
      '人社服务中心通过政策兑现综合服务平台对审核通过的申报主体进行公示。',
      'The Service Centre publishes the applicants that passed on the policy fulfilment platform.',
    ),
    limit: {
      days: 5,
      unit: 'working-days',
      description: t(
        '公示期5个工作日（办事指南未规定，参照大兴区第十一条）。',
        'A 5-working-day notice (the guide sets none; as Daxing Art. 11).',
      ),
    },
  },
  {
    id: 'disbursement',
    title: t('资金拨付', 'Disbursement'),
    citation: cite('六（八）'),
    actor: 'finance',
    description: t('经公示无异议的，完成资金拨付。', 'Without objection, the funds are paid.'),
  },
];

// ---------------------------------------------------------------------------------------------------------
// The 2026 call (九、十)
// ---------------------------------------------------------------------------------------------------------

const WINDOW_ADDRESS = '北京经济技术开发区万源街4号政务服务大厅“政策申报”窗口';
const OFFICE_HOURS = '工作日上午9:00—12:00，下午1:30—5:00';

const CALLS: CallTemplate[] = [
  {
    id: `${ID}.studio-2026`,
    program: 'studio-recognition',
    title: t('2026年经开区技能大师工作室认定资助', '2026 Development Area skill master studio recognition and funding'),
    year: 2026,
    // 九 2026年1月12日至2026年2月11日 — dates only. Filing is online (六（一）) on a platform open at all hours; the
    // window hours of 十 are for calls and the paper dossier. So both days count whole: 00:00 to 23:59 (inferred).
    opensAt: '2026-01-12T00:00',
    closesAt: '2026-02-11T23:59',
    citation: cite(
      '九、十',
      '办事指南只给出申报日期，未给出时刻；网上申报（六（一））不受窗口办公时间限制，故起止日均按全天计（00:00—23:59）。',
    ),
    contacts: [
      { name: '经开区政务服务大厅“政策申报”窗口', phone: '010-67857687', address: WINDOW_ADDRESS, hours: OFFICE_HOURS },
      { name: '经开区政务服务大厅“政策申报”窗口', phone: '010-67857878转4', address: WINDOW_ADDRESS, hours: OFFICE_HOURS },
      { name: '经开区人力资源和社会保障服务中心', phone: '010-86355977', hours: OFFICE_HOURS },
      { name: '技术支持', phone: '010-83509638', hours: '工作日上午9:00—12:00，下午2:00—6:00' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Program and edition
// ---------------------------------------------------------------------------------------------------------

const RUBRIC_INFERRED = '办事指南未规定评审标准；评分项按三（申报条件）和五（一）（申报材料）设，取等权重，人社服务中心可另定。';

const RUBRIC: NonNullable<ProgramDef['rubric']> = [
  ['leader-skill', '领办人一线经历、技能等级或实操经验', "Leader's front-line work, skill level or practical experience", '三（二）1—2'],
  ['leader-honours', '领办人荣誉称号与获奖', "Leader's titles and awards", '三（二）3、五（一）6'],
  ['innovation', '国家专利或主要创新发明', 'Patents and inventions', '五（一）8'],
  ['talent-system', '技能人才梯队与培养、评价、选拔、使用和激励制度', 'Skills pipeline and talent system', '三（一）2—3'],
  ['conditions', '资金支持、场所设备与工作室管理制度', 'Funding, venue, equipment and studio rules', '三（一）4、五（一）7、9'],
  ['team', '技术技能人才团队', 'Team', '三（一）5、五（一）10'],
].map(([id, zh, en, article]) => ({ id, title: t(zh, en), weight: 1 / 6, max: 100, citation: cite(article, RUBRIC_INFERRED) }));


const REVIEW_INFERRED = '办事指南六（五）只规定“组织专家线下对申报材料进行评审”，未规定专家人数、回避年限和计分方法；平台取常见做法：每件至少3名专家，近3年内任职单位回避，去掉最高分和最低分后取平均（不少于5名专家时），人社服务中心可另定。';

/** Expert review procedure (the text sets none of these numbers; see REVIEW_INFERRED). */
const REVIEW: ReviewRules = {
  expertsPerApplication: 3,
  panelSize: 7,
  formerEmployerAvoidanceYears: 3,
  aggregation: 'trimmed-mean',
  extremeScore: { below: 0.6, atLeast: 0.95 },
  outlierPoints: 15,
  citation: cite('六（五）', REVIEW_INFERRED),
};

const STUDIO_RECOGNITION: ProgramDef = {
  id: 'studio-recognition',
  title: t('经开区技能大师工作室认定资助', 'Development Area skill master studio recognition and funding'),
  citation: cite('二'),
  cadence: {
    everyYears: 1,
    citation: cite('二、九', '办事指南按年度发布（“2026年…认定资助”），未规定评选周期；按每年一次计。'),
    description: t('按年度发布办事指南组织申报', 'A yearly guide opens each round'),
  },
  quota: QUOTA,
  funding: [
    {
      kind: 'fixed',
      amount: FIRST_RECOGNITION_GRANT,
      when: t(
        '经评审首次认定为经开区技能大师工作室的，按照每个工作室20万元的标准给予一次性资助。',
        'A one-time 200,000 CNY for each studio recognised for the first time after review.',
      ),
    },
    {
      kind: 'award',
      title: 'national',
      amount: NATIONAL_AWARD,
      when: t(
        '取得国家技能大师工作室称号的，按照20万元的标准给予一次性奖励。',
        'A one-time 200,000 CNY award for a national skill master studio title.',
      ),
    },
    {
      kind: 'award',
      title: 'municipal',
      amount: MUNICIPAL_AWARD,
      when: t(
        '取得北京市技能大师工作室称号的，按照10万元的标准给予一次性奖励。',
        'A one-time 100,000 CNY award for a Beijing municipal skill master studio title.',
      ),
    },
  ],
  noticeWorkingDays: NOTICE_DAYS,
  stages: STAGES,
  rules: RULES,
  materials: MATERIALS,
  forms: FORMS,
  rubric: RUBRIC,
  review: REVIEW,
};

export const etdz2024: Edition = {
  id: ID,
  jurisdiction: 'etdz',
  jurisdictionName: t('北京经济技术开发区（经开区）', 'Beijing Economic-Technological Development Area'),
  title: t(
    '北京经济技术开发区技能大师工作室建设管理办法（试行）',
    'Beijing Economic-Technological Development Area Measures for Building and Managing Skill Master Studios (Trial)',
  ),
  documentNumber: DOC,
  validFrom: VALID_FROM,
  validityCitation: cite('一、政策依据', VALID_FROM_INFERRED),
  status: 'in-force',
  basedOn: ['京人社能发〔2023〕3号'],
  sourceFile: 'policy-texts/002_66747d7481a57192.txt',
  authorities: {
    intake: t('经开区营商环境建设局', 'Development Area Business Environment Bureau'),
    program: t('经开区人力资源和社会保障服务中心', 'Development Area Human Resources and Social Security Service Centre'),
    window: t('经开区政务服务大厅“政策申报”窗口', 'Development Area Government Service Hall, "policy application" window'),
  },
  programs: [STUDIO_RECOGNITION],
  // The guide states no obligations, revocation triggers or change rules (大兴's are not carried over).
  obligations: [],
  revocationTriggers: [],
  changeRules: [],
  calls: CALLS,
};
