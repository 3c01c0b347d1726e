export {
  addWorkingDays,
  isWorkingDay,
  knownYears,
  workingDaysBetween,
  type CalendarOverrides,
  type WorkingDayResult,
} from './working-days';
export { statutoryHolidays, type StatutoryHoliday } from './statutory-holidays';
