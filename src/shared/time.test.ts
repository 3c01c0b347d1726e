import { describe, expect, it } from 'vitest';
import { formatShanghaiInstant, shanghaiDate } from './time';

describe('Beijing time for people, whatever the zone of the instant', () => {
  it('a UTC instant shows as Beijing wall time (the 18:00 close of 2026-06-26)', () => {
    expect(formatShanghaiInstant('2026-06-26T10:00:00.000Z')).toBe('2026-06-26 18:00');
    expect(formatShanghaiInstant('2026-06-26T18:00:00+08:00')).toBe('2026-06-26 18:00');
    expect(formatShanghaiInstant('2026-06-26T10:00:05Z', true)).toBe('2026-06-26 18:00:05');
  });
  it('after 16:00 UTC it is already the next calendar day in Beijing', () => {
    expect(formatShanghaiInstant('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
  it('text that is not a time comes back unchanged', () => {
    expect(formatShanghaiInstant('待定')).toBe('待定');
  });
});
