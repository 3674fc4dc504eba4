// Judgements about a customer that carry weight. Malicious claim (恶意索赔) needs both a malicious
// motive and malicious behaviour, judged on facts by experienced staff (domain §9): an agent may
// not label a customer malicious; a specialist or supervisor may, and the timeline records who.
import { DomainError } from '../domain/errors.ts';
import type { CustomerType, Role } from '../domain/vocabulary.ts';
import type { Actor } from './actor.ts';

const MAY_JUDGE_MALICIOUS: readonly Role[] = ['specialist', 'supervisor'];

export function assertCustomerTypeJudgement(actor: Actor, type: CustomerType | null): void {
  if (type === 'malicious_claim' && !MAY_JUDGE_MALICIOUS.includes(actor.role)) {
    throw new DomainError(
      'FORBIDDEN',
      'Only a specialist or supervisor may judge a claim malicious (恶意投诉)',
      {
        field: 'customerType',
        reason: 'malicious_judgement',
      },
    );
  }
}
