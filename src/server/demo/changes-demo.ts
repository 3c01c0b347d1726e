import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { getEdition } from '../../policy/editions';
import { fromShanghaiLocal, shanghaiDate } from '../../shared/time';
import type { Db } from '../db/client';
import { changeRequests, studios, users } from '../db/schema';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { appendStudioHistory } from '../modules/studios/history';

const DAY = 86_400_000;

/**
 * Demo data of the studio lifecycle: changes (issue 7), dated relative to `now`. Runs after the registry, funding and
 * review demos, before the revocation demo.
 * - 大兴 赵德明数控铣工 (unit-a): a pending request — the unit renamed after a merger (京兴人社发〔2025〕21号 第十七条);
 * - 顺义 韩卫国电工: an approved and filed leader change (顺义 第十四条), 赵国庆 → 韩卫国, with its history;
 * - 大兴 刘建平汽车维修工: a situation report (情况说明, 第十七条) approved 200 days ago: the leader retired. Its history
 *   entry `leader-stopped` is what the revocation check reads for 第十八条（二） when no new leader follows.
 */
export async function loadChangesDemo(db: Db, now: Date): Promise<void> {
  const [any] = await db.select({ id: changeRequests.id }).from(changeRequests).limit(1);
  if (any) return;
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const dateAgo = (n: number) => shanghaiDate(daysAgo(n));
  const all = await db.select().from(studios).where(eq(studios.status, 'active'));
  const find = (leader: string, jurisdiction: string) => all.find((s) => s.leaderName === leader && s.jurisdictionId === jurisdiction);
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['unit-a', 'daxing-officer', 'shunyi-officer']));
  const userId = (u: string) => people.find((p) => p.username === u)?.id ?? null;
  const ruleOf = (editionId: string, kind: string) => {
    const r = getEdition(editionId)?.changeRules.find((x) => x.kind === kind);
    return r ? { ruleId: r.id, citation: `${r.citation.document} ${r.citation.article}` } : null;
  };

  await db.transaction(async (tx) => {
    let made = 0;
    // 1. Pending: unit-a's studio, the unit renamed after a merger.
    const zhao = find('赵德明', 'daxing');
    const renamed = zhao && ruleOf(zhao.editionId, 'unit-renamed');
    if (zhao && renamed) {
      const id = randomUUID();
      await tx.insert(changeRequests).values({
        id,
        studioId: zhao.id,
        jurisdictionId: zhao.jurisdictionId,
        editionId: zhao.editionId,
        ...renamed,
        kind: 'unit-renamed',
        before: { unitName: zhao.unitName },
        requested: { unitName: '北京兴业精密智造科技有限公司' },
        reason: `因与北京兴业航空零部件有限公司合并重组，${zhao.unitName}自 ${dateAgo(12)} 起更名为北京兴业精密智造科技有限公司，统一社会信用代码不变，工作室人员、场地和设备均不变。特申请变更工作室所在单位名称。`,
        effectiveOn: dateAgo(12),
        fileIds: [],
        status: 'submitted',
        submittedBy: userId('unit-a'),
        submittedAt: fromShanghaiLocal(`${dateAgo(4)}T10:15`),
      });
      made++;
    }

    // 2. 顺义: an approved and filed leader change, the studio already under its new leader.
    const han = find('韩卫国', 'shunyi');
    const replaced = han && ruleOf(han.editionId, 'leader-replaced');
    if (han && replaced) {
      const id = randomUUID();
      const oldName = han.name.replace(han.leaderName, '赵国庆');
      const decidedAt = fromShanghaiLocal(`${dateAgo(120)}T15:30`);
      await tx.insert(changeRequests).values({
        id,
        studioId: han.id,
        jurisdictionId: han.jurisdictionId,
        editionId: han.editionId,
        ...replaced,
        kind: 'leader-replaced',
        before: { leaderName: '赵国庆', leaderPersonId: null, name: oldName },
        requested: { leaderName: han.leaderName, leaderPersonId: han.leaderPersonId },
        reason: '原领办人赵国庆已于本年退休，不再在本单位工作。工作室成员韩卫国为高级技师，长期承担工作室技术攻关和带徒工作，拟由其接任领办人，已按第五条提交申报表及相关材料。',
        effectiveOn: dateAgo(140),
        fileIds: [],
        status: 'approved',
        decisionReason: '经审核，新领办人符合第四条规定的条件，同意变更并备案。',
        decidedBy: userId('shunyi-officer'),
        decidedAt,
        submittedAt: fromShanghaiLocal(`${dateAgo(135)}T09:40`),
        version: 2,
      });
      await appendStudioHistory(
        tx,
        {
          studioId: han.id,
          kind: 'leader',
          happenedOn: dateAgo(140),
          before: { leaderName: '赵国庆', leaderPersonId: null, name: oldName },
          after: { leaderName: han.leaderName, leaderPersonId: han.leaderPersonId, name: han.name },
          citation: replaced.citation,
          note: `领办人由赵国庆变更为${han.leaderName}（审核同意并备案）`,
          changeRequestId: id,
          actorId: userId('shunyi-officer'),
        },
        decidedAt,
      );
      made++;
    }

    // 3. 大兴: the leader retired; the situation report was approved 200 days ago, no new leader since.
    const liu = find('刘建平', 'daxing');
    const unable = liu && ruleOf(liu.editionId, 'leader-unable');
    if (liu && unable) {
      const id = randomUUID();
      const stoppedOn = dateAgo(205);
      const decidedAt = fromShanghaiLocal(`${dateAgo(200)}T14:00`);
      await tx.insert(changeRequests).values({
        id,
        studioId: liu.id,
        jurisdictionId: liu.jurisdictionId,
        editionId: liu.editionId,
        ...unable,
        kind: 'leader-unable',
        before: { leaderName: liu.leaderName, leaderPersonId: liu.leaderPersonId },
        requested: { situation: 'retired' },
        reason: `领办人${liu.leaderName}已于 ${stoppedOn} 办理退休手续，不再返聘，暂不能继续开展工作室工作。单位正在物色符合条件的接任人选，特此说明。`,
        effectiveOn: stoppedOn,
        fileIds: [],
        status: 'approved',
        decisionReason: '情况说明已收悉备案。请单位尽快确定新的领办人并按规定重新申报。',
        decidedBy: userId('daxing-officer'),
        decidedAt,
        submittedAt: fromShanghaiLocal(`${dateAgo(203)}T11:00`),
        version: 2,
      });
      await appendStudioHistory(
        tx,
        {
          studioId: liu.id,
          kind: 'leader-stopped',
          happenedOn: stoppedOn,
          before: { leaderName: liu.leaderName },
          after: { situation: 'retired', stoppedOn },
          citation: unable.citation,
          note: `领办人${liu.leaderName}因退休不能继续开展工作（情况说明已报送）`,
          changeRequestId: id,
          actorId: userId('daxing-officer'),
        },
        decidedAt,
      );
      made++;
    }
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'change_request', after: { changeRequests: made } }, now);
  });
}
