// Which time-limit policy applies to a complaint (src/domain/sla-policy.ts): conditions on
// severity, channel, the customer's VIP level and the category subtree; the first active match
// by priority, then by name; category paths from a child → parent map, cycles included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoryPath,
  choosePolicy,
  type PolicyFacts,
  policyMatches,
  type SlaPolicy,
} from '../../src/domain/sla-policy.ts';
import { CHANNELS, type Channel, SEVERITIES, type Severity } from '../../src/domain/vocabulary.ts';

function policy(name: string, priority: number, over: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id: `p-${name}`,
    name,
    priority,
    active: true,
    severities: null,
    categoryIds: null,
    channels: null,
    minVipLevel: null,
    calendarId: 'standard',
    targets: { reply: { workingDays: 3 } },
    warnPercent: 75,
    escalateOnBreach: false,
    ...over,
  };
}

/** 网络 > 宽带 > 断网, 网络 > 宽带 > 网速慢, 网络 > 手机信号; 账单 > 多收费. */
const PARENTS = new Map<string, string | null>([
  ['network', null],
  ['broadband', 'network'],
  ['outage', 'broadband'],
  ['slow', 'broadband'],
  ['mobile-signal', 'network'],
  ['billing', null],
  ['overcharge', 'billing'],
]);

function complaint(over: Partial<PolicyFacts> & { category?: string | null } = {}): PolicyFacts {
  const { category = null, ...rest } = over;
  return {
    severity: 'normal',
    categoryPath: categoryPath(category, PARENTS),
    channel: 'web',
    vipLevel: 0,
    ...rest,
  };
}

