// Work orders to departments: a department's inbox, one order, and every action on them (a
// complaint carries its own). Sending one moves the complaint's version, so the complaint is read
// again after each change.
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client.ts';
import type { WorkOrder } from './types.ts';

type Page = { items: WorkOrder[]; nextCursor: string | null };

function refresh(qc: QueryClient, complaintId?: string): void {
  void qc.invalidateQueries({ queryKey: ['work-orders'] });
  if (complaintId) void qc.invalidateQueries({ queryKey: ['complaint', complaintId] });
}

export type InboxFilter = 'open' | 'closed';

/** A department's inbox, soonest due first: open orders, or the answered and cancelled ones. */
export function useWorkOrderInbox(filter: InboxFilter, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['work-orders', 'inbox', filter] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page>('GET', '/work-orders', {
        query: {
          status: filter === 'open' ? 'open' : 'answered,cancelled',
          limit: pageSize,
          cursor: pageParam ?? undefined,
        },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
}

export function useWorkOrder(id: string | null) {
  return useQuery({
    queryKey: ['work-orders', 'one', id] as const,
    queryFn: ({ signal }) => api<WorkOrder>('GET', `/work-orders/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useSendWorkOrder(complaintId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<WorkOrder>('POST', `/complaints/${complaintId}/work-orders`, { body }),
    onSuccess: () => refresh(qc, complaintId),
  });
}

export type WorkOrderAction = 'answer' | 'pass' | 'extension' | 'cancel';

/** Answer or pass on (the department), accept more time or cancel (the handler). */
export function useWorkOrderAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: WorkOrderAction; body: Record<string, unknown> }) =>
      api<WorkOrder>('POST', `/work-orders/${v.id}/${v.action}`, { body: v.body }),
    onSuccess: (wo) => {
      qc.setQueryData(['work-orders', 'one', wo.id], wo);
      refresh(qc, wo.complaint.version === undefined ? undefined : wo.complaintId);
    },
  });
}
