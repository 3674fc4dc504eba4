// One periodic summary as a document: the headline, the key figures, the category distribution at
// two levels, the trend, the KPIs overall and by team, the rising categories and the alerts.
// Plain tables, so that it prints cleanly (summary-document.css: A4, a header on every page, rows
// never split).
import { useTranslation } from 'react-i18next';
import type { Summary, SummaryContent } from '../../api/summary-queries.ts';
import {
  barWidths,
  change,
  count,
  growth,
  hours,
  meetsTarget,
  percent,
  zonedDateTime,
} from '../../lib/summaries.ts';
import './summary-document.css';

type Content = SummaryContent;
type CategoryTable = Content['categories']['level1'];
type KpiLine = NonNullable<Content['kpis']['overall']>;

const RATES = [
  'frontlineResolution',
  'escalationRate',
  'justifiedShare',
  'repeatRate',
  'replyCompliance',
  'resolutionCompliance',
  'reopenRate',
] as const;

function useNames() {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return {
    en,
    name: (r: { name: string; nameEn: string | null }) => (en ? (r.nameEn ?? r.name) : r.name),
  };
}

function Delta({ n, g }: { n: number; g: number | null }) {
  const cls = n > 0 ? 'tousu-doc-up' : n < 0 ? 'tousu-doc-down' : undefined;
  return (
    <span className={cls}>
      {change(n)}
      {g !== null ? ` (${growth(g)})` : ''}
    </span>
  );
}

function Figures({ c }: { c: Content }) {
  const { t } = useTranslation();
  const o = c.kpis.overall;
  const figure = (label: string, value: string, sub?: string) => (
    <div className="tousu-doc-figure">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {sub ? <div className="sub">{sub}</div> : null}
    </div>
  );
  return (
    <div className="tousu-doc-figures" data-testid="summary-figures">
      {figure(
        t('summaries.figures.total'),
        count(c.total.count),
        t('summaries.figures.previous', { count: count(c.total.previous) }),
      )}
      {figure(t('summaries.figures.change'), change(c.total.change), growth(c.total.growth))}
      {figure(t('summaries.rates.frontlineResolution'), percent(o?.rates.frontlineResolution))}
      {c.alerts
        ? figure(t('summaries.figures.alerts'), count(c.alerts.count))
        : figure(t('summaries.rates.escalationRate'), percent(o?.rates.escalationRate))}
    </div>
  );
}

