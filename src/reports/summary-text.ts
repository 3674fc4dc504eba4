// The words of a periodic summary, pure: the period's name and the headline paragraph stating the
// figures, in Chinese and English. Written once, when the summary is made, and stored with it.
import { addDays, isoWeekday, type SummaryKind, type SummaryPeriod } from '../domain/summary-periods.ts';

export type Language = 'zh' | 'en';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ymd = (day: string): Ymd => ({
  y: Number(day.slice(0, 4)),
  m: Number(day.slice(5, 7)),
  d: Number(day.slice(8, 10)),
});

/** The ISO 8601 week of a day: its year (the Thursday's) and number. */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear =
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${thursday.slice(0, 4)}-01-01T00:00:00Z`)) /
    86_400_000;
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

function zhDay(x: Ymd, withYear: boolean): string {
  return `${withYear ? `${x.y}年` : ''}${x.m}月${x.d}日`;
}

function enDay(x: Ymd, withMonth: boolean, withYear: boolean): string {
  return [x.d, withMonth ? MONTHS_EN[x.m - 1] : '', withYear ? x.y : ''].filter((s) => s !== '').join(' ');
}

/** The period's name: 2026年11月22日 / 22 November 2026, 2026年第47周（11月16日至11月22日） … */
export function periodLabel(p: SummaryPeriod, lang: Language): string {
  const a = ymd(p.start);
  const b = ymd(p.end);
  if (p.kind === 'day') return lang === 'zh' ? zhDay(a, true) : enDay(a, true, true);
  if (p.kind === 'month') return lang === 'zh' ? `${a.y}年${a.m}月` : `${MONTHS_EN[a.m - 1]} ${a.y}`;
  const { year, week } = isoWeek(p.start);
  const crossYear = a.y !== b.y;
  if (lang === 'zh') return `${year}年第${week}周（${zhDay(a, crossYear)}至${zhDay(b, crossYear)}）`;
  const span =
    a.m === b.m && !crossYear
      ? `${a.d}–${enDay(b, true, false)}`
      : `${enDay(a, true, crossYear)} – ${enDay(b, true, crossYear)}`;
  return `Week ${week} of ${year} (${span})`;
}

/** "The day before" and its kin, as the comparison names it. */
export const PREVIOUS_NAME: Record<SummaryKind, Record<Language, string>> = {
  day: { zh: '前一日', en: 'the day before' },
  week: { zh: '前一周', en: 'the week before' },
  month: { zh: '上月', en: 'the month before' },
};

/** 43.8%: a fraction as a percentage with one decimal. */
export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** +10.3% / -4.0%: a growth with its sign. */
export function signedPercent(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '-' : ''}${percent(Math.abs(x))}`;
}

/** 12,345: a count with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export interface HeadlineFacts {
  kind: SummaryKind;
  label: Record<Language, string>;
  total: { count: number; previous: number; change: number; growth: number | null };
  top: { name: string; nameEn: string | null; count: number; share: number } | null;
  rising: { name: string; nameEn: string | null; change: number } | null;
  rates: {
    frontlineResolution: number | null;
    escalationRate: number | null;
    replyCompliance: number | null;
  };
  /** Alerts raised in the period; null when alerts are not kept. */
  alerts: number | null;
}

function comparisonZh(f: HeadlineFacts): string {
  const prev = PREVIOUS_NAME[f.kind].zh;
  const { count: n, previous, change, growth } = f.total;
  if (previous === 0) return n === 0 ? `，${prev}也没有` : `，${prev}没有投诉`;
  const pct = growth === null ? '' : `（${signedPercent(growth)}）`;
  if (change > 0) return `，较${prev}增加 ${count(change)} 件${pct}`;
  if (change < 0) return `，较${prev}减少 ${count(-change)} 件${pct}`;
  return `，与${prev}持平`;
}

function comparisonEn(f: HeadlineFacts): string {
  const prev = PREVIOUS_NAME[f.kind].en;
  const { count: n, previous, change, growth } = f.total;
  if (previous === 0) return n === 0 ? `, nor ${prev}` : `; there were none ${prev}`;
  const pct = growth === null ? '' : ` (${signedPercent(growth)})`;
  if (change > 0) return `, ${count(change)} more than ${prev}${pct}`;
  if (change < 0) return `, ${count(-change)} fewer than ${prev}${pct}`;
  return `, the same as ${prev}`;
}

const RATE_WORDS = {
  frontlineResolution: { zh: '一线解决率', en: 'front-line resolution' },
  escalationRate: { zh: '升级率', en: 'escalation rate' },
  replyCompliance: { zh: '答复及时率', en: 'replies on time' },
} as const;

function rateParts(f: HeadlineFacts, lang: Language): string[] {
  return (Object.keys(RATE_WORDS) as (keyof typeof RATE_WORDS)[]).flatMap((k) => {
    const v = f.rates[k];
    return v === null ? [] : [`${RATE_WORDS[k][lang]} ${percent(v)}`];
  });
}

/** The headline paragraph in Chinese. */
export function headlineZh(f: HeadlineFacts): string {
  const n = f.total.count;
  const out = [`${f.label.zh}${n === 0 ? '没有受理投诉' : `共受理投诉 ${count(n)} 件`}${comparisonZh(f)}。`];
  if (n > 0 && f.top) {
    out.push(`最多的一级分类是「${f.top.name}」，${count(f.top.count)} 件，占 ${percent(f.top.share)}。`);
  }
  if (f.rising) out.push(`增加最多的是「${f.rising.name}」（+${count(f.rising.change)} 件）。`);
  const rates = rateParts(f, 'zh');
  if (rates.length) out.push(`${rates.join('，')}。`);
  if (f.alerts !== null) out.push(f.alerts > 0 ? `期间产生预警 ${count(f.alerts)} 条。` : '期间没有预警。');
  return out.join('');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The headline paragraph in English. */
export function headlineEn(f: HeadlineFacts): string {
  const n = f.total.count;
  const received =
    n === 0 ? 'no complaints were received' : `${count(n)} complaint${n === 1 ? ' was' : 's were'} received`;
  const out = [`${f.label.en}: ${received}${comparisonEn(f)}.`];
  if (n > 0 && f.top) {
    const name = f.top.nameEn ?? f.top.name;
    out.push(`Largest top-level category: ${name} (${count(f.top.count)}, ${percent(f.top.share)}).`);
  }
  if (f.rising) out.push(`Biggest rise: ${f.rising.nameEn ?? f.rising.name} (+${count(f.rising.change)}).`);
  const rates = rateParts(f, 'en');
  if (rates.length) out.push(`${capitalise(rates.join(', '))}.`);
  if (f.alerts !== null) {
    out.push(
      f.alerts === 0
        ? 'No alerts were raised.'
        : `${count(f.alerts)} alert${f.alerts === 1 ? ' was' : 's were'} raised.`,
    );
  }
  return out.join(' ');
}
