import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalisePhone } from '../../src/domain/phone.ts';

describe('normalisePhone: mobiles', () => {
  const FORMS = [
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '138.1234.5678',
    '(138) 1234 5678',
    '  13812345678  ',
    '\t138 1234 5678\n',
    '+8613812345678',
    '+86 13812345678',
    '+86 138 1234 5678',
    '+86-138-1234-5678',
    '+86 (138) 1234-5678',
    '(+86) 138 1234 5678',
    '+(86) 13812345678',
    '008613812345678',
    '0086 13812345678',
    '0086-138-1234-5678',
    '(0086) 138 1234 5678',
    '+0086 13812345678',
    '8613812345678',
    '86 138 1234 5678',
    '86-138-1234-5678',
  ];

  it.each(FORMS)('%j → 13812345678', (input) => {
    expect(normalisePhone(input)).toEqual({ normalised: '13812345678', kind: 'mobile' });
  });

  it.each(['3', '4', '5', '6', '7', '8', '9'])('accepts second digit %s', (d) => {
    expect(normalisePhone(`1${d}012345678`)).toEqual({ normalised: `1${d}012345678`, kind: 'mobile' });
  });

  it.each(['0', '1', '2'])('rejects second digit %s', (d) => {
    expect(normalisePhone(`1${d}812345678`)).toBeNull();
    expect(normalisePhone(`+86 1${d}8 1234 5678`)).toBeNull();
  });
});

