// Periodic summaries (GET/POST /summaries): the list by kind, one summary, and one made on demand
// or again. The shapes are the server's own response schemas.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { summaryItemSchema, summarySchema } from '../../../src/http/presenters/summary.ts';
import type { SummaryKind } from '../lib/summaries.ts';
import { api } from './client.ts';

export type SummaryItem = z.output<typeof summaryItemSchema>;
export type Summary = z.output<typeof summarySchema>;
export type SummaryContent = Summary['content'];

export function useSummaries(kind: SummaryKind | 'all', page: number, pageSize: number) {
  return useQuery({
    queryKey: ['summaries', 'list', kind, page, pageSize] as const,
    queryFn: ({ signal }) =>
      api<{ items: SummaryItem[]; total: number }>('GET', '/summaries', {
        query: {
          kind: kind === 'all' ? undefined : kind,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
    retry: false,
  });
}

export function useSummary(id: string | undefined) {
  return useQuery({
    queryKey: ['summaries', 'one', id] as const,
    queryFn: ({ signal }) => api<Summary>('GET', `/summaries/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** Makes a summary (201), or makes it again with regenerate (200); 409 when it exists and regenerate was not asked. */
export function useMakeSummary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: SummaryKind; periodStart: string; regenerate?: boolean }) =>
      api<Summary>('POST', '/summaries', { body }),
    onSuccess: (s) => {
      qc.setQueryData(['summaries', 'one', s.id], s);
      void qc.invalidateQueries({ queryKey: ['summaries', 'list'] });
    },
  });
}
