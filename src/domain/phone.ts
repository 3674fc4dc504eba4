// Chinese phone numbers: every written form of one number normalises to one key, so
// "+86 138-1234-5678", "0086 13812345678" and "13812345678" find the same customer.
//
// Normal form (digits only, no country code):
//   mobile    1[3-9]XXXXXXXXX                  e.g. 13812345678
//   landline  0 + area code + local number     e.g. 01062345678 (010 + 62345678)
//   service   400/800 numbers (10 digits)      e.g. 4008123123
// Area codes 010 and 020-029 have three digits with the leading 0; all others (03xx-09xx) have
// four; 011-019 do not exist. Local numbers have 7 or 8 digits and never start with 0 or 1.
// Full-width digits (１３８…) from Chinese input methods are read as ordinary digits.

export type PhoneKind = 'mobile' | 'landline' | 'service';

export interface NormalisedPhone {
  normalised: string;
  kind: PhoneKind;
}

const MOBILE = /^1[3-9]\d{9}$/;
const SERVICE = /^[48]00\d{7}$/;

function landlineAreaLength(digits: string): number {
  // digits starts with 0
  return digits[1] === '1' || digits[1] === '2' ? 3 : 4;
}

function isLandline(digits: string): boolean {
  if (!digits.startsWith('0') || digits[1] === '0') return false;
  const local = digits.slice(landlineAreaLength(digits));
  if (digits[1] === '1' && digits[2] !== '0') return false;
  return /^[2-9]\d{6,7}$/.test(local);
}

/** Returns the normal form, or null when the text is not a Chinese phone number. */
export function normalisePhone(input: string): NormalisedPhone | null {
  const trimmed = input.normalize('NFKC').trim();
  if (trimmed.length === 0 || trimmed.length > 32) return null;
  // Digits and separators; a + only in front (possibly inside an opening parenthesis).
  if (!/^\(?\+?[\d\s\-().]+$/.test(trimmed)) return null;
  const hadPlus = /^\(?\+/.test(trimmed);
  let digits = trimmed.replace(/[^\d]/g, '');
  let international = hadPlus;
  if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    international = true;
  } else if (hadPlus) {
    if (!digits.startsWith('86')) return null;
    digits = digits.slice(2);
  } else if (digits.length === 13 && digits.startsWith('861') && MOBILE.test(digits.slice(2))) {
    digits = digits.slice(2);
    international = true;
  }
  if (MOBILE.test(digits)) return { normalised: digits, kind: 'mobile' };
  if (SERVICE.test(digits)) return { normalised: digits, kind: 'service' };
  // Dialled from abroad, a landline drops the trunk 0 of its area code: +86 10 1234 5678.
  const landline = international && !digits.startsWith('0') ? `0${digits}` : digits;
  if (isLandline(landline)) return { normalised: landline, kind: 'landline' };
  return null;
}

/** 138****5678 for mobiles; area code and last four digits for landlines. */
export function maskPhone(normalised: string): string {
  if (MOBILE.test(normalised)) return `${normalised.slice(0, 3)}****${normalised.slice(-4)}`;
  if (normalised.startsWith('0')) {
    const area = normalised.slice(0, landlineAreaLength(normalised));
    return `${area}-****${normalised.slice(-4)}`;
  }
  if (normalised.length <= 4) return '****';
  return `${normalised.slice(0, 3)}****${normalised.slice(-4)}`;
}

/** Human display of a full number: 138 1234 5678, 010-62345678. */
export function formatPhone(normalised: string): string {
  if (MOBILE.test(normalised)) {
    return `${normalised.slice(0, 3)} ${normalised.slice(3, 7)} ${normalised.slice(7)}`;
  }
  if (normalised.startsWith('0')) {
    const n = landlineAreaLength(normalised);
    return `${normalised.slice(0, n)}-${normalised.slice(n)}`;
  }
  return normalised;
}
