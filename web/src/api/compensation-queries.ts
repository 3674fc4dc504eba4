// Compensation (补偿): the approval queue of those the caller may decide, and the request,
// decision and withdrawal (a complaint carries its own). Each change moves the complaint's
// version: it is read again.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Compensation, CompensationItem } from './types.ts';

function refresh(qc: QueryClient, complaintId: string): void {
  void qc.invalidateQueries({ queryKey: ['compensations'] });
  void qc.invalidateQueries({ queryKey: ['complaint', complaintId] });
}

export type ApprovalFilter = 'pending' | 'decided';

export function useApprovalQueue(filter: ApprovalFilter) {
  return useQuery({
    queryKey: ['compensations', 'queue', filter] as const,
    queryFn: async ({ signal }) =>
      (
        await api<{ items: CompensationItem[] }>('GET', '/compensations', {
          query: { status: filter === 'pending' ? 'pending' : 'approved,refused' },
          signal,
        })
      ).items,
    refetchInterval: 60_000,
  });
}

export interface GrantResult {
  compensation: Compensation;
  complaintVersion: number;
  approval: { reasons: string[]; limit: string; approversNotified: number } | null;
}

export function useGrantCompensation(complaintId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { demandId: string; body: Record<string, unknown> }) =>
      api<GrantResult>('POST', `/complaints/${complaintId}/demands/${v.demandId}/compensations`, {
        body: v.body,
      }),
    onSuccess: () => refresh(qc, complaintId),
  });
}

export function useDecideCompensation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; approve: boolean; reason: string }) =>
      api<Compensation>('POST', `/compensations/${v.id}/decision`, {
        body: { approve: v.approve, reason: v.reason },
      }),
    onSuccess: (c) => refresh(qc, c.complaintId),
  });
}

export function useCancelCompensation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string; version?: number }) =>
      api<{ compensation: Compensation; complaintVersion: number }>('POST', `/compensations/${v.id}/cancel`, {
        body: { reason: v.reason, ...(v.version === undefined ? {} : { version: v.version }) },
      }),
    onSuccess: (r) => refresh(qc, r.compensation.complaintId),
  });
}

export interface MyAuthority {
  maxCompensation: string;
  maxCompensationFen: number;
  approvalTypes: string[];
  source: 'team' | 'role' | 'none';
  decides: boolean;
}

/** What the caller may grant without approval. */
export function useMyAuthority(enabled: boolean) {
  return useQuery({
    queryKey: ['compensations', 'authority'] as const,
    queryFn: ({ signal }) => api<MyAuthority>('GET', '/authority-limits/mine', { signal }),
    staleTime: 10 * 60_000,
    enabled,
    retry: false,
  });
}