function Categories({ title, table }: { title: string; table: CategoryTable }) {
  const { t } = useTranslation();
  const { name } = useNames();
  const bars = barWidths(table.rows.map((r) => r.count));
  return (
    <section className="tousu-doc-section">
      <h2>{title}</h2>
      {table.total === 0 ? (
        <p>{t('summaries.noData')}</p>
      ) : (
        <table className="tousu-doc-table">
          <thead>
            <tr>
              <th>{t('summaries.table.rank')}</th>
              <th>{t('summaries.table.category')}</th>
              <th className="num">{t('summaries.table.count')}</th>
              <th className="num">{t('summaries.table.share')}</th>
              <th style={{ width: '22%' }} />
              <th className="num">{t('summaries.table.previous')}</th>
              <th className="num">{t('summaries.table.change')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={r.categoryId ?? 'none'}>
                <td>{i + 1}</td>
                <td>{name(r)}</td>
                <td className="num">{count(r.count)}</td>
                <td className="num">{percent(r.share)}</td>
                <td>
                  <span className="tousu-doc-bar" style={{ width: `${bars[i] ?? 0}%` }} />
                </td>
                <td className="num">{count(r.previous)}</td>
                <td className="num">
                  <Delta n={r.change} g={r.growth} />
                </td>
              </tr>
            ))}
            {table.rest ? (
              <tr>
                <td />
                <td>{t('summaries.rest', { n: table.rest.categories })}</td>
                <td className="num">{count(table.rest.count)}</td>
                <td className="num">{percent(table.rest.share)}</td>
                <td colSpan={3} />
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <td>{t('summaries.total')}</td>
              <td className="num">{count(table.total)}</td>
              <td className="num">{percent(1)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function Trend({ c }: { c: Content }) {
  const { t } = useTranslation();
  const bars = barWidths(c.trend.points.map((p) => p.count));
  return (
    <section className="tousu-doc-section">
      <h2>
        {c.trend.interval === 'week' ? t('summaries.sections.trendWeek') : t('summaries.sections.trendDay')}
      </h2>
      <table className="tousu-doc-table" data-testid="summary-trend">
        <thead>
          <tr>
            <th>{t('summaries.table.period')}</th>
            <th className="num">{t('summaries.table.count')}</th>
            <th style={{ width: '40%' }} />
            <th className="num">{t('summaries.table.growth')}</th>
          </tr>
        </thead>
        <tbody>
          {c.trend.points.map((p, i) => (
            <tr key={p.period}>
              <td>
                {c.trend.interval === 'day'
                  ? p.from
                  : `${p.period}（${p.from.slice(5)}${p.to === p.from ? '' : `–${p.to.slice(5)}`}）`}
              </td>
              <td className="num">{count(p.count)}</td>
              <td>
                <span className="tousu-doc-bar" style={{ width: `${bars[i] ?? 0}%` }} />
              </td>
              <td className="num">{growth(p.growth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Kpis({ c }: { c: Content }) {
  const { t } = useTranslation();
  const o = c.kpis.overall;
  return (
    <section className="tousu-doc-section">
      <h2>{t('summaries.sections.kpis')}</h2>
      <table className="tousu-doc-table" data-testid="summary-kpis">
        <thead>
          <tr>
            <th>{t('summaries.table.indicator')}</th>
            <th className="num">{t('summaries.table.actual')}</th>
            <th className="num">{t('summaries.table.target')}</th>
            <th>{t('summaries.table.met')}</th>
          </tr>
        </thead>
        <tbody>
          {RATES.map((k) => {
            const value = o?.rates[k] ?? null;
            const target = c.kpis.targets[k];
            const met = meetsTarget(k, value, target);
            return (
              <tr key={k}>
                <td>{t(`summaries.rates.${k}`)}</td>
                <td className="num">{percent(value)}</td>
                <td className="num">{percent(target)}</td>
                <td className={met === false ? 'tousu-doc-up' : undefined}>
                  {met === null ? '—' : met ? t('summaries.yes') : t('summaries.no')}
                </td>
              </tr>
            );
          })}
          <tr>
            <td>{t('summaries.table.avgHours')}</td>
            <td className="num">{hours(o?.avgResolveHours)}</td>
            <td colSpan={2} />
          </tr>
          <tr>
            <td>{t('summaries.table.p90Hours')}</td>
            <td className="num">{hours(o?.p90ResolveHours)}</td>
            <td colSpan={2} />
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function Teams({ rows }: { rows: KpiLine[] }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <section className="tousu-doc-section">
      <h2>{t('summaries.sections.teams')}</h2>
      <table className="tousu-doc-table" data-testid="summary-teams">
        <thead>
          <tr>
            <th>{t('summaries.table.team')}</th>
            <th className="num">{t('summaries.table.received')}</th>
            <th className="num">{t('summaries.table.closed')}</th>
            <th className="num">{t('summaries.rates.frontlineResolution')}</th>
            <th className="num">{t('summaries.rates.escalationRate')}</th>
            <th className="num">{t('summaries.rates.replyCompliance')}</th>
            <th className="num">{t('summaries.rates.reopenRate')}</th>
            <th className="num">{t('summaries.table.avgHours')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? 'none'}>
              <td>{r.name ?? t('summaries.noTeam')}</td>
              <td className="num">{count(r.received)}</td>
              <td className="num">{count(r.closed)}</td>
              <td className="num">{percent(r.rates.frontlineResolution)}</td>
              <td className="num">{percent(r.rates.escalationRate)}</td>
              <td className="num">{percent(r.rates.replyCompliance)}</td>
              <td className="num">{percent(r.rates.reopenRate)}</td>
              <td className="num">{hours(r.avgResolveHours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Rising({ c }: { c: Content }) {
  const { t } = useTranslation();
  const { name } = useNames();
  return (
    <section className="tousu-doc-section">
      <h2>{t('summaries.sections.rising')}</h2>
      {c.rising.length === 0 ? (
        <p>{t('summaries.noRising')}</p>
      ) : (
        <table className="tousu-doc-table">
          <thead>
            <tr>
              <th>{t('summaries.table.category')}</th>
              <th className="num">{t('summaries.table.count')}</th>
              <th className="num">{t('summaries.table.previous')}</th>
              <th className="num">{t('summaries.table.change')}</th>
            </tr>
          </thead>
          <tbody>
            {c.rising.map((r) => (
              <tr key={r.categoryId ?? 'none'}>
                <td>{name(r)}</td>
                <td className="num">{count(r.count)}</td>
                <td className="num">{count(r.previous)}</td>
                <td className="num">
                  <Delta n={r.change} g={r.growth} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Alerts({ c }: { c: Content }) {
  const { t } = useTranslation();
  if (!c.alerts) return null;
  return (
    <section className="tousu-doc-section">
      <h2>{t('summaries.sections.alerts')}</h2>
      {c.alerts.items.length === 0 ? (
        <p>{t('summaries.noAlerts')}</p>
      ) : (
        <table className="tousu-doc-table">
          <thead>
            <tr>
              <th>{t('summaries.table.day')}</th>
              <th>{t('summaries.table.kind')}</th>
              <th>{t('summaries.table.subject')}</th>
              <th className="num">{t('summaries.table.observed')}</th>
              <th className="num">{t('summaries.table.expected')}</th>
              <th>{t('summaries.table.acknowledged')}</th>
            </tr>
          </thead>
          <tbody>
            {c.alerts.items.map((a) => (
              <tr key={a.id}>
                <td>{a.day}</td>
                <td>
                  {a.kind === 'volume_spike' || a.kind === 'new_product'
                    ? t(`summaries.alertKinds.${a.kind}`)
                    : a.kind}
                </td>
                <td>{a.subjectName}</td>
                <td className="num">{count(a.observed)}</td>
                <td className="num">{a.expected.toFixed(1)}</td>
                <td>{a.acknowledged ? t('summaries.yes') : t('summaries.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SummaryDocument({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const { en } = useNames();
  const c = summary.content;
  const label = en ? c.label.en : c.label.zh;
  const title = t(`summaries.docTitle.${summary.kind}`);
  const made = t('summaries.generatedAt', {
    at: zonedDateTime(summary.generatedAt, summary.timeZone),
    zone: summary.timeZone,
  });
  return (
    <article className="tousu-doc" data-testid="summary-document">
      <table className="tousu-doc-frame">
        <thead>
          <tr>
            <td className="tousu-doc-frame-cell">
              <div className="tousu-doc-running">
                {title} · {label} · {made}
              </div>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="tousu-doc-frame-cell">
              <header>
                <h1>
                  {title} · {label}
                </h1>
                <div className="tousu-doc-meta">
                  {t('summaries.periodRange', { start: summary.periodStart, end: summary.periodEnd })} ·{' '}
                  {made}
                  {summary.generatedBy
                    ? ` · ${t('summaries.byPerson', { name: summary.generatedBy.name ?? '' })}`
                    : ''}
                </div>
              </header>
              <p className="tousu-doc-headline" data-testid="summary-headline">
                {en ? c.headline.en : c.headline.zh}
              </p>
              <Figures c={c} />
              <Categories title={t('summaries.sections.level1')} table={c.categories.level1} />
              <Categories title={t('summaries.sections.level2')} table={c.categories.level2} />
              <Trend c={c} />
              <Kpis c={c} />
              <Teams rows={c.kpis.byTeam} />
              <Rising c={c} />
              <Alerts c={c} />
              <p className="tousu-doc-note">{t('summaries.asOf')}</p>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
