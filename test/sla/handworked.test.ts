// Hand-worked cases for the SLA core, one per row of /work/shared/SLA-RULES.md (the contract).
// Every deadline was worked out by hand; the working is in the comment beside the case.
// Calendars checked with date-holidays 3.x and luxon (not guessed):
//   2026-03-27 Fri, 03-28 Sat, 03-29 Sun (EU spring-forward), 03-30 Mon, 03-31 Tue;
//   2026-03-06 Fri, 03-08 Sun (US spring-forward), 03-09 Mon; 2026-10-23 Fri, 10-25 Sun (EU fall-back), 10-26 Mon;
//   2026-10-30 Fri, 11-01 Sun (US fall-back), 11-02 Mon; 2026-11-25 Wed, 11-26 Thu (US Thanksgiving, public),
//   11-27 Fri (not public in date-holidays US); 2026-01-05 Mon, 01-06 Tue (Heilige Drei Koenige: public in DE-BY,
//   not in DE), 01-07 Wed; 2026-04-02 Thu, 04-03 Good Friday (DE public), 04-06 Easter Monday (DE public);
//   GB 2027-12-24 Fri (not public), 12-25 Sat, 12-26 Sun, 12-27 Mon + 12-28 Tue (substitute days, public), 12-29 Wed.
//   No public holiday on 2026-03-30/31 in DE, NL, FR, ES, GB, JP, KR, TW, HK, AU, BR, US, CA.
// Business hours: DE/FR/NL/ES/GB/KR/TW/HK/AU/BR 09:00-17:00 local; JP 09:00-17:30 Asia/Tokyo;
//   US/CA 06:00-18:00 America/Los_Angeles.
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/sla/types.js';
import { assess, iso, ms, paramStrings, reject } from './factory.js';

const BER = 'Europe/Berlin';
const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const TYO = 'Asia/Tokyo';

const CONTACT: Warning = { code: 'contact_details' };
const BH_ONLY: Warning = { code: 'business_hours_contact_only' };
const OTHER: Warning = { code: 'other_channel_terms' };
const risk = (to: 'B' | 'C', reason: 'not_available_24x7' | 'waiting_on_customer'): Warning => ({
  code: 'downgrade_risk',
  to,
  reason,
});

describe('section 2: first-response targets, plan x severity (DE, en, opened Mon 2026-03-30 10:00 Berlin)', () => {
  // A in English runs 24x7: deadline = opened + target. B (default business hours) and C run 09:00-17:00 Berlin.
  // Mon 10:00 + 480 business min = 7 h Mon (10-17) + 1 h Tue (09-10) = Tue 10:00.
  const rows: Array<[string, 'A' | 'B' | 'C', number, string, '24x7' | 'business-hours']> = [
    ['developer', 'C', 480, '2026-03-31T10:00:00+02:00', 'business-hours'], // 7 h Mon + 1 h Tue
    ['standard', 'A', 60, '2026-03-30T11:00:00+02:00', '24x7'], // 10:00 + 60 real min
    ['standard', 'B', 240, '2026-03-30T14:00:00+02:00', 'business-hours'], // 10:00 + 4 h inside 09-17
    ['standard', 'C', 480, '2026-03-31T10:00:00+02:00', 'business-hours'], // 7 h Mon + 1 h Tue
    ['professional-direct', 'A', 60, '2026-03-30T11:00:00+02:00', '24x7'], // 10:00 + 1 h
    ['professional-direct', 'B', 120, '2026-03-30T12:00:00+02:00', 'business-hours'], // 10:00 + 2 h
    ['professional-direct', 'C', 240, '2026-03-30T14:00:00+02:00', 'business-hours'], // 10:00 + 4 h
    ['premier', 'A', 60, '2026-03-30T11:00:00+02:00', '24x7'], // 10:00 + 1 h
    ['premier', 'B', 120, '2026-03-30T12:00:00+02:00', 'business-hours'], // 10:00 + 2 h
    ['premier', 'C', 240, '2026-03-30T14:00:00+02:00', 'business-hours'], // 10:00 + 4 h
    ['rapid-response', 'A', 15, '2026-03-30T10:15:00+02:00', '24x7'], // 10:00 + 15 min
    ['rapid-response', 'B', 120, '2026-03-30T12:00:00+02:00', 'business-hours'], // 10:00 + 2 h
    ['rapid-response', 'C', 240, '2026-03-30T14:00:00+02:00', 'business-hours'], // 10:00 + 4 h
  ];
  it.each(rows)('%s %s: %i min -> %s (%s)', (plan, severity, target, deadline, coverage) => {
    const a = assess({ plan, severity });
    expect(a.plan).toBe(plan);
    expect(a.severity).toBe(severity);
    expect(a.targetMinutes).toBe(target);
    expect(a.coverage).toBe(coverage);
    expect(a.responseLanguage).toBe('en');
    expect(iso(a.deadline, BER)).toBe(deadline);
    expect(a.timeZone).toBe(BER); // DE has one zone in date-holidays
  });

  it('developer A -> severity_not_available naming C (footnote 1)', () => {
    const e = reject({ plan: 'developer', severity: 'A' });
    expect(e.code).toBe('severity_not_available');
    expect(paramStrings(e)).toContain('C');
  });

  it('developer B -> severity_not_available naming C', () => {
    const e = reject({ plan: 'dev', severity: 'b' });
    expect(e.code).toBe('severity_not_available');
    expect(paramStrings(e)).toContain('C');
  });
});

describe('section 1: plan spellings and severity case', () => {
  // Each alias must land on its canonical id; C keeps the clock in business hours, the target tells the plan apart.
  const aliases: Array<[string, string, number]> = [
    ['dev', 'developer', 480],
    ['DEV', 'developer', 480],
    ['std', 'standard', 480],
    ['Standard', 'standard', 480],
    ['prodirect', 'professional-direct', 240],
    ['pro-direct', 'professional-direct', 240],
    ['Professional Direct', 'professional-direct', 240],
    ['professional_direct', 'professional-direct', 240],
    ['PREMIER', 'premier', 240],
    ['arr', 'rapid-response', 240],
    ['ARR', 'rapid-response', 240],
    ['azure rapid response', 'rapid-response', 240],
    ['Azure-Rapid-Response', 'rapid-response', 240],
    ['Rapid_Response', 'rapid-response', 240],
  ];
  it.each(aliases)('plan %j -> %s (C target %i)', (spelling, id, target) => {
    const a = assess({ plan: spelling, severity: 'C' });
    expect(a.plan).toBe(id);
    expect(a.targetMinutes).toBe(target);
  });

  it('severity is case-insensitive: "a" on premier is A (60 min 24x7), "c" is C', () => {
    // premier A en: 10:00 + 60 real min = 11:00
    const a = assess({ plan: 'premier', severity: 'a' });
    expect(a.severity).toBe('A');
    expect(iso(a.deadline, BER)).toBe('2026-03-30T11:00:00+02:00');
    expect(assess({ plan: 'premier', severity: 'c' }).severity).toBe('C');
  });

  it('unknown plan and unknown severity are errors', () => {
    expect(reject({ plan: 'gold' }).code).toBe('unknown_plan');
    expect(reject({ severity: 'D' }).code).toBe('unknown_severity');
  });
});

