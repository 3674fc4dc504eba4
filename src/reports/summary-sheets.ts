// A periodic summary as an Excel workbook, pure: one sheet per table, Chinese headers, numbers as
// numbers (shares, rates and growth as fractions with a percentage format), the same figures as
// the stored JSON.
import { kpiCells, kpiColumns } from './report-sheets.ts';
import type { CategoryTable, KpiLine, SummaryContent } from './summary-content.ts';
import type { Sheet, SheetColumn } from './xlsx.ts';

const COUNT = '#,##0';
const PERCENT = '0.0%';
const DECIMAL = '0.00';

const KIND_NAMES = { day: '日报', week: '周报', month: '月报' } as const;
const ALERT_KINDS: Record<string, string> = { volume_spike: '投诉量异常', new_product: '新产品首次投诉' };

/** The download's file name: 投诉日报_2026-11-22.xlsx, 投诉周报_2026-11-16_2026-11-22.xlsx … */
export function summaryFileName(c: Pick<SummaryContent, 'kind' | 'period'>): string {
  const span = c.kind === 'day' ? c.period.start : `${c.period.start}_${c.period.end}`;
  return `投诉${KIND_NAMES[c.kind]}_${span}.xlsx`;
}

function overviewSheet(c: SummaryContent, generatedAt: string): Sheet {
  return {
    name: '概况',
    columns: [
      { header: '周期', key: 'label', width: 34 },
      { header: '开始日期', key: 'start', width: 12 },
      { header: '结束日期', key: 'end', width: 12 },
      { header: '投诉量', key: 'count', numFmt: COUNT },
      { header: '上期投诉量', key: 'previous', numFmt: COUNT, width: 12 },
      { header: '增减(件)', key: 'change', numFmt: COUNT },
      { header: '环比增长', key: 'growth', numFmt: PERCENT },
      { header: '预警数', key: 'alerts', numFmt: COUNT },
      { header: '时区', key: 'timeZone', width: 16 },
      { header: '生成时间', key: 'generatedAt', width: 22 },
      { header: '摘要', key: 'headline', width: 80 },
    ],
    rows: [
      {
        label: c.label.zh,
        start: c.period.start,
        end: c.period.end,
        count: c.total.count,
        previous: c.total.previous,
        change: c.total.change,
        growth: c.total.growth,
        alerts: c.alerts?.count ?? null,
        timeZone: c.timeZone,
        generatedAt,
        headline: c.headline.zh,
      },
    ],
  };
}

const categoryColumns: SheetColumn[] = [
  { header: '排名', key: 'rank', width: 6 },
  { header: '类别', key: 'name', width: 24 },
  { header: '类别(英文)', key: 'nameEn', width: 24 },
  { header: '投诉量', key: 'count', numFmt: COUNT },
  { header: '占比', key: 'share', numFmt: PERCENT },
  { header: '上期', key: 'previous', numFmt: COUNT },
  { header: '增减(件)', key: 'change', numFmt: COUNT },
  { header: '环比增长', key: 'growth', numFmt: PERCENT },
];

function categorySheet(name: string, t: CategoryTable): Sheet {
  const rows: Record<string, string | number | null>[] = t.rows.map((r, i) => ({
    rank: i + 1,
    name: r.name,
    nameEn: r.nameEn,
    count: r.count,
    share: r.share,
    previous: r.previous,
    change: r.change,
    growth: r.growth,
  }));
  if (t.rest) {
    rows.push({
      rank: null,
      name: `其他（${t.rest.categories} 类）`,
      count: t.rest.count,
      share: t.rest.share,
    });
  }
  rows.push({ rank: null, name: '合计', count: t.total, share: t.total > 0 ? 1 : 0 });
  return { name, columns: categoryColumns, rows };
}

function kpiSheet(
  name: string,
  first: string,
  lines: { label: string; line: KpiLine }[],
  c: SummaryContent,
): Sheet {
  const columns = kpiColumns(first, 18);
  const rows: Record<string, string | number | null>[] = lines.map(({ label, line }) => ({
    name: label,
    ...kpiCells(line),
  }));
  if (first === '范围') rows.push({ name: '目标', ...c.kpis.targets });
  return { name, columns, rows };
}

/** The workbook's sheets: 概况, 一级类别, 二级类别, 趋势, 指标, 班组指标, 上升类别, and 预警 when alerts are kept. */
export function summarySheets(c: SummaryContent, generatedAt: string): Sheet[] {
  const sheets: Sheet[] = [
    overviewSheet(c, generatedAt),
    categorySheet('一级类别', c.categories.level1),
    categorySheet('二级类别', c.categories.level2),
    {
      name: c.trend.interval === 'week' ? '趋势(按周)' : '趋势(按日)',
      columns: [
        { header: '周期', key: 'period', width: 12 },
        { header: '开始日期', key: 'from', width: 12 },
        { header: '结束日期', key: 'to', width: 12 },
        { header: '投诉量', key: 'count', numFmt: COUNT },
        { header: '环比增长', key: 'growth', numFmt: PERCENT },
      ],
      rows: c.trend.points.map((p) => ({ ...p })),
    },
    kpiSheet('指标', '范围', c.kpis.overall ? [{ label: '全部', line: c.kpis.overall }] : [], c),
    kpiSheet(
      '班组指标',
      '班组',
      c.kpis.byTeam.map((line) => ({ label: line.name ?? '（无班组）', line })),
      c,
    ),
    {
      name: '上升类别',
      columns: [
        { header: '排名', key: 'rank', width: 6 },
        { header: '类别', key: 'name', width: 24 },
        { header: '类别(英文)', key: 'nameEn', width: 24 },
        { header: '本期', key: 'count', numFmt: COUNT },
        { header: '上期', key: 'previous', numFmt: COUNT },
        { header: '增加(件)', key: 'change', numFmt: COUNT },
        { header: '环比增长', key: 'growth', numFmt: PERCENT },
      ],
      rows: c.rising.map((r, i) => ({
        rank: i + 1,
        name: r.name,
        nameEn: r.nameEn,
        count: r.count,
        previous: r.previous,
        change: r.change,
        growth: r.growth,
      })),
    },
  ];
  if (c.alerts) {
    sheets.push({
      name: '预警',
      columns: [
        { header: '日期', key: 'day', width: 12 },
        { header: '类型', key: 'kind', width: 16 },
        { header: '对象', key: 'subject', width: 24 },
        { header: '当日投诉量', key: 'observed', numFmt: COUNT, width: 12 },
        { header: '基线日均', key: 'expected', numFmt: DECIMAL },
        { header: '已确认', key: 'acknowledged', width: 8 },
      ],
      rows: c.alerts.items.map((a) => ({
        day: a.day,
        kind: ALERT_KINDS[a.kind] ?? a.kind,
        subject: a.subjectName,
        observed: a.observed,
        expected: a.expected,
        acknowledged: a.acknowledged ? '是' : '否',
      })),
    });
  }
  return sheets;
}
