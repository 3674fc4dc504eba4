// Tiers and escalation in the workbench: tier names, the next tier, a colleague's tier, which
// escalation may be handed back, and the escalate request with its five reasons.
import { beforeAll, describe, expect, it } from 'vitest';
import { ESCALATION_REASONS, reasonRefusal } from '../../src/domain/escalation.ts';
import {
  EMPTY_ESCALATION,
  escalateRequest,
  nextTierLevel,
  personTierLevel,
  soundsLikeSkillProblem,
  tierName,
} from '../../web/src/lib/escalation.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

let zh: Translate;
let en: Translate;
beforeAll(async () => {
  zh = translator(await makeI18n('zh-CN'));
  en = translator(await makeI18n('en-US'));
});

const TIERS = [
  { id: 't1', level: 1, name: '一线' },
  { id: 't2', level: 2, name: '专家席' },
  { id: 't3', level: 3, name: '班长/主管' },
];
const TEAMS = [
  { id: 'team-a', name: '一线一组', tierId: 't1' },
  { id: 'team-x', name: '专家组', tierId: 't2' },
];

describe('tierName', () => {
  it('the default tiers in both languages', () => {
    expect([1, 2, 3].map((l) => tierName(l, zh))).toEqual(['一线', '专家席', '班长/主管']);
    expect([1, 2, 3].map((l) => tierName(l, en))).toEqual(['Front line', 'Specialists', 'Supervisors']);
  });

  it('a configured fourth tier by its own name, else its level', () => {
    expect(tierName(4, zh, [...TIERS, { id: 't4', level: 4, name: '客服总监' }])).toBe('客服总监');
    expect(tierName(4, zh)).toBe('4');
  });
});

describe('nextTierLevel', () => {
  it.each([
    [1, 2],
    [2, 3],
    [3, null],
  ])('from %s → %s (default tiers)', (level, next) => {
    expect(nextTierLevel(level)).toBe(next);
  });

  it('skips levels that do not exist', () => {
    expect(nextTierLevel(1, [TIERS[0], { id: 't5', level: 5, name: 'x' }] as never)).toBe(5);
  });
});

describe('personTierLevel: own tier, else the team’s, else the role’s', () => {
  it.each<[string, Parameters<typeof personTierLevel>[0], number]>([
    ['an agent without team', { role: 'agent' }, 1],
    ['a specialist without team', { role: 'specialist' }, 2],
    ['a supervisor', { role: 'supervisor' }, 3],
    ['an agent in a specialist team (by name)', { role: 'agent', team: '专家组' }, 2],
    ['a specialist in a front-line team (by id)', { role: 'specialist', teamId: 'team-a' }, 1],
    ['their own tier wins over the team', { role: 'agent', team: '一线一组', tierId: 't3' }, 3],
    ['a team the UI does not know', { role: 'specialist', team: '新组' }, 2],
    ['the level given directly', { role: 'agent', tierLevel: 2 }, 2],
  ])('%s', (_, person, level) => {
    expect(personTierLevel(person, TIERS, TEAMS)).toBe(level);
  });
});

describe('escalateRequest', () => {
  it('needs a reason and a note', () => {
    expect(escalateRequest(EMPTY_ESCALATION)).toEqual({
      ok: false,
      missing: ['escalation.missing.reason', 'escalation.missing.note'],
    });
    expect(escalateRequest({ ...EMPTY_ESCALATION, reason: 'major_risk', note: '  ' })).toEqual({
      ok: false,
      missing: ['escalation.missing.note'],
    });
  });

  it('sends the reason, the trimmed note and the person only when chosen', () => {
    expect(
      escalateRequest({ reason: 'customer_insists', note: ' 客户要求主管回电 ', handlerId: null }),
    ).toEqual({
      ok: true,
      body: { reason: 'customer_insists', note: '客户要求主管回电' },
    });
    expect(escalateRequest({ reason: 'beyond_authority', note: '补偿超出权限', handlerId: 'u9' })).toEqual({
      ok: true,
      body: { reason: 'beyond_authority', note: '补偿超出权限', handlerId: 'u9' },
    });
  });

  it('only the five reasons the server accepts', () => {
    for (const reason of ESCALATION_REASONS) {
      expect(escalateRequest({ reason, note: 'x', handlerId: null }).ok).toBe(true);
      expect(reasonRefusal(reason)).toBeNull();
    }
    expect(escalateRequest({ reason: 'skill' as never, note: 'x', handlerId: null }).ok).toBe(false);
  });
});

describe('soundsLikeSkillProblem', () => {
  it.each([
    ['这个业务我不会处理', true],
    ['我对国际漫游业务不熟', true],
    ['不知道怎么解释这笔费用', true],
    ["I don't know how to handle roaming", true],
    ['客户要求补偿 500 元，超出我的权限', false],
    ['客户说要找媒体曝光', false],
  ])('%s → %s', (text, expected) => {
    expect(soundsLikeSkillProblem(text)).toBe(expected);
  });
});
