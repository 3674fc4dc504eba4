// The Excel sheets of each report: the same figures as the JSON, Chinese headers, numbers as
// numbers (shares and rates as fractions with a percentage format).
import { KPI_RATES, type KpiRate } from '../domain/report-kpis.ts';
import type { Distribution } from './category-distribution.ts';
import type { HeatCell } from './heatmap.ts';
import type { KpiReport } from './kpis.ts';
import type { Trend } from './trend.ts';
import type { Sheet, SheetColumn } from './xlsx.ts';

const COUNT = '#,##0';
const PERCENT = '0.0%';
const DECIMAL = '0.00';

interface Period {
  from: string;
  to: string;
}

function periodSheet(p: Period, extra: [string, string | number][] = []): Sheet {
  return {
    name: '说明',
    columns: [
      { header: '项目', key: 'k', width: 16 },
      { header: '内容', key: 'v', width: 40 },
    ],
    rows: [{ k: '开始日期', v: p.from }, { k: '结束日期', v: p.to }, ...extra.map(([k, v]) => ({ k, v }))],
  };
}

export function distributionSheets(r: Distribution & Period): Sheet[] {
  return [
    {
      name: '类别分布',
      columns: [
        { header: '类别', key: 'name', width: 24 },
        { header: '投诉量', key: 'count', numFmt: COUNT },
        { header: '占比', key: 'share', numFmt: PERCENT },
      ],
      rows: [
        ...r.rows.map((x) => ({ name: x.name, count: x.count, share: x.share })),
        { name: '合计', count: r.total, share: r.total > 0 ? 1 : 0 },
      ],
    },
    periodSheet(r),
  ];
}

export function trendSheets(r: Trend & Period & { interval: string }): Sheet[] {
  const interval =
    ({ day: '日', week: '周', month: '月' } as Record<string, string>)[r.interval] ?? r.interval;
  return [
    {
      name: '投诉趋势',
      columns: [
        { header: '周期', key: 'period', width: 12 },
        { header: '开始日期', key: 'from', width: 12 },
        { header: '结束日期', key: 'to', width: 12 },
        { header: '投诉量', key: 'count', numFmt: COUNT },
        { header: '上期', key: 'previous', numFmt: COUNT },
        { header: '环比增长', key: 'growth', numFmt: PERCENT },
        { header: '去年同期', key: 'lastYear', numFmt: COUNT },
        { header: '同比增长', key: 'yoy', numFmt: PERCENT },
        { header: '投诉率(每万)', key: 'ratio', numFmt: DECIMAL, width: 14 },
      ],
      rows: r.points.map((p) => ({ ...p })),
    },
    periodSheet(r, [
      ['周期', interval],
      ['合计', r.total],
    ]),
  ];
}

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export function heatmapSheets(r: { cells: HeatCell[]; total: number } & Period): Sheet[] {
  const columns: SheetColumn[] = [{ header: '时段', key: 'hour', width: 10 }];
  WEEKDAYS.forEach((w, i) => {
    columns.push({ header: w, key: `d${i + 1}`, numFmt: COUNT });
  });
  const rows = Array.from({ length: 24 }, (_, hour) => {
    const row: Record<string, string | number> = { hour: `${String(hour).padStart(2, '0')}:00` };
    for (const c of r.cells) if (c.hour === hour) row[`d${c.weekday}`] = c.count;
    return row;
  });
  return [{ name: '来电时段', columns, rows }, periodSheet(r, [['合计', r.total]])];
}

export const RATE_HEADERS: Record<KpiRate, string> = {
  frontlineResolution: '一线解决率',
  escalationRate: '升级率',
  justifiedShare: '升级合理率',
  repeatRate: '重复投诉率',
  replyCompliance: '答复及时率',
  resolutionCompliance: '办结及时率',
  reopenRate: '重开率',
};

const GROUP_HEADERS: Record<string, string> = {
  all: '范围',
  team: '班组',
  owner: '首问人',
  department: '责任部门',
  category: '类别',
};

/** The figures of one KPI line, as a row of the KPI sheets (reports and summaries). */
export interface KpiFigures {
  received: number;
  closed: number;
  frontline: number;
  escalated: number;
  repeats: number;
  major: number;
  crisis: number;
  reopened: number;
  rates: Record<KpiRate, number | null>;
  avgResolveHours: number | null;
  p90ResolveHours: number | null;
  seriousAvgResolveHours: number | null;
}

/** The KPI sheet's columns after the first (the group's name). */
export function kpiColumns(first: string, firstWidth: number): SheetColumn[] {
  return [
    { header: first, key: 'name', width: firstWidth },
    { header: '受理量', key: 'received', numFmt: COUNT },
    { header: '结案量', key: 'closed', numFmt: COUNT },
    { header: '一线结案', key: 'frontline', numFmt: COUNT },
    { header: '升级量', key: 'escalated', numFmt: COUNT },
    { header: '重复投诉', key: 'repeats', numFmt: COUNT },
    { header: '重大投诉', key: 'major', numFmt: COUNT },
    { header: '危机投诉', key: 'crisis', numFmt: COUNT },
    { header: '重开量', key: 'reopened', numFmt: COUNT },
    ...KPI_RATES.map((k) => ({ header: RATE_HEADERS[k], key: k, numFmt: PERCENT, width: 12 })),
    { header: '平均办结时长(小时)', key: 'avgResolveHours', numFmt: DECIMAL, width: 18 },
    { header: 'P90办结时长(小时)', key: 'p90ResolveHours', numFmt: DECIMAL, width: 18 },
    { header: '重大/危机平均办结时长(小时)', key: 'seriousAvgResolveHours', numFmt: DECIMAL, width: 26 },
  ];
}

export function kpiCells(x: KpiFigures): Record<string, number | null> {
  return {
    received: x.received,
    closed: x.closed,
    frontline: x.frontline,
    escalated: x.escalated,
    repeats: x.repeats,
    major: x.major,
    crisis: x.crisis,
    reopened: x.reopened,
    ...x.rates,
    avgResolveHours: x.avgResolveHours,
    p90ResolveHours: x.p90ResolveHours,
    seriousAvgResolveHours: x.seriousAvgResolveHours,
  };
}

export function kpiSheets(r: KpiReport & Period): Sheet[] {
  const columns = kpiColumns(GROUP_HEADERS[r.groupBy] ?? '分组', 20);
  const rows = r.rows.map((x) => ({
    name: x.name ?? (r.groupBy === 'all' ? '全部' : '（无）'),
    ...kpiCells(x),
  }));
  const targets: Sheet = {
    name: '目标',
    columns: [
      { header: '指标', key: 'k', width: 16 },
      { header: '目标', key: 'v', numFmt: PERCENT },
    ],
    rows: KPI_RATES.map((k) => ({ k: RATE_HEADERS[k], v: r.targets[k] })),
  };
  return [{ name: '投诉管理指标', columns, rows }, targets, periodSheet(r)];
}
