// Closing as completed needs the cause analysis (domain §8), recorded before or sent with the close;
// the refusal joins the list of every close guard that fails. Withdrawing does not need it.
import { describe, expect, it } from 'vitest';
import type { AnalysisInput } from '../../src/domain/cause-analysis.ts';
import { decideTransition, transitionAbilities } from '../../src/domain/complaint-lifecycle.ts';
import type { Refusal } from '../../src/domain/errors.ts';
import { codes, declined, open, refusedWith, snapshot } from './lifecycle-fixtures.ts';

const VALID: AnalysisInput = {
  cause: 'product_technical',
  controllable: true,
  internal: true,
  reversible: false,
};

describe('closing as completed needs the analysis', () => {
  const resolved = snapshot({ status: 'resolved', analysed: false });

  it('is refused with ANALYSIS_MISSING when none is recorded or sent', () => {
    const d = refusedWith(resolved, { action: 'close' });
    expect(d.refusal.code).toBe('ANALYSIS_MISSING');
    expect(d.refusal.details).toMatchObject({ rule: 'analysis_at_close', field: 'analysis' });
    expect(refusedWith(resolved, { action: 'close', analysis: null }).refusal.code).toBe('ANALYSIS_MISSING');
  });

  it('closes with the analysis on record, or with one sent along', () => {
    const ok = { ok: true, from: 'resolved', to: 'closed' };
    expect(decideTransition({ ...resolved, analysed: true }, { action: 'close' })).toEqual(ok);
    expect(decideTransition(resolved, { action: 'close', analysis: VALID })).toEqual(ok);
  });

  it('joins the list of every close guard that fails', () => {
    const c = snapshot({
      status: 'resolved',
      severity: 'major',
      analysed: false,
      demands: [declined('n1', false)],
      openCommitmentIds: ['p1'],
    });
    expect(codes(refusedWith(c, { action: 'close' }).violations)).toEqual([
      'DEMANDS_NOT_INFORMED',
      'COMMITMENTS_OPEN',
      'SUMMARY_REQUIRED',
      'ANALYSIS_MISSING',
    ]);
  });

  it('is named too when closing before resolving', () => {
    const d = refusedWith(snapshot({ status: 'in_progress', analysed: false, demands: [open('o1')] }), {
      action: 'close',
    });
    expect(codes(d.violations)).toEqual(['INVALID_TRANSITION', 'DEMANDS_OPEN', 'ANALYSIS_MISSING']);
  });

  it.each(['new', 'accepted', 'in_progress', 'resolved'] as const)(
    'a withdrawal from %s does not need it',
    (status) => {
      const d = decideTransition(snapshot({ status, analysed: false }), {
        action: 'withdraw',
        reason: '客户撤诉',
      });
      expect(d.ok).toBe(true);
    },
  );

  it.each<[string, Parameters<typeof snapshot>[0], string[] | undefined]>([
    ['analysed, normal', { analysed: true }, undefined],
    ['not analysed, normal', { analysed: false }, ['analysis']],
    ['not analysed, major without summary', { analysed: false, severity: 'major' }, ['summary', 'analysis']],
    ['analysed, major without summary', { analysed: true, severity: 'major' }, ['summary']],
  ])('the close ability of a resolved complaint, %s: requires %j', (_name, over, requires) => {
    const a = transitionAbilities(snapshot({ status: 'resolved', ...over }));
    expect(a.close).toEqual(requires ? { allowed: true, requires } : { allowed: true });
  });

  it('a missing analysis is an input, not a refusal, in the close ability of an open complaint', () => {
    const a = transitionAbilities(snapshot({ status: 'accepted', analysed: false, demands: [open('o1')] }));
    expect(codes(a.close.details?.violations as Refusal[])).toEqual(['INVALID_TRANSITION', 'DEMANDS_OPEN']);
  });
});
