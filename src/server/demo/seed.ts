import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '../../shared/accounts';
import type { AppConfig } from '../config';
import type { Db } from '../db/client';
import { jurisdictions, units, userRoles, users } from '../db/schema';
import path from 'node:path';
import { hashPassword } from '../modules/accounts/accounts.service';
import { localStorage, type Storage } from '../storage/storage';
import { SYSTEM_ACTOR, recordAudit } from '../modules/audit/audit.service';
import { loadIntakeDemo } from './intake-demo';
import { loadUnitDemo } from './unit-demo';
import { loadReviewDemo } from './review-demo';
import { loadRegistryDemo } from './registry-demo';
import { loadFundingDemo } from './funding-demo';
import { loadProjectsDemo } from './projects-demo';
import { loadFundUseDemo } from './fund-use-demo';
import { loadReportsDemo } from './reports-demo';
import { loadChangesDemo } from './changes-demo';
import { loadRevocationDemo } from './revocation-demo';

/** Demo password of the demo accounts (DESIGN.md contract). Exists only in demo data. */
export const DEMO_PASSWORD = 'demo12345';

export const DEMO_JURISDICTIONS = [
  { id: 'daxing', nameZh: '大兴区', nameEn: 'Daxing District' },
  { id: 'etdz', nameZh: '北京经济技术开发区', nameEn: 'Beijing Economic-Technological Development Area' },
  { id: 'shunyi', nameZh: '顺义区', nameEn: 'Shunyi District' },
];

// 统一社会信用代码 with valid GB 32100 check characters (fictional units).
export const DEMO_UNITS = [
  { key: 'unit-a', name: '北京兴业精密机械有限公司', creditCode: '91110115MA01ABCD1J', jurisdictionId: 'daxing', address: '北京市大兴区金苑路 26 号' },
  { key: 'unit-b', name: '北京亦庄智造科技有限公司', creditCode: '91110302MA02XYW7QW', jurisdictionId: 'etdz', address: '北京经济技术开发区科创十三街 18 号' },
  { key: 'unit-c', name: '北京顺航装备维修有限公司', creditCode: '91110113MA03TYHK2M', jurisdictionId: 'shunyi', address: '北京市顺义区空港工业区天柱路 9 号' },
];

type DemoAccount = { username: string; displayName: string; unit?: string; roles: [Role, string][] };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '平台管理员', roles: [['admin', '*']] },
  // 大兴: 区人社局 both checks completeness (初审) and runs the program (2026 notice 三（二）–（六）).
  { username: 'daxing-officer', displayName: '周云汉（大兴区人社局）', roles: [['program', 'daxing'], ['intake', 'daxing']] },
  // 经开区: 营商环境建设局 does 初审 and the 政务服务大厅 window receives paper; 人社服务中心 runs the rest (办事指南 六).
  { username: 'etdz-officer', displayName: '李明（经开区人社服务中心）', roles: [['program', 'etdz'], ['intake', 'etdz']] },
  { username: 'shunyi-officer', displayName: '王芳（顺义区人社局）', roles: [['program', 'shunyi'], ['intake', 'shunyi']] },
  { username: 'expert1', displayName: '陈建国（数控加工）', roles: [['expert', 'daxing'], ['expert', 'etdz']] },
  { username: 'expert2', displayName: '刘淑华（焊接工艺）', roles: [['expert', 'daxing'], ['expert', 'shunyi']] },
  { username: 'expert3', displayName: '赵立新（电工电子）', roles: [['expert', 'daxing'], ['expert', 'etdz']] },
  { username: 'expert4', displayName: '孙蕾（非遗技艺）', roles: [['expert', 'etdz'], ['expert', 'shunyi']] },
  { username: 'expert5', displayName: '马卫东（汽车维修）', roles: [['expert', 'shunyi'], ['expert', 'daxing']] },
  { username: 'daxing-inspector', displayName: '高洁（大兴区纪检监察）', roles: [['inspector', 'daxing']] },
  { username: 'daxing-finance', displayName: '吴涛（大兴区财政局）', roles: [['finance', 'daxing']] },
  { username: 'unit-a', displayName: '张伟（北京兴业精密机械有限公司）', unit: 'unit-a', roles: [['applicant', 'daxing']] },
  { username: 'unit-b', displayName: '李娜（北京亦庄智造科技有限公司）', unit: 'unit-b', roles: [['applicant', 'etdz']] },
  { username: 'unit-c', displayName: '赵刚（北京顺航装备维修有限公司）', unit: 'unit-c', roles: [['applicant', 'shunyi']] },
];

/** Loads demo data when configured: 'auto' into an empty database only, 'on' whenever it is absent. */
export async function loadDemoDataIfWanted(db: Db, config: AppConfig, log: FastifyBaseLogger) {
  if (config.demoData === 'off') return;
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (Number(n) > 0) return;
  await loadDemoData(db, config.now?.() ?? new Date(), localStorage(path.join(config.dataDir, 'files')));
  log.info('demo data loaded (accounts: admin, daxing-officer, … password demo12345)');
}

/** Loads the demo data; demo uploads go to `storage` (the app's file store: DATA_DIR/files). */
export async function loadDemoData(db: Db, now: Date, storage: Storage) {
  const hashed = await hashPassword(DEMO_PASSWORD);
  const unitIds = new Map(DEMO_UNITS.map((u) => [u.key, randomUUID()]));
  await db.transaction(async (tx) => {
    await tx.insert(jurisdictions).values(DEMO_JURISDICTIONS).onConflictDoNothing();
    await tx.insert(units).values(DEMO_UNITS.map(({ key, ...u }) => ({ id: unitIds.get(key)!, ...u })));
    for (const account of DEMO_ACCOUNTS) {
      const id = randomUUID();
      await tx.insert(users).values({
        id,
        username: account.username,
        displayName: account.displayName,
        passwordHash: hashed,
        unitId: account.unit ? unitIds.get(account.unit)! : null,
      });
      await tx.insert(userRoles).values(account.roles.map(([role, jurisdictionId]) => ({ userId: id, role, jurisdictionId })));
    }
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      { action: 'demo.loaded', entityType: 'platform', after: { jurisdictions: DEMO_JURISDICTIONS.length, units: DEMO_UNITS.length, accounts: DEMO_ACCOUNTS.length } },
      now,
    );
  });
  // Each stage gets something to show today (DESIGN.md contract: demo data dated relative to the load day).
  await loadUnitDemo(db, now);
  await loadIntakeDemo(db, now, storage);
  await loadRegistryDemo(db, now);
  await loadFundingDemo(db, now);
  await loadReviewDemo(db, now, storage);
  // The studio lifecycle (issue 7): projects under way and closed, fund use, annual reports, changes, revocation.
  await loadProjectsDemo(db, now);
  await loadFundUseDemo(db, now);
  await loadReportsDemo(db, now);
  await loadChangesDemo(db, now);
  await loadRevocationDemo(db, now);
}
