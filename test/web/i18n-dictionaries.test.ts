// The two dictionaries: same keys, same placeholders, no empty text, every key the UI asks for,
// a label for every vocabulary value, and the domain's wording rules (补偿, never 赔偿).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPENSATION_STATUSES, COMPENSATION_TYPES } from '../../src/domain/compensation.ts';
import { stageOf } from '../../src/domain/complaint-lifecycle.ts';
import { customerFlags } from '../../src/domain/customer-flags.ts';
import { ESCALATION_KINDS, ESCALATION_REASONS, ESCALATION_REVIEWS } from '../../src/domain/escalation.ts';
import {
  CAUSES,
  CHANNELS,
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CUSTOMER_MOTIVES,
  CUSTOMER_TYPES,
  DEMAND_STATUSES,
  DEMAND_TYPES,
  DISSATISFACTION_LEVELS,
  RESOLUTION_CLASSES,
  ROLES,
  SEVERITIES,
} from '../../src/domain/vocabulary.ts';
import { enUS } from '../../web/src/i18n/en-US.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { SCOPES } from '../../web/src/lib/list-filters.ts';
import { NOTIFICATION_KINDS } from '../../web/src/lib/notifications.ts';
import { WORK_ORDER_OUTCOMES, WORK_ORDER_STATES } from '../../web/src/lib/work-orders.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

type Leaf = string | string[];
const DICTS = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const WEB_SRC = join(import.meta.dirname, '../../web/src');

/** Every leaf of a dictionary by its dotted path; string lists are leaves. */
function leaves(node: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (typeof node === 'string' || Array.isArray(node)) out.set(prefix, node as Leaf);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(node) as Leaf);
  return out;
}
const ZH = leaves(zhCN);
const EN = leaves(enUS);

function lookup(dict: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as never)[k] : undefined), dict);
}

const isLeaf = (v: unknown) => typeof v === 'string' || Array.isArray(v);

const placeholders = (v: Leaf) =>
  [...new Set([v].flat().flatMap((s) => [...s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1])))].sort();