describe('section 3/4: clock and response-language pick', () => {
  it('de A, opened Sat: English 24x7 wins, German business hours is the alternative', () => {
    // Sat 2026-03-28 10:00 +01:00. de business hours: clock starts Mon 03-30 09:00 (+02:00 after DST) -> 10:00.
    // en 24x7: Sat 10:00 + 60 min = Sat 11:00 +01:00. Earlier deadline wins: en.
    const a = assess({
      plan: 'standard',
      severity: 'A',
      language: 'de',
      openedAt: '2026-03-28T10:00:00+01:00',
    });
    expect(a.requestedLanguage).toBe('de');
    expect(a.responseLanguage).toBe('en');
    expect(a.coverage).toBe('24x7');
    expect(iso(a.deadline, BER)).toBe('2026-03-28T11:00:00+01:00');
    expect(a.alternative).not.toBeNull();
    expect(a.alternative?.responseLanguage).toBe('de');
    expect(a.alternative?.coverage).toBe('business-hours');
    expect(iso(a.alternative?.deadline ?? 0, BER)).toBe('2026-03-30T10:00:00+02:00');
  });

  it('de A, opened Mon 10:00 inside hours: tie, the requested language (de) wins', () => {
    // de business hours: 10:00 + 60 business min = 11:00. en 24x7: 10:00 + 60 = 11:00. Tie -> de, en is the alternative.
    const a = assess({ plan: 'premier', severity: 'A', language: 'de' });
    expect(a.responseLanguage).toBe('de');
    expect(a.coverage).toBe('business-hours');
    expect(iso(a.deadline, BER)).toBe('2026-03-30T11:00:00+02:00');
    expect(a.alternative?.responseLanguage).toBe('en');
    expect(a.alternative?.coverage).toBe('24x7');
    expect(iso(a.alternative?.deadline ?? 0, BER)).toBe('2026-03-30T11:00:00+02:00');
  });

  it('ja A in JP is 24x7 in Japanese, no alternative', () => {
    // A is 24x7 in Japanese: Sat 2026-04-04 10:00 +09:00 + 60 real min = 11:00. First candidate is 24x7, so no second.
    const a = assess({
      plan: 'standard',
      severity: 'A',
      language: 'ja',
      country: 'JP',
      openedAt: '2026-04-04T10:00:00+09:00',
    });
    expect(a.responseLanguage).toBe('ja');
    expect(a.coverage).toBe('24x7');
    expect(iso(a.deadline, TYO)).toBe('2026-04-04T11:00:00+09:00');
    expect(a.alternative).toBeNull();
  });

  it('pt-BR -> pt (BR with timeZone America/Sao_Paulo, C, business hours)', () => {
    // Mon 2026-03-30 10:00 -03:00 + 480 = 7 h Mon + 1 h Tue -> Tue 10:00 -03:00. C: business hours, no alternative.
    const a = assess({
      language: 'pt-BR',
      country: 'BR',
      timeZone: 'America/Sao_Paulo',
      openedAt: '2026-03-30T10:00:00-03:00',
    });
    expect(a.requestedLanguage).toBe('pt');
    expect(a.responseLanguage).toBe('pt');
    expect(a.coverage).toBe('business-hours');
    expect(a.alternative).toBeNull();
    expect(iso(a.deadline, 'America/Sao_Paulo')).toBe('2026-03-31T10:00:00-03:00');
  });

  it('es-MX -> es (ES with timeZone Europe/Madrid, professional-direct C 240)', () => {
    // Mon 10:00 +02:00 + 4 h = 14:00.
    const a = assess({
      plan: 'prodirect',
      language: 'es-MX',
      country: 'ES',
      timeZone: 'Europe/Madrid',
      openedAt: '2026-03-30T10:00:00+02:00',
    });
    expect(a.requestedLanguage).toBe('es');
    expect(a.responseLanguage).toBe('es');
    expect(iso(a.deadline, 'Europe/Madrid')).toBe('2026-03-30T14:00:00+02:00');
  });

  it('zh-TW -> zh-Hant (TW, premier C 240)', () => {
    // Mon 2026-03-30 10:00 +08:00 + 4 h = 14:00 Asia/Taipei.
    const a = assess({
      plan: 'premier',
      language: 'zh-TW',
      country: 'TW',
      openedAt: '2026-03-30T10:00:00+08:00',
    });
    expect(a.requestedLanguage).toBe('zh-Hant');
    expect(a.responseLanguage).toBe('zh-Hant');
    expect(a.timeZone).toBe('Asia/Taipei');
    expect(iso(a.deadline, 'Asia/Taipei')).toBe('2026-03-30T14:00:00+08:00');
  });

  it('zh-HK -> zh-Hant; premier A in HK ties with English 24x7, zh-Hant wins', () => {
    // zh-Hant business hours: Mon 10:00 +08:00 + 60 = 11:00; en 24x7: 10:00 + 60 = 11:00. Tie -> requested language.
    const a = assess({
      plan: 'premier',
      severity: 'A',
      language: 'zh-HK',
      country: 'HK',
      openedAt: '2026-03-30T10:00:00+08:00',
    });
    expect(a.requestedLanguage).toBe('zh-Hant');
    expect(a.responseLanguage).toBe('zh-Hant');
    expect(a.coverage).toBe('business-hours');
    expect(iso(a.deadline, 'Asia/Hong_Kong')).toBe('2026-03-30T11:00:00+08:00');
    expect(a.alternative?.responseLanguage).toBe('en');
    expect(a.alternative?.coverage).toBe('24x7');
  });

  it('zh-Hant-TW -> zh-Hant', () => {
    // Mon 10:00 +08:00 + 480: 7 h Mon + 1 h Tue -> Tue 10:00.
    const a = assess({ language: 'zh-Hant-TW', country: 'TW', openedAt: '2026-03-30T10:00:00+08:00' });
    expect(a.requestedLanguage).toBe('zh-Hant');
    expect(a.responseLanguage).toBe('zh-Hant');
    expect(iso(a.deadline, 'Asia/Taipei')).toBe('2026-03-31T10:00:00+08:00');
  });

  it('zh-CN is not a support language -> served in English', () => {
    // Simplified Chinese is not zh-Hant: English, business hours (C). Mon 10:00 + 480 -> Tue 10:00.
    const a = assess({ language: 'zh-CN' });
    expect(a.requestedLanguage).toBe('en');
    expect(a.responseLanguage).toBe('en');
    expect(iso(a.deadline, BER)).toBe('2026-03-31T10:00:00+02:00');
  });

  it('nl A in NL -> English, so 24x7 directly (no alternative)', () => {
    // nl -> en; A in English is 24x7: Sat 2026-03-28 10:00 +01:00 + 60 = 11:00 +01:00. Only one candidate.
    const a = assess({
      severity: 'A',
      language: 'nl',
      country: 'NL',
      openedAt: '2026-03-28T10:00:00+01:00',
    });
    expect(a.requestedLanguage).toBe('en');
    expect(a.responseLanguage).toBe('en');
    expect(a.coverage).toBe('24x7');
    expect(a.alternative).toBeNull();
    expect(a.timeZone).toBe('Europe/Amsterdam');
    expect(iso(a.deadline, 'Europe/Amsterdam')).toBe('2026-03-28T11:00:00+01:00');
  });

  it('ko A in KR after closing: English 24x7 beats Korean business hours', () => {
    // Mon 2026-03-30 20:00 +09:00 (closed). ko: Tue 09:00 + 60 = Tue 10:00. en 24x7: 20:00 + 60 = 21:00 -> en.
    const a = assess({
      plan: 'premier',
      severity: 'A',
      language: 'ko',
      country: 'KR',
      openedAt: '2026-03-30T20:00:00+09:00',
    });
    expect(a.responseLanguage).toBe('en');
    expect(iso(a.deadline, 'Asia/Seoul')).toBe('2026-03-30T21:00:00+09:00');
    expect(a.alternative?.responseLanguage).toBe('ko');
    expect(iso(a.alternative?.deadline ?? 0, 'Asia/Seoul')).toBe('2026-03-31T10:00:00+09:00');
  });

  it('B with 24x7 in English: 240 real minutes over a Saturday, no alternative', () => {
    // Sat 2026-03-28 10:00 +01:00 + 240 = 14:00 +01:00.
    const a = assess({ severity: 'B', commit24x7: true, openedAt: '2026-03-28T10:00:00+01:00' });
    expect(a.coverage).toBe('24x7');
    expect(a.responseLanguage).toBe('en');
    expect(a.commit24x7).toBe(true);
    expect(a.available24x7).toBe(true);
    expect(a.alternative).toBeNull();
    expect(iso(a.deadline, BER)).toBe('2026-03-28T14:00:00+01:00');
  });

  it('B with 24x7 requested in French, opened Fri 15:00: English 24x7 wins over French business hours', () => {
    // fr has no 24x7 -> fr business hours: Fri 15-17 (2 h) + Mon 03-30 09-11 (+02:00) = 240 -> Mon 11:00 +02:00.
    // en 24x7: Fri 15:00 +01:00 + 4 h = Fri 19:00 +01:00 -> en wins, fr is the alternative.
    const a = assess({
      severity: 'B',
      commit24x7: true,
      language: 'fr',
      country: 'FR',
      openedAt: '2026-03-27T15:00:00+01:00',
    });
    expect(a.requestedLanguage).toBe('fr');
    expect(a.responseLanguage).toBe('en');
    expect(a.coverage).toBe('24x7');
    expect(iso(a.deadline, 'Europe/Paris')).toBe('2026-03-27T19:00:00+01:00');
    expect(a.alternative?.responseLanguage).toBe('fr');
    expect(a.alternative?.coverage).toBe('business-hours');
    expect(iso(a.alternative?.deadline ?? 0, 'Europe/Paris')).toBe('2026-03-30T11:00:00+02:00');
  });

  it('B with 24x7 requested in French, opened Mon 10:00: tie, French business hours wins', () => {
    // fr business hours: 10:00 + 4 h = 14:00; en 24x7: 10:00 + 4 h = 14:00 -> tie -> fr; en 24x7 is the alternative.
    const a = assess({
      severity: 'B',
      commit24x7: true,
      language: 'fr',
      country: 'FR',
      openedAt: '2026-03-30T10:00:00+02:00',
    });
    expect(a.responseLanguage).toBe('fr');
    expect(a.coverage).toBe('business-hours');
    expect(iso(a.deadline, 'Europe/Paris')).toBe('2026-03-30T14:00:00+02:00');
    expect(a.alternative?.responseLanguage).toBe('en');
    expect(a.alternative?.coverage).toBe('24x7');
    expect(iso(a.alternative?.deadline ?? 0, 'Europe/Paris')).toBe('2026-03-30T14:00:00+02:00');
  });

  it('B business hours (no 24x7 chosen) in French: no English 24x7 candidate', () => {
    // B without 24x7 never offers en 24x7. Fri 15:00 +01:00: 2 h Fri + 2 h Mon -> Mon 11:00 +02:00.
    const a = assess({ severity: 'B', language: 'fr', country: 'FR', openedAt: '2026-03-27T15:00:00+01:00' });
    expect(a.responseLanguage).toBe('fr');
    expect(a.coverage).toBe('business-hours');
    expect(a.alternative).toBeNull();
    expect(iso(a.deadline, 'Europe/Paris')).toBe('2026-03-30T11:00:00+02:00');
  });

  it('ja C in JP is Japanese business hours, no alternative', () => {
    // C is business hours in every language. Mon 10:00 +09:00 + 240 = 14:00 (premier C).
    const a = assess({
      plan: 'premier',
      language: 'ja-JP',
      country: 'JP',
      openedAt: '2026-03-30T10:00:00+09:00',
    });
    expect(a.responseLanguage).toBe('ja');
    expect(a.coverage).toBe('business-hours');
    expect(a.alternative).toBeNull();
    expect(iso(a.deadline, TYO)).toBe('2026-03-30T14:00:00+09:00');
  });

  it('language defaults to en; en-GB maps to en', () => {
    expect(assess({}).requestedLanguage).toBe('en');
    expect(assess({ language: 'en-GB' }).requestedLanguage).toBe('en');
  });

  it('malformed language tag -> invalid_language', () => {
    expect(reject({ language: 'not a language!' }).code).toBe('invalid_language');
  });
});