describe('categoryPath', () => {
  it.each([
    ['a leaf: itself, then its ancestors, nearest first', 'outage', ['outage', 'broadband', 'network']],
    ['a root', 'billing', ['billing']],
    ['uncategorised', null, []],
    ['an id the map does not know: itself only', 'unknown', ['unknown']],
    ['an empty id counts as none', '', []],
  ] as Array<[string, string | null, string[]]>)('%s', (_name, id, expected) => {
    expect(categoryPath(id, PARENTS)).toEqual(expected);
  });

  it.each([
    [
      'a two-step cycle',
      new Map([
        ['a', 'b'],
        ['b', 'a'],
      ]),
      'a',
      ['a', 'b'],
    ],
    ['a category that is its own parent', new Map([['a', 'a']]), 'a', ['a']],
    [
      'a cycle above the category',
      new Map([
        ['x', 'a'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
      'x',
      ['x', 'a', 'b', 'c'],
    ],
    ['a parent that is missing from the map', new Map([['a', 'ghost']]), 'a', ['a', 'ghost']],
  ] as Array<[string, Map<string, string | null>, string, string[]]>)(
    'terminates on %s',
    (_name, parents, id, expected) => {
      expect(categoryPath(id, parents)).toEqual(expected);
    },
  );

  it('a deep chain (2000 levels) is walked to the root', () => {
    const parents = new Map<string, string | null>([['c0', null]]);
    for (let i = 1; i < 2000; i++) parents.set(`c${i}`, `c${i - 1}`);
    const path = categoryPath('c1999', parents);
    expect(path).toHaveLength(2000);
    expect(path[0]).toBe('c1999');
    expect(path.at(-1)).toBe('c0');
  });

  it('property: on any parent map (cycles included) the path ends, has no repeats, and follows parents', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const parentMap = fc
      .array(fc.option(fc.constantFrom(...ids), { nil: null }), {
        minLength: ids.length,
        maxLength: ids.length,
      })
      .map((ps) => new Map(ids.map((id, i) => [id, ps[i] ?? null])));
    fc.assert(
      fc.property(parentMap, fc.constantFrom(...ids), (parents, start) => {
        const path = categoryPath(start, parents);
        expect(path[0]).toBe(start);
        expect(new Set(path).size).toBe(path.length);
        for (let i = 1; i < path.length; i++) expect(parents.get(path[i - 1] as string)).toBe(path[i]);
        // It stops at a root or where the next parent is already on the path.
        const next = parents.get(path.at(-1) as string) ?? null;
        expect(next === null || path.includes(next)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('policyMatches', () => {
  type Case = [string, Partial<SlaPolicy>, Parameters<typeof complaint>[0], boolean];
  const cases: Case[] = [
    [
      'no conditions: every complaint',
      {},
      { severity: 'crisis', channel: 'api', vipLevel: 9, category: 'outage' },
      true,
    ],
    ['inactive: never', { active: false }, {}, false],
    ['severity listed', { severities: ['major', 'crisis'] }, { severity: 'major' }, true],
    ['severity not listed', { severities: ['major', 'crisis'] }, { severity: 'normal' }, false],
    ['an empty severity list matches nothing', { severities: [] }, { severity: 'normal' }, false],
    ['channel listed', { channels: ['phone_in', 'walk_in'] }, { channel: 'walk_in' }, true],
    ['channel not listed', { channels: ['phone_in', 'walk_in'] }, { channel: 'web' }, false],
    ['VIP level below the minimum', { minVipLevel: 1 }, { vipLevel: 0 }, false],
    ['VIP level at the minimum', { minVipLevel: 1 }, { vipLevel: 1 }, true],
    ['VIP level above the minimum', { minVipLevel: 1 }, { vipLevel: 3 }, true],
    ['minimum VIP level 0: every customer', { minVipLevel: 0 }, { vipLevel: 0 }, true],
    ['the category itself', { categoryIds: ['broadband'] }, { category: 'broadband' }, true],
    ['a category in the subtree (grandchild)', { categoryIds: ['network'] }, { category: 'outage' }, true],
    ['a sibling subtree', { categoryIds: ['broadband'] }, { category: 'mobile-signal' }, false],
    [
      'the parent of the listed category is not in its subtree',
      { categoryIds: ['broadband'] },
      { category: 'network' },
      false,
    ],
    ['one of several listed categories', { categoryIds: ['billing', 'slow'] }, { category: 'slow' }, true],
    ['uncategorised, with a category condition', { categoryIds: ['network'] }, { category: null }, false],
    ['uncategorised, without a category condition', {}, { category: null }, true],
    [
      'all conditions hold',
      { severities: ['major'], channels: ['phone_in'], minVipLevel: 2, categoryIds: ['network'] },
      { severity: 'major', channel: 'phone_in', vipLevel: 2, category: 'slow' },
      true,
    ],
    [
      'one condition fails (channel): no match',
      { severities: ['major'], channels: ['phone_in'], minVipLevel: 2, categoryIds: ['network'] },
      { severity: 'major', channel: 'email', vipLevel: 2, category: 'slow' },
      false,
    ],
  ];

  it.each(cases)('%s', (_name, over, facts, expected) => {
    expect(policyMatches(policy('p', 1, over), complaint(facts))).toBe(expected);
  });
});

describe('choosePolicy', () => {
  // The seeded set (src/domain/default-sla.ts), plus a channel policy for the counter.
  const crisis = policy('crisis', 10, { severities: ['crisis'] });
  const major = policy('major', 20, { severities: ['major'] });
  const vip = policy('vip', 30, { minVipLevel: 1 });
  const counter = policy('counter', 40, { channels: ['walk_in'] });
  const normal = policy('normal', 100);
  const all = [normal, counter, vip, major, crisis];

  it.each([
    ['a crisis from a VIP: crisis (lowest number first)', { severity: 'crisis', vipLevel: 3 }, 'crisis'],
    ['a major complaint at the counter: major', { severity: 'major', channel: 'walk_in' }, 'major'],
    ['a normal complaint from a VIP: vip', { vipLevel: 2 }, 'vip'],
    ['a normal complaint at the counter: counter', { channel: 'walk_in' }, 'counter'],
    ['anything else: the catch-all', {}, 'normal'],
  ] as Array<[string, { severity?: Severity; vipLevel?: number; channel?: Channel }, string]>)(
    '%s',
    (_name, facts, expected) => {
      expect(choosePolicy(all, complaint(facts))?.name).toBe(expected);
    },
  );

  it('an inactive policy is skipped for the next match', () => {
    const policies = [{ ...crisis, active: false }, major, normal];
    expect(choosePolicy(policies, complaint({ severity: 'crisis' }))?.name).toBe('normal');
  });

  it('no match, or no policies: none', () => {
    expect(choosePolicy([crisis, major], complaint())).toBeUndefined();
    expect(choosePolicy([], complaint())).toBeUndefined();
  });

  it('equal priorities: by name, whatever the order given', () => {
    const beta = policy('beta', 50);
    const alpha = policy('alpha', 50);
    const gamma = policy('gamma', 50);
    expect(choosePolicy([beta, gamma, alpha], complaint())?.id).toBe('p-alpha');
    expect(choosePolicy([gamma, alpha, beta], complaint())?.id).toBe('p-alpha');
    expect(choosePolicy([gamma, beta], complaint())?.id).toBe('p-beta');
  });

  it('a more specific category policy wins only through its priority', () => {
    const network = policy('network', 50, { categoryIds: ['network'] });
    const outage = policy('outage', 60, { categoryIds: ['outage'] });
    expect(choosePolicy([outage, network, normal], complaint({ category: 'outage' }))?.name).toBe('network');
    expect(choosePolicy([outage, normal], complaint({ category: 'outage' }))?.name).toBe('outage');
    expect(choosePolicy([outage, normal], complaint({ category: 'slow' }))?.name).toBe('normal');
  });

  it('does not reorder the array it is given', () => {
    const given = [...all];
    choosePolicy(given, complaint({ severity: 'crisis' }));
    expect(given).toEqual(all);
  });

  it('works with a category tree that has a cycle', () => {
    const cyclic = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    const onB = policy('on-b', 5, { categoryIds: ['b'] });
    const facts: PolicyFacts = {
      severity: 'normal',
      categoryPath: categoryPath('a', cyclic),
      channel: 'web',
      vipLevel: 0,
    };
    expect(choosePolicy([normal, onB], facts)?.name).toBe('on-b');
  });

  const arbPolicy = fc
    .record({
      name: fc.constantFrom('一般投诉', '重大投诉', '危机投诉', 'VIP客户', 'alpha', 'beta', '柜台'),
      priority: fc.integer({ min: 0, max: 5 }),
      active: fc.boolean(),
      severities: fc.option(fc.subarray([...SEVERITIES]), { nil: null }),
      channels: fc.option(fc.subarray([...CHANNELS]), { nil: null }),
      minVipLevel: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      categoryIds: fc.option(fc.subarray([...PARENTS.keys()]), { nil: null }),
    })
    .map((r) => policy(r.name, r.priority, r));
  const arbFacts = fc
    .record({
      severity: fc.constantFrom(...SEVERITIES),
      channel: fc.constantFrom(...CHANNELS),
      vipLevel: fc.integer({ min: 0, max: 3 }),
      category: fc.option(fc.constantFrom(...PARENTS.keys()), { nil: null }),
    })
    .map((r) => complaint(r));

  it('property: the choice matches, nothing before it in (priority, name) order matches, and order given does not matter', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbPolicy, { maxLength: 8, selector: (p) => p.name }),
        arbFacts,
        fc.func(fc.integer()),
        (policies, facts, key) => {
          const chosen = choosePolicy(policies, facts);
          const matching = policies.filter((p) => policyMatches(p, facts));
          if (!chosen) {
            expect(matching).toEqual([]);
            return;
          }
          expect(policyMatches(chosen, facts)).toBe(true);
          for (const p of matching) {
            expect(
              p.priority > chosen.priority ||
                (p.priority === chosen.priority && p.name.localeCompare(chosen.name) >= 0),
            ).toBe(true);
          }
          const shuffled = [...policies].sort((a, b) => key(a.name) - key(b.name));
          expect(choosePolicy(shuffled, facts)).toBe(chosen);
        },
      ),
      { numRuns: 200 },
    );
  });
});
