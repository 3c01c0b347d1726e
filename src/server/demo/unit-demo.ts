import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { parseResidentIdNumber, residentIdCheckChar } from '../../policy/rules/id-numbers';
import type { SkillLevel } from '../../policy/types';
import type { Db } from '../db/client';
import { persons, unitProfiles, units, users } from '../db/schema';
import { SYSTEM_ACTOR, recordAudit } from '../modules/audit/audit.service';
import { DEMO_UNITS } from './seed';

/** A fictional 身份证号: region code + birth date + sequence, with its GB 11643 check character. */
function fictionalId(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

interface DemoPerson {
  name: string;
  id: [string, string, string];
  category?: 'worker' | 'cadre';
  occupation: string;
  skillLevel: SkillLevel;
  frontlineYears: number;
  position: string;
  phone?: string;
  leader?: boolean;
  honours?: string[];
  certificates?: { title: string; number?: string; level?: SkillLevel; issuedOn?: string }[];
}

interface DemoUnit {
  key: string;
  legalRepresentative: string;
  contact: { name: string; phone: string; email?: string };
  locatedIn: string;
  industry: 'high-tech' | 'emerging' | 'other';
  bank: { name: string; account: string; permit: string };
  branches: { name: string; address: string }[];
  people: DemoPerson[];
}

// Fictional people; the sequence digit before the check character is odd for men, even for women (GB 11643).
const DEMO: DemoUnit[] = [
  {
    key: 'unit-a',
    legalRepresentative: '张建华',
    contact: { name: '张伟', phone: '13810012345', email: 'zhangwei@xingye-jx.example.cn' },
    locatedIn: 'daxing',
    industry: 'high-tech',
    bank: { name: '中国工商银行北京大兴支行', account: '0200049109200123456', permit: 'J1000104528301' },
    branches: [{ name: '北京兴业精密机械有限公司黄村分厂', address: '北京市大兴区黄村镇工业大街 8 号' }],
    people: [
      {
        name: '刘志强',
        id: ['110115', '1976-04-18', '031'],
        occupation: '数控车工',
        skillLevel: 'senior-technician',
        frontlineYears: 27,
        position: '数控车间主任',
        phone: '13901012266',
        leader: true,
        honours: ['全国技术能手', '北京市技术能手', '大兴区首席技师'],
        certificates: [{ title: '职业技能等级证书（数控车工 一级/高级技师）', number: 'S000011000123456', level: 'senior-technician', issuedOn: '2019-11-20' }],
      },
      { name: '陈晓东', id: ['110115', '1985-09-02', '053'], occupation: '数控车工', skillLevel: 'technician', frontlineYears: 15, position: '数控车工班组长', honours: ['大兴区技术能手'] },
      { name: '王丽娟', id: ['110115', '1990-12-11', '024'], occupation: '数控铣工', skillLevel: 'senior', frontlineYears: 11, position: '数控铣工' },
      { name: '孙浩然', id: ['110115', '1994-06-27', '017'], occupation: '机修钳工', skillLevel: 'senior', frontlineYears: 8, position: '设备维修钳工' },
      { name: '李振宇', id: ['110115', '1996-03-05', '039'], occupation: '工业机器人系统操作员', skillLevel: 'intermediate', frontlineYears: 5, position: '机器人操作员' },
    ],
  },
  {
    key: 'unit-b',
    legalRepresentative: '李建国',
    contact: { name: '李娜', phone: '13520086688', email: 'lina@yizhuang-zz.example.cn' },
    locatedIn: 'etdz',
    industry: 'emerging',
    bank: { name: '中国建设银行北京经济技术开发区支行', account: '11050188360000001234', permit: 'J1000109876501' },
    branches: [],
    people: [
      {
        name: '赵永刚',
        id: ['110115', '1979-08-09', '071'],
        occupation: '焊工',
        skillLevel: 'chief-technician',
        frontlineYears: 25,
        position: '焊接工艺首席技师',
        phone: '13701128899',
        leader: true,
        honours: ['全国技术能手', '北京大工匠'],
        certificates: [{ title: '职业技能等级证书（焊工 一级/高级技师）', number: 'S000011000654321', level: 'senior-technician', issuedOn: '2016-06-30' }],
      },
      { name: '马俊杰', id: ['110115', '1987-01-23', '095'], occupation: '焊工', skillLevel: 'technician', frontlineYears: 14, position: '焊接班组长', honours: ['北京市技术能手'] },
      { name: '周佳怡', id: ['110115', '1992-05-16', '082'], occupation: '电工', skillLevel: 'senior', frontlineYears: 9, position: '电气维护' },
      { name: '吴昊', id: ['110115', '1995-10-30', '013'], occupation: '焊工', skillLevel: 'senior', frontlineYears: 7, position: '焊工' },
    ],
  },
  {
    key: 'unit-c',
    legalRepresentative: '赵德明',
    contact: { name: '赵刚', phone: '13661139900' },
    locatedIn: 'shunyi',
    industry: 'other',
    bank: { name: '北京农商银行顺义支行', account: '0401000103000012345', permit: 'J1000112233401' },
    branches: [{ name: '北京顺航装备维修有限公司天竺维修站', address: '北京市顺义区天竺镇府前一街 6 号' }],
    people: [
      {
        name: '郑海涛',
        id: ['110113', '1978-02-14', '057'],
        occupation: '汽车维修工',
        skillLevel: 'senior-technician',
        frontlineYears: 26,
        position: '维修技术总监',
        phone: '13911305566',
        leader: true,
        honours: ['北京市技术能手', '首都劳动奖章'],
        certificates: [{ title: '职业技能等级证书（汽车维修工 一级/高级技师）', number: 'S000011000777888', level: 'senior-technician', issuedOn: '2018-12-05' }],
      },
      { name: '冯建伟', id: ['110113', '1986-07-19', '033'], occupation: '汽车维修工', skillLevel: 'technician', frontlineYears: 16, position: '机修班组长' },
      { name: '韩雪', id: ['110113', '1991-11-08', '046'], occupation: '电工', skillLevel: 'senior', frontlineYears: 10, position: '汽车电气维修' },
      { name: '曹宇航', id: ['110113', '1997-04-02', '079'], occupation: '汽车维修工', skillLevel: 'intermediate', frontlineYears: 6, position: '维修工' },
    ],
  },
];

/** Demo unit profiles and their people (skill masters, team members), for unit-a (大兴), unit-b (经开区), unit-c (顺义). */
export async function loadUnitDemo(db: Db, now: Date): Promise<void> {
  const names = DEMO_UNITS;
  const unitRows = await db
    .select({ id: units.id, creditCode: units.creditCode })
    .from(units)
    .where(inArray(units.creditCode, names.map((u) => u.creditCode)));
  const unitIdOf = (key: string) => unitRows.find((r) => r.creditCode === names.find((u) => u.key === key)?.creditCode)?.id;
  const userRows = await db.select({ id: users.id, unitId: users.unitId }).from(users);
  let personCount = 0;
  await db.transaction(async (tx) => {
    for (const u of DEMO) {
      const unitId = unitIdOf(u.key);
      if (!unitId) continue;
      const contactUser = userRows.find((r) => r.unitId === unitId)?.id ?? null;
      await tx
        .update(units)
        .set({ contactName: u.contact.name, contactPhone: u.contact.phone, contactEmail: u.contact.email ?? null })
        .where(inArray(units.id, [unitId]));
      await tx.insert(unitProfiles).values({
        unitId,
        locatedIn: u.locatedIn,
        legalRepresentative: u.legalRepresentative,
        industry: u.industry,
        hasTalentSystem: true,
        providesFundingAndVenue: true,
        hasStudioRules: true,
        existingStudioOccupations: [],
        bankName: u.bank.name,
        bankAccount: u.bank.account,
        bankPermitNumber: u.bank.permit,
        branches: u.branches,
        updatedBy: contactUser,
        updatedAt: now,
      });
      for (const [i, p] of u.people.entries()) {
        const idNumber = fictionalId(...p.id);
        const parsed = parseResidentIdNumber(idNumber);
        if (!parsed.ok) throw new Error(`demo ID number invalid: ${p.name}`);
        await tx.insert(persons).values({
          id: randomUUID(),
          unitId,
          name: p.name,
          idNumber,
          birthDate: parsed.birthDate,
          sex: parsed.sex,
          category: p.category ?? 'worker',
          occupation: p.occupation,
          occupationListed: true,
          hasNationalStandard: true,
          skillLevel: p.skillLevel,
          frontlineYears: p.frontlineYears,
          employed: true,
          isFormalEmployee: true,
          leadsAnotherStudio: p.leader ? false : null,
          phone: p.phone ?? null,
          position: p.position,
          honours: p.honours ?? [],
          certificates: p.certificates ?? [],
          // Entered in list order: the master first.
          createdAt: new Date(now.getTime() - (u.people.length - i) * 1000),
          updatedAt: now,
        });
        personCount++;
      }
    }
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'unit', after: { unitProfiles: DEMO.length, persons: personCount } }, now);
  });
}
