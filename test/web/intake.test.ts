// The intake form's rules: phone recognition while typing, what acceptance still needs, the read-back
// and the request sent to the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { normalisePhone } from '../../src/domain/phone.ts';
import {
  addDemand,
  canSaveAsNew,
  createRequest,
  EMPTY_DRAFT,
  type IntakeDraft,
  isLookupReady,
  type MissingItem,
  missingForAcceptance,
  readBackParts,
  removeDemand,
} from '../../web/src/lib/intake.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

const draft = (over: Partial<IntakeDraft> = {}): IntakeDraft => ({ ...EMPTY_DRAFT, ...over });

const COMPLETE = draft({
  phone: '138 0013 8000',
  name: ' 张先生 ',
  description: ' 宽带断网三天，报修两次没人上门 ',
  demands: [
    { key: 'k1', type: 'fix', description: '尽快上门修好' },
    { key: 'k2', type: 'compensation', description: '断网期间的月租' },
  ],
  confirmed: true,
});

describe('isLookupReady', () => {
  // Complete numbers the server also accepts (normalisePhone), in the forms callers give them.
  it.each([
    ['13800138000', 'mobile'],
    ['138 0013 8000', 'mobile'],
    ['１３８ ００１３ ８０００', 'mobile'],
    ['+86 138 0013 8000', 'mobile'],
    ['+8613800138000', 'mobile'],
    ['0086 138 0013 8000', 'mobile'],
    ['008613800138000', 'mobile'],
    ['8613800138000', 'mobile'],
    ['199-9999-9999', 'mobile'],
    ['010-62345678', 'landline'],
    ['(010) 6234 5678', 'landline'],
    ['021 6234 5678', 'landline'],
    ['0755-2345678', 'landline'],
    ['0755-23456789', 'landline'],
    ['０２０－８７６５４３２１', 'landline'],
    ['400-810-8888', 'service'],
    ['800 810 8888', 'service'],
    ['4008108888', 'service'],
    ['+86 10 6234 5678', 'landline'],
    ['0086 10 62345678', 'landline'],
    ['+86 400 810 8888', 'service'],
  ])('%j is ready (%s)', (input, kind) => {
    expect(normalisePhone(input)?.kind).toBe(kind);
    expect(isLookupReady(input)).toBe(true);
  });

  it.each([
    [''],
    ['138'],
    ['1380013800'],
    ['138001380001'],
    ['62345678'],
    ['010-623'],
    ['400-810-888'],
    ['40081088881'],
    ['86138001380'],
    ['0086'],
    ['0086 138 0013 800'],
    ['+86'],
    ['abc'],
    ['23800138000'],
    ['12012345678'],
    ['0001234567'],
    ['010 1234567'],
  ])('%j is not ready', (input) => {
    expect(isLookupReady(input)).toBe(false);
  });
});

describe('missingForAcceptance and canSaveAsNew', () => {
  it.each<[string, IntakeDraft, MissingItem[], boolean]>([
    ['an empty form', EMPTY_DRAFT, ['phone', 'description', 'demand', 'confirm'], false],
    ['a complete form', COMPLETE, [], true],
    ['a half-typed phone', { ...COMPLETE, phone: '138 0013' }, ['phone'], false],
    ['a blank description', { ...COMPLETE, description: '  \n ' }, ['description'], false],
    ['no demand', { ...COMPLETE, demands: [] }, ['demand'], true],
    ['no read-back', { ...COMPLETE, confirmed: false }, ['confirm'], true],
    [
      'no demand and no read-back',
      { ...COMPLETE, demands: [], confirmed: false },
      ['demand', 'confirm'],
      true,
    ],
    ['a landline', { ...COMPLETE, phone: '010-62345678' }, [], true],
    [
      'only phone and description',
      draft({ phone: '4008108888', description: '投诉' }),
      ['demand', 'confirm'],
      true,
    ],
  ])('%s', (_, d, missing, saveable) => {
    expect(missingForAcceptance(d)).toEqual(missing);
    expect(canSaveAsNew(d)).toBe(saveable);
  });

  it('the name, category, product and types are not required', () => {
    expect(
      missingForAcceptance({ ...COMPLETE, name: '', categoryId: null, product: '', customerType: null }),
    ).toEqual([]);
  });
});

