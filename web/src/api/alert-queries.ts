// Early-warning alerts (their list, one alert, the acknowledgement) and the products admin list.
// The shapes come from the server's own response schemas.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { alertSchema, productSchema } from '../../../src/http/presenters/alert.ts';
import { api } from './client.ts';

export type Alert = z.output<typeof alertSchema>;
export type AlertKind = Alert['kind'];
export type Product = z.output<typeof productSchema>;
export type ProductKind = Product['kind'];

/** open, acknowledged, or both. */
export type AlertStateFilter = 'open' | 'acknowledged' | 'all';

export interface AlertPage {
  items: Alert[];
  nextCursor: string | null;
  counts: { open: number; acknowledged: number };
}

export function useAlerts(
  state: AlertStateFilter = 'open',
  kinds: readonly AlertKind[] = [],
  pageSize = 20,
  opts: { enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey: ['alerts', state, [...kinds].sort().join(','), pageSize] as const,
    queryFn: ({ pageParam, signal }) =>
      api<AlertPage>('GET', '/alerts', {
        query: {
          state: state === 'all' ? undefined : state,
          kind: kinds.length ? kinds : undefined,
          limit: pageSize,
          cursor: pageParam ?? undefined,
        },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
    enabled: opts.enabled ?? true,
  });
}

export function useAcknowledgeAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; note: string }) =>
      api<Alert>('POST', `/alerts/${v.id}/acknowledge`, { body: { note: v.note } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
}

export function useProducts() {
  return useQuery({
    queryKey: ['products'] as const,
    queryFn: ({ signal }) => api<{ items: Product[] }>('GET', '/products', { signal }),
  });
}

export interface ProductInput {
  name: string;
  kind: ProductKind;
  launchedOn: string | null;
  active: boolean;
}

export function useSaveProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; body: Partial<ProductInput> }) =>
      v.id
        ? api<Product>('PATCH', `/products/${v.id}`, { body: v.body })
        : api<Product>('POST', '/products', { body: v.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['products'] }),
  });
}
