import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { applicationPeople, applications, jurisdictions, persons, unitProfiles, units } from '../../db/schema';

/** Queries only (STYLE.md layout): explicit columns, no rules. */

export async function findUnit(db: DbOrTx, unitId: string) {
  const [row] = await db
    .select({
      id: units.id,
      name: units.name,
      creditCode: units.creditCode,
      jurisdictionId: units.jurisdictionId,
      jurisdictionName: jurisdictions.nameZh,
      address: units.address,
      contactName: units.contactName,
      contactPhone: units.contactPhone,
      contactEmail: units.contactEmail,
    })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
    .where(eq(units.id, unitId))
    .limit(1);
  return row;
}

export async function findProfile(db: DbOrTx, unitId: string) {
  const [row] = await db.select().from(unitProfiles).where(eq(unitProfiles.unitId, unitId)).limit(1);
  return row;
}

export async function findUnitByCreditCode(db: DbOrTx, creditCode: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.creditCode, creditCode)).limit(1);
  return row;
}

export async function countPersons(db: DbOrTx, unitId: string) {
  const [{ n }] = await db.select({ n: count() }).from(persons).where(eq(persons.unitId, unitId));
  return Number(n);
}

export async function listPersons(db: DbOrTx, unitId: string) {
  return db.select().from(persons).where(eq(persons.unitId, unitId)).orderBy(asc(persons.createdAt), asc(persons.name));
}

export async function findPerson(db: DbOrTx, unitId: string, id: string) {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), eq(persons.unitId, unitId)))
    .limit(1);
  return row;
}

export async function findPersonsByIds(db: DbOrTx, unitId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.unitId, unitId), inArray(persons.id, ids)));
}

export async function findPersonByIdNumber(db: DbOrTx, unitId: string, idNumber: string) {
  const [row] = await db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(and(eq(persons.unitId, unitId), eq(persons.idNumber, idNumber)))
    .limit(1);
  return row;
}

/** Person ids of the unit named by an application that has left the draft status (submitted, returned, …). */
export async function personIdsInSubmittedApplications(db: DbOrTx, unitId: string) {
  const rows = await db
    .selectDistinct({ personId: applicationPeople.personId, number: applications.number })
    .from(applicationPeople)
    .innerJoin(applications, eq(applications.id, applicationPeople.applicationId))
    .where(and(eq(applications.unitId, unitId), ne(applications.status, 'draft')));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), r.number]);
  return map;
}

export async function findApplication(db: DbOrTx, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  return row;
}

export async function listApplicationPeople(db: DbOrTx, applicationId: string) {
  return db
    .select({ personId: applicationPeople.personId, role: applicationPeople.role, position: applicationPeople.position })
    .from(applicationPeople)
    .where(eq(applicationPeople.applicationId, applicationId))
    .orderBy(asc(applicationPeople.position));
}
