import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEdition } from '../../../policy/editions';
import { articleAnchor, articleHref, clausesMatching, money, plainMessage, toParagraphs } from './format';

const text = (id: string) => fs.readFileSync(path.resolve(getEdition(id)!.sourceFile), 'utf8');

describe('policy page anchors: an article citation finds its place in the verbatim text', () => {
  it.each([
    ['第七条（一）2', '第七条'],
    ['第十八条（七）', '第十八条'],
    ['三（二）1（3）、2（3）', '三'],
    ['四（一）', '四'],
    ['2026年通知二、（二）申报要求2', '通知二'],
  ])('%s → #%s', (article, anchor) => {
    expect(articleAnchor(article)).toBe(anchor);
  });

  it('a citation of the 2026 大兴 notice points into the notice’s own anchors', () => {
    expect(articleHref('daxing-2025', '三、（一）网上申报', '大兴区人力资源和社会保障局《关于开展2026年大兴区技能大师工作室建设项目评选工作的通知》（2026年6月8日）')).toBe(
      '/policies/daxing-2025#通知三',
    );
  });

  it('京兴人社发〔2025〕21号: every article 第一条…第二十一条 gets an anchor, and 第七条 keeps its whole first sentence', () => {
    const paragraphs = toParagraphs(text('daxing-2025'));
    const anchors = paragraphs.filter((p) => p.anchor).map((p) => p.anchor);
    for (const a of ['第一条', '第七条', '第八条', '第十条', '第十八条', '第二十一条']) expect(anchors).toContain(a);
    const seventh = paragraphs.find((p) => p.anchor === '第七条')!;
    expect(seventh.text).toContain('凡在大兴区注册或经营的企事业单位，依托技艺精湛、贡献突出的优秀技能人才建立技能大师工作室');
    expect(paragraphs.find((p) => p.text.startsWith('1.长期坚守'))?.text).toBe('1.长期坚守在生产服务一线，在职在聘。');
  });

  it('the 经开区 guide: its sections 一、…十、 are anchors (三 = 申报条件)', () => {
    const paragraphs = toParagraphs(text('etdz-2024'));
    expect(paragraphs.find((p) => p.anchor === '三')?.text).toBe('三、申报条件');
  });
});

describe('comparison cells show the clause of the rule text that matters', () => {
  it('顺义 第四条（一）: the retirement clause, and the 高级工 relaxation kept whole inside its brackets', () => {
    const rule = getEdition('shunyi-draft')!.programs[0].rules.find((r) => r.id === 'shunyi-draft.leader.retirement-margin')!;
    expect(clausesMatching(rule.text, /退休/)).toBe('距法定退休年龄2年以上（含2年）。');
    expect(clausesMatching(rule.text, /技师|高级工/)).toBe(
      '原则上应取得技师及以上国家职业资格证书或职业技能等级证书（对高精尖产业、新兴产业领域的技能人才，可适度放宽到高级工）。',
    );
  });

  it('no pattern, or no match: the whole text', () => {
    expect(clausesMatching('同一技能大师只能领办一个工作室。', undefined)).toBe('同一技能大师只能领办一个工作室。');
    expect(clausesMatching('同一技能大师只能领办一个工作室。', /退休/)).toBe('同一技能大师只能领办一个工作室。');
  });

  it('money: 200000 → 20万元 / CNY 200,000', () => {
    expect(money(200_000, 'zh-CN')).toBe('20万元');
    expect(money(50_000, 'zh-CN')).toBe('5万元');
    expect(money(200_000, 'en-US')).toBe('CNY 200,000');
    expect(money(null, 'zh-CN')).toBe('—');
  });
});

describe('plainMessage', () => {
  it('drops the fact paths the engine adds for API users, keeps the words', () => {
    expect(plainMessage('缺少信息：技能大师是否在职在聘（leader.employed）、工作室团队正式员工人数（unit.teamFormalEmployees）。请补充后再判断。')).toBe(
      '缺少信息：技能大师是否在职在聘、工作室团队正式员工人数。请补充后再判断。',
    );
    expect(plainMessage('Missing or invalid fact: employed (leader.employed). Supply it to decide.')).toBe('Missing or invalid fact: employed. Supply it to decide.');
    expect(plainMessage('符合第七条（一）1')).toBe('符合第七条（一）1');
  });
});