describe('section 5: Japan closes at 17:30', () => {
  it('standard C 480 from Mon 10:00 JST: 450 min Mon (10:00-17:30) + 30 min Tue -> Tue 09:30', () => {
    const a = assess({ country: 'JP', openedAt: '2026-03-30T10:00:00+09:00' });
    expect(a.timeZone).toBe(TYO);
    expect(iso(a.deadline, TYO)).toBe('2026-03-31T09:30:00+09:00');
  });

  it('professional-direct C 240 from Mon 13:30 JST ends exactly at the 17:30 close (same day)', () => {
    // 13:30 + 4 h = 17:30 = closing -> the closing instant, not Tue 09:00.
    const a = assess({ plan: 'professional-direct', country: 'JP', openedAt: '2026-03-30T13:30:00+09:00' });
    expect(iso(a.deadline, TYO)).toBe('2026-03-30T17:30:00+09:00');
  });

  it('standard B 240 from Mon 15:00 JST: 150 min Mon + 90 min Tue -> Tue 10:30; status at 17:15 and 17:45', () => {
    const input = { severity: 'B', country: 'JP', openedAt: '2026-03-30T15:00:00+09:00' };
    const a = assess(input);
    expect(iso(a.deadline, TYO)).toBe('2026-03-31T10:30:00+09:00');
    // 17:15: 135 business min used (15:00-17:15), still open.
    const s1 = assess(input, '2026-03-30T17:15:00+09:00').status;
    expect(s1.elapsedMinutes).toBe(135);
    expect(s1.remainingMinutes).toBe(105);
    expect(s1.running).toBe(true);
    // 17:45: closed since 17:30 -> 150 used, 90 left, resumes Tue 09:00.
    const s2 = assess(input, '2026-03-30T17:45:00+09:00').status;
    expect(s2.elapsedMinutes).toBe(150);
    expect(s2.remainingMinutes).toBe(90);
    expect(s2.running).toBe(false);
    expect(iso(s2.resumesAt ?? 0, TYO)).toBe('2026-03-31T09:00:00+09:00');
  });
});