describe('normalisePhone: landlines', () => {
  const CASES: { input: string; normalised: string }[] = [
    // three-digit area codes: 010 and 020-029
    { input: '010-62345678', normalised: '01062345678' },
    { input: '01062345678', normalised: '01062345678' },
    { input: '(010) 6234 5678', normalised: '01062345678' },
    { input: '+86 10 62345678', normalised: '01062345678' },
    { input: '+86-10-6234-5678', normalised: '01062345678' },
    { input: '0086 10 62345678', normalised: '01062345678' },
    { input: '+86 (0)10 6234 5678', normalised: '01062345678' },
    { input: '010-87654321', normalised: '01087654321' },
    { input: '+86 10 8765 4321', normalised: '01087654321' },
    { input: '020-22223333', normalised: '02022223333' },
    { input: '+86 20 2222 3333', normalised: '02022223333' },
    { input: '021 6234 5678', normalised: '02162345678' },
    { input: '+86 21 6234 5678', normalised: '02162345678' },
    { input: '022-23456789', normalised: '02223456789' },
    { input: '023-63456789', normalised: '02363456789' },
    { input: '024-2345678', normalised: '0242345678' },
    { input: '025-84567890', normalised: '02584567890' },
    { input: '026-2345678', normalised: '0262345678' },
    { input: '027-87654321', normalised: '02787654321' },
    { input: '028-85551234', normalised: '02885551234' },
    { input: '029-88887777', normalised: '02988887777' },
    // four-digit area codes
    { input: '0571-88888888', normalised: '057188888888' },
    { input: '0571 8888 8888', normalised: '057188888888' },
    { input: '+86 571 8888 8888', normalised: '057188888888' },
    { input: '0086 571 88888888', normalised: '057188888888' },
    { input: '+86 0571 88888888', normalised: '057188888888' },
    { input: '0755-23456789', normalised: '075523456789' },
    { input: '(0755) 2345 6789', normalised: '075523456789' },
    { input: '+86 755 2345 6789', normalised: '075523456789' },
    { input: '0755-2345678', normalised: '07552345678' },
    { input: '0931-8765432', normalised: '09318765432' },
  ];

  it.each(CASES)('$input → $normalised', ({ input, normalised }) => {
    expect(normalisePhone(input)).toEqual({ normalised, kind: 'landline' });
  });

  it.each([
    '010-123456', // local number too short
    '010-123456789', // too long
    '0571-123456', // too short
    '0571-123456789', // too long
    '010-02345678', // local number cannot start with 0
    '010-12345678', // nor with 1
    '011-62345678', // 011-019 are not area codes
    '138+12345678', // a plus only in front
    '0571-02345678',
    '0', // trunk prefix only
    '010',
    '+86 10', // country + area code only
  ])('rejects %j', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe('normalisePhone: service numbers', () => {
  it.each([
    ['4008123123', '4008123123'],
    ['400-812-3123', '4008123123'],
    ['400 812 3123', '4008123123'],
    ['+86 400 812 3123', '4008123123'],
    ['0086 400-812-3123', '4008123123'],
    ['800-810-8888', '8008108888'],
    ['800 810 8888', '8008108888'],
  ])('%j → %s', (input, normalised) => {
    expect(normalisePhone(input)).toEqual({ normalised, kind: 'service' });
  });

  it.each(['400812312', '40081231234', '5008123123', '4018123123', '8018108888'])('rejects %j', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe('normalisePhone: invalid input', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['letters', 'abc'],
    ['letters among digits', '138abcd5678'],
    ['trailing letter', '13812345678x'],
    ['extension word', '010-12345678 ext 12'],
    ['Chinese text', '电话13812345678'],
    ['slash separator', '138/1234/5678'],
    ['10-digit mobile', '1381234567'],
    ['12-digit mobile', '138123456789'],
    ['12-digit mobile with +86', '+86 138123456789'],
    ['12-digit mobile with 0086', '0086 138123456789'],
    ['14-digit mobile with 86', '86138123456789'],
    ['too short', '12345'],
    ['single digit', '1'],
    ['too long', '13812345678901234'],
    ['over 32 characters', `138 1234 5678${' '.repeat(20)}0`],
    ['00 + Hong Kong', '00852 2345 6789'],
    ['00 + USA', '001 212 555 1234'],
    ['00 + UK', '0044 20 7946 0958'],
    ['00 + 86 with an extra 0', '00086 13812345678'],
    ['plus, another country', '+1 212 555 1234'],
    ['plus, Hong Kong', '+852 2345 6789'],
    ['plus only', '+'],
    ['punctuation only', '()-. '],
  ])('%s (%j) → null', (_name, input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it('rejects text longer than 32 characters even if it holds a valid number', () => {
    const padded = `+86 ${'-'.repeat(30)}13812345678`;
    expect(padded.trim().length).toBeGreaterThan(32);
    expect(normalisePhone(padded)).toBeNull();
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['19912340000', '199****0000'],
    ['01062345678', '010-****5678'],
    ['02022223333', '020-****3333'],
    ['0242345678', '024-****5678'],
    ['057188888888', '0571-****8888'],
    ['07552345678', '0755-****5678'],
    ['4008123123', '400****3123'],
    ['8008108888', '800****8888'],
    ['1234', '****'],
    ['', '****'],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never shows the middle digits of a mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => {
        const masked = maskPhone(m);
        expect(masked).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        // (Not "does not contain the middle digits": they may equal the last four, e.g. 1300448 0448.)
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.replace(/\D/g, '')).toBe(m.slice(0, 3) + m.slice(7));
      }),
    );
  });
});

describe('formatPhone', () => {
  it.each([
    ['13812345678', '138 1234 5678'],
    ['01062345678', '010-62345678'],
    ['02022223333', '020-22223333'],
    ['0242345678', '024-2345678'],
    ['057188888888', '0571-88888888'],
    ['07552345678', '0755-2345678'],
    ['4008123123', '4008123123'],
  ])('%j → %j', (input, formatted) => {
    expect(formatPhone(input)).toBe(formatted);
  });

  it.each(['13812345678', '01062345678', '02162345678', '057188888888', '07552345678', '4008123123'])(
    'the formatted form of %s normalises back to it',
    (n) => {
      expect(normalisePhone(formatPhone(n))?.normalised).toBe(n);
    },
  );
});

describe('properties', () => {
  const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
  const spaced = (m: string, sep: string) => [m.slice(0, 3), m.slice(3, 7), m.slice(7)].join(sep);

  it('every written form of a mobile normalises to the same key', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom(' ', '-', '.', ' - '), (m, sep) => {
        const variants = [
          m,
          ` ${m} `,
          spaced(m, sep),
          `(${m.slice(0, 3)}) ${m.slice(3, 7)}${sep}${m.slice(7)}`,
          `+86${m}`,
          `+86 ${m}`,
          `+86${sep}${spaced(m, sep)}`,
          `(+86) ${spaced(m, sep)}`,
          `0086${m}`,
          `0086 ${spaced(m, sep)}`,
          `+0086 ${m}`,
          `86${m}`,
          `86 ${spaced(m, sep)}`,
        ];
        for (const v of variants) {
          expect(normalisePhone(v), v).toEqual({ normalised: m, kind: 'mobile' });
        }
      }),
    );
  });

  it('the normal form is a fixed point and the format round-trips', () => {
    fc.assert(
      fc.property(mobile, (m) => {
        expect(normalisePhone(m)?.normalised).toBe(m);
        expect(normalisePhone(formatPhone(m))?.normalised).toBe(m);
      }),
    );
  });

  it('a landline dialled from abroad (+86, trunk 0 dropped) equals the domestic form', () => {
    const area = fc.constantFrom('010', '020', '021', '025', '029', '0571', '0755', '0931', '0898');
    const local = fc.stringMatching(/^[2-9]\d{6,7}$/);
    fc.assert(
      fc.property(area, local, (a, l) => {
        const expected = { normalised: `${a}${l}`, kind: 'landline' };
        expect(normalisePhone(`${a}-${l}`)).toEqual(expected);
        expect(normalisePhone(`+86 ${a.slice(1)} ${l}`)).toEqual(expected);
        expect(normalisePhone(`0086 ${a.slice(1)} ${l}`)).toEqual(expected);
        expect(normalisePhone(`+86 (0)${a.slice(1)} ${l}`)).toEqual(expected);
        expect(formatPhone(`${a}${l}`)).toBe(`${a}-${l}`);
      }),
    );
  });

  it('anything with a letter is rejected', () => {
    fc.assert(
      fc.property(mobile, fc.nat({ max: 11 }), fc.constantFrom('a', 'x', 'O', 'l', '号'), (m, at, ch) => {
        expect(normalisePhone(`${m.slice(0, at)}${ch}${m.slice(at)}`)).toBeNull();
      }),
    );
  });
});

describe('normalisePhone: full-width input', () => {
  it('reads full-width digits from Chinese input methods as ordinary digits', () => {
    expect(normalisePhone('１３８１２３４５６７８')).toEqual({ normalised: '13812345678', kind: 'mobile' });
    expect(normalisePhone('０１０－６２３４５６７８')).toEqual({
      normalised: '01062345678',
      kind: 'landline',
    });
  });
});