describe('the two dictionaries have the same shape', () => {
  it('the same key paths', () => {
    expect(ZH.size).toBeGreaterThan(300);
    expect([...EN.keys()].sort()).toEqual([...ZH.keys()].sort());
  });

  it('each key is text in both or a list in both', () => {
    for (const [path, zh] of ZH) {
      expect(Array.isArray(EN.get(path)), path).toBe(Array.isArray(zh));
    }
  });

  it.each(Object.entries({ 'zh-CN': ZH, 'en-US': EN }))('%s: no empty text, no empty list', (_, map) => {
    for (const [path, v] of map) {
      expect(typeof v === 'string' || Array.isArray(v), path).toBe(true);
      if (Array.isArray(v)) {
        expect(v.length, path).toBeGreaterThan(0);
        for (const item of v) expect(typeof item === 'string' && item.trim().length > 0, path).toBe(true);
      } else {
        expect(v.trim(), path).not.toBe('');
      }
    }
  });

  it('the same {{placeholders}} for every key', () => {
    for (const [path, zh] of ZH) {
      expect(placeholders(EN.get(path) ?? ''), path).toEqual(placeholders(zh));
    }
  });

  it.each(Object.entries({ 'zh-CN': ZH, 'en-US': EN }))('%s: placeholders are well formed', (_, map) => {
    for (const [path, v] of map) {
      for (const s of [v].flat()) {
        const rest = s.replace(/\{\{[a-zA-Z]\w*\}\}/g, '');
        expect(rest, path).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('the lists the guide shows exist in both languages', () => {
    for (const path of ['guide.clear', 'guide.sixSteps', 'guide.stages.accept.items']) {
      expect(Array.isArray(ZH.get(path)), path).toBe(true);
    }
  });
});

describe('every key the workbench asks for exists', () => {
  const files = readdirSync(WEB_SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('i18n'))
    .map((f) => ({ name: f, src: readFileSync(join(WEB_SRC, f), 'utf8') }));

  /** Literal keys given to t(…) / i18n.t(…): a literal first argument, or both arms of a ?: there. */
  const LITERAL = /^(['`])([^'`$\n]*)\1$/;
  const TERNARY = /\?\s*(['`])([^'`$\n]*)\1\s*:\s*(['`])([^'`$\n]*)\3$/;
  const called = files.flatMap(({ name, src }) =>
    [...src.matchAll(/\bt\(\s*([^,)]*)/g)].flatMap((m) => {
      const arg = (m[1] ?? '').trim();
      const lit = LITERAL.exec(arg);
      const alt = TERNARY.exec(arg);
      const keys = lit ? [lit[2]] : alt ? [alt[2], alt[4]] : [];
      return keys.map((key) => ({ name, key: key ?? '' }));
    }),
  );

  it('the scan finds the calls', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(called.length).toBeGreaterThan(150);
    expect(called).toContainEqual({ name: join('pages', 'IntakePage.tsx'), key: 'intake.savedNew' });
    expect(called).toContainEqual({ name: join('pages', 'IntakePage.tsx'), key: 'intake.created' });
    expect(called.filter((c) => !/^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/.test(c.key))).toEqual([]);
  });

  it('t("…") with a literal key: the key is text (or a list) in zh-CN', () => {
    const missing = called.filter(({ key }) => !isLeaf(lookup(zhCN, key)));
    expect(missing).toEqual([]);
  });

  // Timeline event names look like keys but are compared, not translated.
  const AUDIT_ACTIONS =
    /^(complaint\.(created|accept|start|resolve|close|reopen|withdraw|updated|transferred|paused|resumed|escalated|returned|taken_over|difficult_caller|analysed)|demand\.(added|updated)|contact\.logged|(deadline|commitment|escalation|work_order|compensation)\.[a-z_]+)$/;

  it('any other key-like literal (label maps, missing-item keys) exists too', () => {
    const ns = Object.keys(zhCN).join('|');
    const re = new RegExp(`(['\`])((?:${ns})\\.[A-Za-z0-9_.]+)\\1`, 'g');
    const missing = files.flatMap(({ name, src }) =>
      [...src.matchAll(re)]
        .map((m) => m[2] ?? '')
        .filter((key) => !AUDIT_ACTIONS.test(key) && !isLeaf(lookup(zhCN, key)))
        .map((key) => `${relative(WEB_SRC, join(WEB_SRC, name))}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('every vocabulary value has a label in both languages', () => {
  const VOCABULARIES: [string, readonly string[]][] = [
    ['status', COMPLAINT_STATUSES],
    ['severity', SEVERITIES],
    ['channel', CHANNELS],
    ['demandType', DEMAND_TYPES],
    ['demandStatus', DEMAND_STATUSES],
    ['customerType', CUSTOMER_TYPES],
    ['customerMotive', CUSTOMER_MOTIVES],
    ['dissatisfaction', DISSATISFACTION_LEVELS],
    ['resolutionClass', RESOLUTION_CLASSES],
    ['contactPurpose', CONTACT_PURPOSES],
    ['contactOutcome', CONTACT_OUTCOMES],
    ['contactDirection', CONTACT_DIRECTIONS],
    ['roles', ROLES],
    ['actions', COMPLAINT_ACTIONS],
    ['list.scope', SCOPES],
    ['stage', [...new Set(COMPLAINT_STATUSES.map(stageOf))]],
    ['guide.advice', CUSTOMER_TYPES],
    ['escalationReason', ESCALATION_REASONS],
    ['escalation.reasonHelp', ESCALATION_REASONS],
    ['escalationKind', ESCALATION_KINDS],
    ['escalationReview', ESCALATION_REVIEWS],
    ['tierLevel', ['1', '2', '3']],
    ['workOrderOutcome', WORK_ORDER_OUTCOMES],
    ['workOrderState', WORK_ORDER_STATES],
    ['workOrderStatus', ['open', 'answered', 'cancelled']],
    ['compensationType', COMPENSATION_TYPES],
    ['compensationStatus', COMPENSATION_STATUSES],
    ['analysis.causes', CAUSES],
    // A decision reads as approved or refused (two sentences of their own).
    ['notifications.kinds', NOTIFICATION_KINDS.filter((k) => k !== 'compensation_decided')],
  ];

  it.each(
    VOCABULARIES.flatMap(([ns, values]) => Object.keys(DICTS).map((lang) => [ns, lang, values] as const)),
  )('%s in %s', (ns, lang, values) => {
    const dict = DICTS[lang as keyof typeof DICTS];
    for (const v of values) {
      const label = lookup(dict, `${ns}.${v}`);
      expect(typeof label === 'string' && label.trim() !== '', `${ns}.${v}`).toBe(true);
    }
  });

  it('labels within a vocabulary are distinct (zh-CN)', () => {
    for (const [ns, values] of VOCABULARIES) {
      if (ns === 'guide.advice' || ns === 'actions') continue;
      const labels = values.map((v) => lookup(zhCN, `${ns}.${v}`));
      expect(new Set(labels).size, ns).toBe(values.length);
    }
  });

  it('each stage of the four-stage method has a guide title and steps', () => {
    for (const stage of new Set(COMPLAINT_STATUSES.map(stageOf))) {
      for (const dict of Object.values(DICTS)) {
        expect(typeof lookup(dict, `guide.stages.${stage}.title`)).toBe('string');
        expect((lookup(dict, `guide.stages.${stage}.items`) as string[]).length).toBeGreaterThan(0);
      }
    }
  });
});

describe('customer flags read with their own values', () => {
  let zh: Translate;
  let en: Translate;
  beforeAll(async () => {
    zh = translator(await makeI18n('zh-CN'));
    en = translator(await makeI18n('en-US'));
  });
  const flags = customerFlags({
    vipLevel: 3,
    tags: ['媒体记者'],
    recentComplaints: 4,
    repeatComplaints: 2,
    openComplaints: 2,
    maliciousJudgements: 1,
  });

  it('every flag the server computes has a sentence using only values the flag carries', () => {
    expect(flags.map((f) => f.code)).toEqual([
      'vip',
      'tagged',
      'repeat_caller',
      'repeat_complaint',
      'open_complaints',
      'previous_malicious_judgement',
    ]);
    for (const flag of flags) {
      for (const map of [ZH, EN]) {
        const text = map.get(`customer.flags.${flag.code}`);
        expect(text, flag.code).toBeTypeOf('string');
        for (const p of placeholders(text ?? ''))
          expect(Object.keys(flag), `${flag.code} {{${p}}}`).toContain(p);
      }
    }
  });

  it('in Chinese', () => {
    expect(flags.map((f) => zh(`customer.flags.${f.code}`, { ...f }))).toEqual([
      'VIP 3 级客户',
      '标签：媒体记者',
      '重复来电：近 90 天 4 次投诉',
      '重复投诉 2 件（同类问题短期内再次投诉）',
      '有 2 件投诉尚未结案',
      '曾有投诉被判定为恶意索赔型（仍需先核实事实）',
    ]);
    expect(en('customer.flags.repeat_caller', { count: 4, days: 90 })).toBe(
      'Repeat caller: 4 complaints in 90 days',
    );
  });
});

describe('wording: 补偿, never 赔偿', () => {
  const EXPLAINS = 'guide.advice.malicious_claim';

  it.each(Object.entries({ 'zh-CN': ZH, 'en-US': EN }))(
    '%s says 赔偿 only where it says not to',
    (_, map) => {
      const withWord = [...map].filter(([, v]) => [v].flat().some((s) => s.includes('赔偿'))).map(([k]) => k);
      expect(withWord).toEqual([EXPLAINS]);
    },
  );

  it('that sentence recommends 补偿 and rejects 赔偿', () => {
    expect(ZH.get(EXPLAINS)).toContain('只说“补偿”，不说“赔偿”');
    expect(EN.get(EXPLAINS)).toMatch(/say 补偿 .*never 赔偿/);
  });

  it('the compensation demand is called 补偿', () => {
    expect(zhCN.demandType.compensation).toBe('补偿');
  });

  it('no component or page says 赔偿 outside the dictionaries', () => {
    const offenders = readdirSync(WEB_SRC, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(tsx?|css|html)$/.test(f) && !f.startsWith('i18n'))
      .filter((f) => readFileSync(join(WEB_SRC, f), 'utf8').includes('赔偿'));
    expect(offenders).toEqual([]);
  });
});