describe('section 5: North America runs on Pacific time 06:00-18:00', () => {
  it('New York customer, standard C, opened Mon 09:00 EDT (= 06:00 PDT): 8 h -> 14:00 PDT = 17:00 EDT', () => {
    const a = assess({ country: 'US', timeZone: NY, openedAt: '2026-03-30T09:00:00-04:00' });
    expect(a.timeZone).toBe(NY);
    expect(iso(a.deadline, NY)).toBe('2026-03-30T17:00:00-04:00');
    expect(iso(a.deadline, LA)).toBe('2026-03-30T14:00:00-07:00');
  });

  it('New York customer, opened Mon 19:00 EDT (= 16:00 PDT): 2 h Mon + 6 h Tue from 06:00 PDT -> Tue 15:00 EDT', () => {
    // A New-York-hours implementation (09-17 ET) would have said closed at 19:00 ET.
    const a = assess({ country: 'US', timeZone: NY, openedAt: '2026-03-30T19:00:00-04:00' });
    expect(iso(a.deadline, NY)).toBe('2026-03-31T15:00:00-04:00');
  });

  it('US without timeZone -> America/Los_Angeles; B business hours opened 05:00 PDT starts at 06:00 -> 10:00', () => {
    const a = assess({ severity: 'B', country: 'US', openedAt: '2026-03-30T05:00:00-07:00' });
    expect(a.timeZone).toBe(LA);
    expect(iso(a.deadline, LA)).toBe('2026-03-30T10:00:00-07:00');
  });

  it('Toronto customer, premier C, opened 08:00 EDT (= 05:00 PDT): starts 06:00 PDT + 4 h = 10:00 PDT = 13:00 EDT', () => {
    const a = assess({
      plan: 'premier',
      country: 'CA',
      timeZone: 'America/Toronto',
      openedAt: '2026-03-30T08:00:00-04:00',
    });
    expect(a.timeZone).toBe('America/Toronto');
    expect(iso(a.deadline, 'America/Toronto')).toBe('2026-03-30T13:00:00-04:00');
  });

  it('US Thanksgiving: opened Wed 2026-11-25 20:00 EST (= 17:00 PST): 1 h Wed, Thu closed, Fri 06:00-13:00 PST', () => {
    // 480 = 60 (Wed 17-18 PST) + 420 (Fri 06:00-13:00 PST) -> Fri 13:00 PST = 16:00 EST.
    const a = assess({ country: 'US', timeZone: NY, openedAt: '2026-11-25T20:00:00-05:00' });
    expect(iso(a.deadline, NY)).toBe('2026-11-27T16:00:00-05:00');
  });
});

describe('section 5: public holidays', () => {
  it('GB 2027: Christmas on Sat/Sun, substitute days Mon 27 + Tue 28 closed', () => {
    // Fri 2027-12-24 16:00 GMT: 1 h Fri; 25-28 closed; Wed 29 09:00 + 7 h = 16:00 GMT.
    const a = assess({ country: 'GB', openedAt: '2027-12-24T16:00:00+00:00' });
    expect(a.timeZone).toBe('Europe/London');
    expect(iso(a.deadline, 'Europe/London')).toBe('2027-12-29T16:00:00+00:00');
  });

  it('DE-BY: Epiphany Tue 2026-01-06 is closed in Bavaria', () => {
    // Mon 01-05 16:00 CET: 1 h Mon; Tue closed (BY); Wed 01-07 09:00 + 7 h = 16:00.
    const a = assess({ subdivision: 'BY', openedAt: '2026-01-05T16:00:00+01:00' });
    expect(a.subdivision).toBe('BY');
    expect(iso(a.deadline, BER)).toBe('2026-01-07T16:00:00+01:00');
  });

  it('DE without subdivision: Epiphany is a working day', () => {
    // Mon 01-05 16:00: 1 h Mon; Tue 01-06 09:00 + 7 h = 16:00.
    const a = assess({ openedAt: '2026-01-05T16:00:00+01:00' });
    expect(a.subdivision).toBeNull();
    expect(iso(a.deadline, BER)).toBe('2026-01-06T16:00:00+01:00');
  });

  it('DE Easter: Good Friday and Easter Monday closed', () => {
    // Thu 2026-04-02 16:00 +02:00: 1 h Thu; Fri 3 (Karfreitag), Sat, Sun, Mon 6 (Ostermontag) closed; Tue 7 09:00 + 7 h.
    const a = assess({ openedAt: '2026-04-02T16:00:00+02:00' });
    expect(iso(a.deadline, BER)).toBe('2026-04-07T16:00:00+02:00');
  });

  it('status on a holiday: DE-BY case at Tue 2026-01-06 12:00 is stopped, resumes Wed 09:00', () => {
    // Used: Mon 16-17 = 60 min. Remaining 420.
    const s = assess(
      { subdivision: 'BY', openedAt: '2026-01-05T16:00:00+01:00' },
      '2026-01-06T12:00:00+01:00',
    ).status;
    expect(s.elapsedMinutes).toBe(60);
    expect(s.remainingMinutes).toBe(420);
    expect(s.running).toBe(false);
    expect(iso(s.resumesAt ?? 0, BER)).toBe('2026-01-07T09:00:00+01:00');
  });
});