describe('addDemand and removeDemand', () => {
  it.each(['', '   ', '\n\t'])('blank text %j adds nothing and keeps the read-back', (text) => {
    expect(addDemand(COMPLETE, 'refund', text, 'k3')).toBe(COMPLETE);
  });

  it('adds the trimmed demand at the end and asks for a new read-back', () => {
    const next = addDemand(COMPLETE, 'apology', '  书面道歉 ', 'k3');
    expect(next.demands).toEqual([
      ...COMPLETE.demands,
      { key: 'k3', type: 'apology', description: '书面道歉' },
    ]);
    expect(next.confirmed).toBe(false);
    expect(missingForAcceptance(next)).toEqual(['confirm']);
    expect(COMPLETE.demands).toHaveLength(2);
    expect(COMPLETE.confirmed).toBe(true);
  });

  it('removes by key and asks for a new read-back', () => {
    const next = removeDemand(COMPLETE, 'k1');
    expect(next.demands).toEqual([{ key: 'k2', type: 'compensation', description: '断网期间的月租' }]);
    expect(next.confirmed).toBe(false);
    expect(COMPLETE.demands).toHaveLength(2);
  });

  it('removing the last demand makes a demand missing again', () => {
    const next = removeDemand(removeDemand(COMPLETE, 'k1'), 'k2');
    expect(next.demands).toEqual([]);
    expect(missingForAcceptance(next)).toEqual(['demand', 'confirm']);
  });

  it('an unknown key removes nothing', () => {
    expect(removeDemand(COMPLETE, 'nope').demands).toEqual(COMPLETE.demands);
  });
});

describe('readBackParts', () => {
  let zh: Translate;
  let en: Translate;
  beforeAll(async () => {
    zh = translator(await makeI18n('zh-CN'));
    en = translator(await makeI18n('en-US'));
  });

  it('builds the sentence read back to the customer (zh-CN)', () => {
    const parts = readBackParts(COMPLETE, (x) => zh(`demandType.${x}`), zh('intake.customerFallback'), '；');
    expect(parts).toEqual({
      name: '张先生',
      description: '宽带断网三天，报修两次没人上门',
      demands: '1. 解决问题：尽快上门修好；2. 补偿：断网期间的月租',
    });
    expect(zh('intake.readBackText', { ...parts })).toBe(
      '张先生，您好，跟您确认一下：您反映的是“宽带断网三天，报修两次没人上门”。',
    );
    expect(zh('intake.readBackDemands', { ...parts })).toBe(
      '您的诉求是：1. 解决问题：尽快上门修好；2. 补偿：断网期间的月租。',
    );
  });

  it('a blank name falls back to the word for customer', () => {
    const parts = readBackParts(
      { ...COMPLETE, name: '  ' },
      (x) => en(`demandType.${x}`),
      en('intake.customerFallback'),
      en('intake.readBackSeparator'),
      en('intake.readBackColon'),
    );
    expect(parts.name).toBe('dear customer');
    expect(parts.demands).toBe('1. Fix the problem: 尽快上门修好; 2. Compensation: 断网期间的月租');
  });

  it('no demand gives an empty list', () => {
    expect(readBackParts(draft(), (x) => x, '客户', '；')).toEqual({
      name: '客户',
      description: '',
      demands: '',
    });
  });
});

describe('createRequest', () => {
  it('trims the text fields and leaves the draft keys out', () => {
    expect(
      createRequest(
        {
          ...COMPLETE,
          phone: '  +86 138-0013-8000 ',
          product: ' 家庭宽带 ',
          categoryId: 'c7',
          severity: 'major',
        },
        true,
      ),
    ).toEqual({
      customer: { phone: '+86 138-0013-8000', name: '张先生' },
      channel: 'phone_in',
      description: '宽带断网三天，报修两次没人上门',
      categoryId: 'c7',
      product: '家庭宽带',
      severity: 'major',
      customerType: null,
      dissatisfaction: null,
      confirmed: true,
      demands: [
        { type: 'fix', description: '尽快上门修好' },
        { type: 'compensation', description: '断网期间的月租' },
      ],
    });
  });

  it('a blank name and product are sent as null', () => {
    const r = createRequest({ ...COMPLETE, name: '   ', product: ' ' }, false);
    expect(r.customer.name).toBeNull();
    expect(r.product).toBeNull();
  });

  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ])('accept=%s, confirmed=%s → confirmed %s', (accept, confirmed, sent) => {
    expect(createRequest({ ...COMPLETE, confirmed }, accept).confirmed).toBe(sent);
  });

  it('passes the judgements made during the call', () => {
    const r = createRequest(
      { ...COMPLETE, channel: 'wechat', customerType: 'emotional_venting', dissatisfaction: 'leaving' },
      true,
    );
    expect(r).toMatchObject({
      channel: 'wechat',
      customerType: 'emotional_venting',
      dissatisfaction: 'leaving',
    });
  });
});
