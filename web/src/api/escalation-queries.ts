// The supervisors' review queue of escalations, the review itself, and a take-over from there.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { storeComplaint } from './queries.ts';
import type { Complaint, EscalationQueueItem } from './types.ts';

export type ReviewFilter = 'pending' | 'done';

export function useEscalationQueue(review: ReviewFilter, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['escalations', review] as const,
    queryFn: ({ pageParam, signal }) =>
      api<{ items: EscalationQueueItem[]; nextCursor: string | null }>('GET', '/escalations', {
        query: { review, limit: pageSize, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
}

export function useReviewEscalation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; result: 'justified' | 'unjustified'; comment: string }) =>
      api<EscalationQueueItem>('POST', `/escalations/${v.id}/review`, {
        body: { result: v.result, comment: v.comment },
      }),
    onSuccess: (item) => {
      void qc.invalidateQueries({ queryKey: ['escalations'] });
      void qc.invalidateQueries({ queryKey: ['complaint', item.complaint.id] });
    },
  });
}

/** A supervisor takes a complaint over from a list: read its version, then take it. */
export function useTakeOver() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { complaintId: string; note: string }) => {
      const c = await api<Complaint>('GET', `/complaints/${v.complaintId}`);
      return api<Complaint>('POST', `/complaints/${c.id}/take-over`, {
        body: { version: c.version, note: v.note },
      });
    },
    onSuccess: (c) => {
      storeComplaint(qc, c);
      void qc.invalidateQueries({ queryKey: ['escalations'] });
    },
  });
}