describe('section 5: a customer zone other than the country zone', () => {
  it('DE customer working from London: 09:00-17:00 Europe/London', () => {
    // Opened Mon 2026-03-30 08:30 BST (= 09:30 Berlin). London hours: clock starts 09:00 BST, + 4 h = 13:00 BST.
    // (Berlin hours would have started at once, 09:30 Berlin + 4 h = 13:30 Berlin = 12:30 BST.)
    const a = assess({
      plan: 'professional-direct',
      timeZone: 'Europe/London',
      openedAt: '2026-03-30T08:30:00+01:00',
    });
    expect(a.timeZone).toBe('Europe/London');
    expect(iso(a.deadline, 'Europe/London')).toBe('2026-03-30T13:00:00+01:00');
  });
});

describe('section 6: DST', () => {
  it('Europe spring-forward, 24x7: 4 h from 2026-03-29 00:30 CET is 05:30 CEST (4 real hours)', () => {
    // 00:30 +01:00 = 03-28 23:30Z; + 4 h = 03:30Z = 05:30 +02:00.
    const a = assess({ severity: 'B', commit24x7: true, openedAt: '2026-03-29T00:30:00+01:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-29T05:30:00+02:00');
    expect(a.deadline - a.openedAt).toBe(4 * 3600_000);
  });

  it('Europe fall-back, 24x7: 4 h from 2026-10-25 00:30 CEST is 03:30 CET', () => {
    // 00:30 +02:00 = 10-24 22:30Z; + 4 h = 02:30Z = 03:30 +01:00.
    const a = assess({ severity: 'B', commit24x7: true, openedAt: '2026-10-25T00:30:00+02:00' });
    expect(iso(a.deadline, BER)).toBe('2026-10-25T03:30:00+01:00');
  });

  it('North America spring-forward, 24x7: 4 h from 2026-03-08 00:30 PST is 05:30 PDT', () => {
    // 00:30 -08:00 = 08:30Z; + 4 h = 12:30Z = 05:30 -07:00.
    const a = assess({
      severity: 'B',
      commit24x7: true,
      country: 'US',
      openedAt: '2026-03-08T00:30:00-08:00',
    });
    expect(iso(a.deadline, LA)).toBe('2026-03-08T05:30:00-07:00');
  });

  it('North America fall-back, 24x7: 4 h from 2026-11-01 00:30 PDT is 03:30 PST', () => {
    // 00:30 -07:00 = 07:30Z; + 4 h = 11:30Z = 03:30 -08:00.
    const a = assess({
      severity: 'B',
      commit24x7: true,
      country: 'US',
      openedAt: '2026-11-01T00:30:00-07:00',
    });
    expect(iso(a.deadline, LA)).toBe('2026-11-01T03:30:00-08:00');
  });

  it('Europe spring, business hours across the weekend: Fri 16:00 CET -> Mon 16:00 CEST', () => {
    // 480 = 1 h Fri 03-27 (16-17 +01:00) + 7 h Mon 03-30 (09-16 +02:00).
    const a = assess({ openedAt: '2026-03-27T16:00:00+01:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-30T16:00:00+02:00');
  });

  it('Europe autumn, business hours across the weekend: Fri 16:00 CEST -> Mon 16:00 CET', () => {
    // 480 = 1 h Fri 10-23 (16-17 +02:00) + 7 h Mon 10-26 (09-16 +01:00).
    const a = assess({ openedAt: '2026-10-23T16:00:00+02:00' });
    expect(iso(a.deadline, BER)).toBe('2026-10-26T16:00:00+01:00');
  });

  it('North America spring, business hours: B 240 from Fri 2026-03-06 16:00 PST -> Mon 08:00 PDT', () => {
    // 2 h Fri (16-18 PST) + 2 h Mon 03-09 (06-08 PDT).
    const a = assess({ severity: 'B', country: 'US', openedAt: '2026-03-06T16:00:00-08:00' });
    expect(iso(a.deadline, LA)).toBe('2026-03-09T08:00:00-07:00');
  });

  it('North America autumn, business hours: B 240 from Fri 2026-10-30 16:00 PDT -> Mon 08:00 PST', () => {
    // 2 h Fri (16-18 PDT) + 2 h Mon 11-02 (06-08 PST).
    const a = assess({ severity: 'B', country: 'US', openedAt: '2026-10-30T16:00:00-07:00' });
    expect(iso(a.deadline, LA)).toBe('2026-11-02T08:00:00-08:00');
  });

  it('24x7 status across spring-forward counts real minutes: 00:30 CET -> 03:30 CEST is 120 min', () => {
    // 23:30Z -> 01:30Z = 2 real hours although the wall clock moved 3 h.
    const s = assess(
      { severity: 'B', commit24x7: true, openedAt: '2026-03-29T00:30:00+01:00' },
      '2026-03-29T03:30:00+02:00',
    ).status;
    expect(s.elapsedMinutes).toBe(120);
    expect(s.remainingMinutes).toBe(120);
    expect(s.fractionUsed).toBeCloseTo(0.5, 10);
    expect(s.running).toBe(true);
    expect(s.resumesAt).toBeNull();
  });
});

describe('section 6: opening, closing, weekends', () => {
  it('opened before opening: prodirect C 240 at Mon 07:15 starts 09:00 -> 13:00', () => {
    const a = assess({ plan: 'professional-direct', openedAt: '2026-03-30T07:15:00+02:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-30T13:00:00+02:00');
  });

  it('opened exactly at opening: standard B 240 at Mon 09:00 -> 13:00', () => {
    const a = assess({ severity: 'B', openedAt: '2026-03-30T09:00:00+02:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-30T13:00:00+02:00');
    expect(a.status.running).toBe(true);
  });

  it('opened exactly at closing: standard B 240 at Mon 17:00 -> Tue 09:00 + 4 h = 13:00; clock not running', () => {
    const a = assess({ severity: 'B', openedAt: '2026-03-30T17:00:00+02:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-31T13:00:00+02:00');
    expect(a.status.running).toBe(false);
    expect(a.status.elapsedMinutes).toBe(0);
    expect(iso(a.status.resumesAt ?? 0, BER)).toBe('2026-03-31T09:00:00+02:00');
  });

  it('opened on a weekend: prodirect C 240 at Sat 2026-03-28 11:00 CET -> Mon 09:00 CEST + 4 h = 13:00', () => {
    const a = assess({ plan: 'professional-direct', openedAt: '2026-03-28T11:00:00+01:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-30T13:00:00+02:00');
    expect(a.status.running).toBe(false);
    expect(iso(a.status.resumesAt ?? 0, BER)).toBe('2026-03-30T09:00:00+02:00');
  });

  it('deadline ending exactly at closing: standard C 480 from Mon 09:00 -> Mon 17:00, not Tue 09:00', () => {
    const a = assess({ openedAt: '2026-03-30T09:00:00+02:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-30T17:00:00+02:00');
  });

  it('deadline ending exactly at Friday closing: standard B 240 from Fri 13:00 -> Fri 17:00, not Mon 09:00', () => {
    const a = assess({ severity: 'B', openedAt: '2026-03-27T13:00:00+01:00' });
    expect(iso(a.deadline, BER)).toBe('2026-03-27T17:00:00+01:00');
  });
});

describe('section 6: status at chosen instants (standard C, DE, opened Mon 10:00, deadline Tue 10:00)', () => {
  const base = {};
  it('at openedAt: 0 used, 480 left, running, not breached', () => {
    const s = assess(base).status;
    expect(s.at).toBe(ms('2026-03-30T10:00:00+02:00'));
    expect(s.elapsedMinutes).toBe(0);
    expect(s.remainingMinutes).toBe(480);
    expect(s.fractionUsed).toBe(0);
    expect(s.running).toBe(true);
    expect(s.resumesAt).toBeNull();
    expect(s.breached).toBe(false);
  });

  it('at Mon 12:30: 150 used, 330 left, fraction 150/480 = 0.3125', () => {
    const s = assess(base, '2026-03-30T12:30:00+02:00').status;
    expect(s.elapsedMinutes).toBe(150);
    expect(s.remainingMinutes).toBe(330);
    expect(s.fractionUsed).toBeCloseTo(0.3125, 10);
    expect(s.running).toBe(true);
  });

  it('at Mon 10:01:30: elapsed floors to 1, remaining ceils 478.5 to 479', () => {
    const s = assess(base, '2026-03-30T10:01:30+02:00').status;
    expect(s.elapsedMinutes).toBe(1);
    expect(s.remainingMinutes).toBe(479);
  });

  it('at Mon 20:00 (closed): 420 used (10-17), 60 left, stopped, resumes Tue 09:00', () => {
    const s = assess(base, '2026-03-30T20:00:00+02:00').status;
    expect(s.elapsedMinutes).toBe(420);
    expect(s.remainingMinutes).toBe(60);
    expect(s.running).toBe(false);
    expect(iso(s.resumesAt ?? 0, BER)).toBe('2026-03-31T09:00:00+02:00');
    expect(s.breached).toBe(false);
  });

  it('at == deadline (Tue 10:00): 480 used, 0 left, fraction 1, met (not breached)', () => {
    const a = assess(base, '2026-03-31T10:00:00+02:00');
    expect(a.status.at).toBe(a.deadline);
    expect(a.status.elapsedMinutes).toBe(480);
    expect(a.status.remainingMinutes).toBe(0);
    expect(a.status.fractionUsed).toBeCloseTo(1, 10);
    expect(a.status.running).toBe(true);
    expect(a.status.breached).toBe(false);
  });

  it('at deadline + 1 ms: breached', () => {
    const s = assess(base, ms('2026-03-31T10:00:00+02:00') + 1).status;
    expect(s.breached).toBe(true);
    expect(s.remainingMinutes).toBe(0);
  });

  it('at Tue 11:00: 540 used, 0 left, fraction 1.125, breached', () => {
    const s = assess(base, '2026-03-31T11:00:00+02:00').status;
    expect(s.elapsedMinutes).toBe(540);
    expect(s.remainingMinutes).toBe(0);
    expect(s.fractionUsed).toBeCloseTo(1.125, 10);
    expect(s.breached).toBe(true);
  });

  it('at before openedAt (Mon 08:00): not running, nothing used, the clock starts at openedAt (Mon 10:00)', () => {
    // The case opens inside hours at 10:00, so a stopped clock "starts again" at openedAt, not at the 09:00 opening.
    const s = assess(base, '2026-03-30T08:00:00+02:00').status;
    expect(s.running).toBe(false);
    expect(iso(s.resumesAt ?? 0, BER)).toBe('2026-03-30T10:00:00+02:00');
    expect(s.elapsedMinutes).toBe(0);
    expect(s.remainingMinutes).toBe(480);
    expect(s.breached).toBe(false);
  });

  it('weekend at: opened Fri 2026-03-27 16:00 CET, at Sat 12:00 -> 60 used, 420 left, resumes Mon 09:00 CEST', () => {
    const s = assess({ openedAt: '2026-03-27T16:00:00+01:00' }, '2026-03-28T12:00:00+01:00').status;
    expect(s.elapsedMinutes).toBe(60);
    expect(s.remainingMinutes).toBe(420);
    expect(s.running).toBe(false);
    expect(iso(s.resumesAt ?? 0, BER)).toBe('2026-03-30T09:00:00+02:00');
  });

  it('24x7 A: opened Sat 10:00 CET, at 10:30 -> 30/30, half used, running; at 11:00 met; 11:00:00.001 breached', () => {
    const input = { severity: 'A', openedAt: '2026-03-28T10:00:00+01:00' };
    const s = assess(input, '2026-03-28T10:30:00+01:00').status;
    expect(s.elapsedMinutes).toBe(30);
    expect(s.remainingMinutes).toBe(30);
    expect(s.fractionUsed).toBeCloseTo(0.5, 10);
    expect(s.running).toBe(true);
    expect(s.resumesAt).toBeNull();
    expect(assess(input, '2026-03-28T11:00:00+01:00').status.breached).toBe(false);
    expect(assess(input, ms('2026-03-28T11:00:00+01:00') + 1).status.breached).toBe(true);
  });
});

describe('section 5/9: countries, zones, input errors', () => {
  it('AU without timeZone -> time_zone_required listing the zones', () => {
    // AU's zones differ in offset (Sydney +11 vs Perth +08 on 2026-03-30) and AU hours are local.
    const e = reject({ country: 'AU', openedAt: '2026-03-30T10:00:00+11:00' });
    expect(e.code).toBe('time_zone_required');
    const zones = paramStrings(e);
    expect(zones).toContain('Australia/Sydney');
    expect(zones).toContain('Australia/Perth');
  });

  it('AU with timeZone Australia/Sydney works: standard C 480 Mon 10:00 AEDT -> Tue 10:00 AEDT', () => {
    // Sydney DST ends 2026-04-05, so +11:00 on both days.
    const a = assess({ country: 'AU', timeZone: 'Australia/Sydney', openedAt: '2026-03-30T10:00:00+11:00' });
    expect(a.timeZone).toBe('Australia/Sydney');
    expect(iso(a.deadline, 'Australia/Sydney')).toBe('2026-03-31T10:00:00+11:00');
  });

  it('AU with timeZone Australia/Perth: prodirect C 240 Mon 10:00 AWST -> 14:00 AWST', () => {
    const a = assess({
      plan: 'professional-direct',
      country: 'AU',
      timeZone: 'Australia/Perth',
      openedAt: '2026-03-30T10:00:00+08:00',
    });
    expect(iso(a.deadline, 'Australia/Perth')).toBe('2026-03-30T14:00:00+08:00');
  });

  it('ES without timeZone -> time_zone_required (Canaries are an hour behind the mainland)', () => {
    // date-holidays ES zones: Europe/Madrid, Africa/Ceuta (+02:00 on 2026-03-30), Atlantic/Canary (+01:00).
    const e = reject({ country: 'ES', openedAt: '2026-03-30T10:00:00+02:00' });
    expect(e.code).toBe('time_zone_required');
    expect(paramStrings(e)).toContain('Atlantic/Canary');
    expect(paramStrings(e)).toContain('Europe/Madrid');
  });

  it('CA without timeZone is fine (Pacific hours): zone America/Los_Angeles; C 480 from 06:00 PDT -> 14:00 PDT', () => {
    const a = assess({ country: 'CA', openedAt: '2026-03-30T06:00:00-07:00' });
    expect(a.timeZone).toBe(LA);
    expect(iso(a.deadline, LA)).toBe('2026-03-30T14:00:00-07:00');
  });

  it('invalid IANA zone -> invalid_time_zone', () => {
    expect(reject({ timeZone: 'Mars/Olympus_Mons' }).code).toBe('invalid_time_zone');
  });

  it('unknown country -> unknown_country', () => {
    expect(reject({ country: 'ZZ' }).code).toBe('unknown_country');
  });

  it('alpha-3 country NLD is NL (Europe/Amsterdam): C 480 Mon 10:00 -> Tue 10:00', () => {
    const a = assess({ country: 'NLD' });
    expect(a.country).toBe('NL');
    expect(a.timeZone).toBe('Europe/Amsterdam');
    expect(iso(a.deadline, 'Europe/Amsterdam')).toBe('2026-03-31T10:00:00+02:00');
  });

  it('unknown subdivision -> unknown_subdivision', () => {
    expect(reject({ subdivision: 'XX' }).code).toBe('unknown_subdivision');
  });

  it('openedAt without an offset -> invalid_opened_at', () => {
    expect(reject({ openedAt: '2026-03-30T10:00:00' }).code).toBe('invalid_opened_at');
  });

  it('openedAt that is not a date -> invalid_opened_at', () => {
    expect(reject({ openedAt: 'next tuesday' }).code).toBe('invalid_opened_at');
  });

  it('openedAt as epoch ms and as Z both work and agree with the +02:00 form', () => {
    // 2026-03-30T10:00:00+02:00 = 08:00Z. Standard C -> Tue 10:00 +02:00.
    const n = ms('2026-03-30T10:00:00+02:00');
    const a = assess({ openedAt: n });
    const b = assess({ openedAt: '2026-03-30T08:00:00Z' });
    expect(a.openedAt).toBe(n);
    expect(b.openedAt).toBe(n);
    expect(iso(a.deadline, BER)).toBe('2026-03-31T10:00:00+02:00');
    expect(b.deadline).toBe(a.deadline);
  });
});

describe('section 8: scope', () => {
  it('defaults: technical, azure-ga', () => {
    const a = assess({});
    expect(a.issueType).toBe('technical');
    expect(a.product).toBe('azure-ga');
  });

  it('advisory on standard -> out_of_scope naming professional-direct and premier', () => {
    const e = reject({ issueType: 'advisory' });
    expect(e.code).toBe('out_of_scope');
    const named = paramStrings(e);
    expect(named).toContain('professional-direct');
    expect(named).toContain('premier');
    expect(named).not.toContain('rapid-response');
  });

  it('account-management on rapid-response -> out_of_scope', () => {
    expect(reject({ plan: 'arr', issueType: 'account-management' }).code).toBe('out_of_scope');
  });

  it('advisory on premier and proactive on professional-direct are in scope', () => {
    expect(assess({ plan: 'premier', issueType: 'advisory' }).issueType).toBe('advisory');
    expect(assess({ plan: 'pro-direct', issueType: 'proactive' }).issueType).toBe('proactive');
  });

  it('billing, subscription-management and technical-compensation are in scope on developer', () => {
    // Developer C 480 from Mon 10:00 -> Tue 10:00 in every case.
    for (const issueType of ['billing', 'subscription-management', 'technical-compensation']) {
      const a = assess({ plan: 'developer', issueType });
      expect(a.issueType).toBe(issueType);
      expect(iso(a.deadline, BER)).toBe('2026-03-31T10:00:00+02:00');
    }
  });

  it('azure-preview and non-microsoft are covered with no extra warning', () => {
    expect(assess({ product: 'azure-preview' }).warnings).toEqual([BH_ONLY]);
    expect(assess({ product: 'non-microsoft' }).warnings).toEqual([BH_ONLY]);
  });

  it('unknown issueType or product -> out_of_scope', () => {
    expect(reject({ issueType: 'gardening' }).code).toBe('out_of_scope');
    expect(reject({ product: 'xbox-live' }).code).toBe('out_of_scope');
  });
});

describe('section 7: warnings', () => {
  it('A, committed and available (defaults) -> contact_details only', () => {
    const a = assess({ severity: 'A' });
    expect(a.commit24x7).toBe(true);
    expect(a.available24x7).toBe(true);
    expect(a.warnings).toEqual([CONTACT]);
  });

  it('A not available 24x7 -> may be lowered to B', () => {
    expect(assess({ severity: 'A', available24x7: false }).warnings).toEqual([
      risk('B', 'not_available_24x7'),
      CONTACT,
    ]);
  });

  it('A with commit24x7 false -> available defaults to false -> may be lowered to B', () => {
    const a = assess({ severity: 'A', commit24x7: false });
    expect(a.available24x7).toBe(false);
    expect(a.warnings).toEqual([risk('B', 'not_available_24x7'), CONTACT]);
  });

  it('B with 24x7, not available -> may be lowered to C; no business-hours-only warning', () => {
    expect(assess({ severity: 'B', commit24x7: true, available24x7: false }).warnings).toEqual([
      risk('C', 'not_available_24x7'),
      CONTACT,
    ]);
  });

  it('B with 24x7 and available -> contact_details only', () => {
    expect(assess({ severity: 'B', commit24x7: true }).warnings).toEqual([CONTACT]);
  });

  it('B business hours (default) -> contact_details + business_hours_contact_only; availability irrelevant', () => {
    const a = assess({ severity: 'B' });
    expect(a.commit24x7).toBe(false);
    expect(a.warnings).toEqual([CONTACT, BH_ONLY]);
    expect(assess({ severity: 'B', available24x7: false }).warnings).toEqual([CONTACT, BH_ONLY]);
  });

  it('C -> business_hours_contact_only', () => {
    expect(assess({ severity: 'C' }).warnings).toEqual([BH_ONLY]);
  });

  it('waiting on customer: A -> to B, B -> to C, C -> nothing lower', () => {
    expect(assess({ severity: 'A', waitingOnCustomer: true }).warnings).toEqual([
      risk('B', 'waiting_on_customer'),
      CONTACT,
    ]);
    expect(assess({ severity: 'B', waitingOnCustomer: true }).warnings).toEqual([
      risk('C', 'waiting_on_customer'),
      CONTACT,
      BH_ONLY,
    ]);
    expect(assess({ severity: 'C', waitingOnCustomer: true }).warnings).toEqual([BH_ONLY]);
  });

  it('other-channel product -> other_channel_terms last', () => {
    const a = assess({ product: 'other-channel' });
    expect(a.product).toBe('other-channel');
    expect(a.warnings).toEqual([BH_ONLY, OTHER]);
    expect(assess({ severity: 'A', available24x7: false, product: 'other-channel' }).warnings).toEqual([
      risk('B', 'not_available_24x7'),
      CONTACT,
      OTHER,
    ]);
  });
});

describe("section 11: Microsoft's own tickets (Austria opens at 08:00; the US list without Columbus and Veterans Day)", () => {
  // Austria: Monday-Friday 08:00-17:00 Europe/Vienna (SLA-RULES §11), holidays of date-holidays AT.
  const VIE = 'Europe/Vienna';
  const austria = { plan: 'premier', severity: 'C', country: 'AT' };

  it('AT opened Mon 07:30: the clock starts at 08:00, 240 min -> 12:00', () => {
    // 2026-03-30 is a Monday after the spring change (+02:00). 08:00 + 4 h = 12:00.
    const a = assess({ ...austria, openedAt: '2026-03-30T07:30:00+02:00' }, '2026-03-30T07:45:00+02:00');
    expect(a.timeZone).toBe(VIE);
    expect(iso(a.deadline, VIE)).toBe('2026-03-30T12:00:00+02:00');
    expect(a.status.running).toBe(false);
    expect(iso(a.status.resumesAt ?? 0, VIE)).toBe('2026-03-30T08:00:00+02:00');
  });

  it('AT opened Mon 16:00: 1 h Monday, 3 h from Tuesday 08:00 -> Tue 11:00', () => {
    const a = assess({ ...austria, openedAt: '2026-03-30T16:00:00+02:00' });
    expect(iso(a.deadline, VIE)).toBe('2026-03-31T11:00:00+02:00');
  });

  it('AT opened Fri 2026-04-03 16:00: Easter Monday closed -> Tue 04-07 11:00', () => {
    // 1 h on Friday (16-17); Sat, Sun, Easter Monday (public in AT) closed; Tuesday 08:00 + 3 h.
    const a = assess({ ...austria, openedAt: '2026-04-03T16:00:00+02:00' });
    expect(iso(a.deadline, VIE)).toBe('2026-04-07T11:00:00+02:00');
  });

  // US: Monday-Friday 06:00-18:00 America/Los_Angeles; date-holidays US public days, less Columbus Day
  // and Veterans Day (and its substitute day).
  const us = { plan: 'premier', severity: 'C', country: 'US' };

  it('Columbus Day (Mon 2026-10-12) is open: Fri 17:00 PDT + 240 min -> Mon 09:00', () => {
    // 1 h on Friday (17-18), then Monday 06:00 + 3 h. With the federal list it would be Tuesday 09:00.
    const a = assess({ ...us, openedAt: '2026-10-09T17:00:00-07:00' });
    expect(iso(a.deadline, LA)).toBe('2026-10-12T09:00:00-07:00');
    const ny = assess({ ...us, subdivision: 'NY', openedAt: '2026-10-09T17:00:00-07:00' });
    expect(iso(ny.deadline, LA)).toBe('2026-10-12T09:00:00-07:00');
  });

  it('Veterans Day (Wed 2026-11-11) is open: Tue 16:00 PST + 240 min -> Wed 08:00', () => {
    // 2 h on Tuesday (16-18), Wednesday 06:00 + 2 h.
    const a = assess({ ...us, openedAt: '2026-11-10T16:00:00-08:00' });
    expect(iso(a.deadline, LA)).toBe('2026-11-11T08:00:00-08:00');
  });

  it('MLK Day and Labor Day stay closed', () => {
    // Fri 2026-01-16 17:00 PST: 1 h Friday, Monday 01-19 closed, Tuesday 06:00 + 3 h.
    expect(iso(assess({ ...us, openedAt: '2026-01-16T17:00:00-08:00' }).deadline, LA)).toBe(
      '2026-01-20T09:00:00-08:00',
    );
    // Fri 2026-09-04 17:00 PDT: 1 h Friday, Monday 09-07 (Labor Day) closed, Tuesday 06:00 + 3 h.
    expect(iso(assess({ ...us, openedAt: '2026-09-04T17:00:00-07:00' }).deadline, LA)).toBe(
      '2026-09-08T09:00:00-07:00',
    );
  });
});

describe('section 11: China keeps Beijing time', () => {
  it('CN without a time zone runs on Asia/Shanghai hours (not time_zone_required for Asia/Urumqi)', () => {
    // Monday 2023-03-06 18:36 Beijing (10:36Z) is after closing: Tuesday 09:00-17:00 is 480 minutes.
    const a = assess({ plan: 'developer', severity: 'C', country: 'CN', openedAt: '2023-03-06T10:36:50Z' });
    expect(a.timeZone).toBe('Asia/Shanghai');
    expect(iso(a.deadline, 'Asia/Shanghai')).toBe('2023-03-07T17:00:00+08:00');
    // A customer who gives Asia/Urumqi still gets Beijing hours, shown in their zone.
    const urumqi = assess({
      plan: 'developer',
      severity: 'C',
      country: 'CN',
      timeZone: 'Asia/Urumqi',
      openedAt: '2023-03-06T10:36:50Z',
    });
    expect(urumqi.timeZone).toBe('Asia/Urumqi');
    expect(urumqi.deadline).toBe(a.deadline);
  });
});
