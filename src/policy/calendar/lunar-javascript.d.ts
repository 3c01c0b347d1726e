// The part of lunar-javascript (6tail, MIT; CommonJS without type declarations) that the calendar uses.
declare module 'lunar-javascript' {
  interface SolarDay {
    /** YYYY-MM-DD. */
    toYmd(): string;
  }
  interface LunarDay {
    getSolar(): SolarDay;
    /** Solar terms around this lunar year, keyed by Chinese name (e.g. '清明'), at Beijing time. */
    getJieQiTable(): Record<string, SolarDay>;
  }
  const lunarJavascript: {
    Lunar: {
      /** A day of the Chinese calendar; a leap month is passed as a negative month. */
      fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): LunarDay;
    };
  };
  export default lunarJavascript;
}
