// Server state for the workbench (TanStack Query): one hook per thing the screens read or change.
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ListQuery } from '../lib/list-filters.ts';
import { ApiError, api } from './client.ts';
import type {
  BoardPage,
  Category,
  Colleague,
  Complaint,
  ComplaintPage,
  CustomerProfile,
  DeadlineKind,
  Me,
  NotificationPage,
  StatusCounts,
  User,
} from './types.ts';

export interface BoardQuery {
  state?: 'at_risk' | 'breached' | undefined;
  kind?: DeadlineKind | undefined;
  team?: string | undefined;
}

export const keys = {
  me: ['me'] as const,
  categories: ['categories'] as const,
  colleagues: ['colleagues'] as const,
  complaint: (id: string) => ['complaint', id] as const,
  complaints: (q: ListQuery) => ['complaints', q] as const,
  counts: (q: ListQuery) => ['complaint-counts', q] as const,
  customerByPhone: (phone: string) => ['customer', 'phone', phone] as const,
  customer: (id: string) => ['customer', id] as const,
  board: (q: BoardQuery) => ['deadline-board', q] as const,
  notifications: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await api<Me>('GET', '/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) =>
      api<{ user: User; expiresAt: string }>('POST', '/auth/login', { body }),
    // Nothing cached for a previous user survives; the gate refetches who is logged in.
    onSuccess: () => qc.resetQueries(),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/auth/logout'),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
      qc.setQueryData(keys.me, null);
    },
  });
}

export function useCategories() {
  return useQuery({
    queryKey: keys.categories,
    queryFn: async () => (await api<{ items: Category[] }>('GET', '/categories')).items,
    staleTime: 30 * 60_000,
  });
}

export function useColleagues(enabled: boolean) {
  return useQuery({
    queryKey: keys.colleagues,
    queryFn: async () => (await api<{ items: Colleague[] }>('GET', '/users/directory')).items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useCustomerLookup(phone: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.customerByPhone(phone),
    queryFn: ({ signal }) => api<CustomerProfile>('GET', '/customers', { query: { phone }, signal }),
    enabled,
    staleTime: 30_000,
    retry: false,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: keys.customer(id),
    queryFn: ({ signal }) => api<CustomerProfile>('GET', `/customers/${id}`, { signal }),
    retry: false,
  });
}

export function useComplaint(id: string) {
  return useQuery({
    queryKey: keys.complaint(id),
    queryFn: ({ signal }) => api<Complaint>('GET', `/complaints/${id}`, { signal }),
    retry: false,
  });
}

export function useComplaintList(q: ListQuery, pageSize = 30) {
  return useInfiniteQuery({
    queryKey: keys.complaints(q),
    queryFn: ({ pageParam, signal }) =>
      api<ComplaintPage>('GET', '/complaints', {
        query: { ...q, limit: pageSize, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useStatusCounts(q: ListQuery) {
  return useQuery({
    queryKey: keys.counts(q),
    queryFn: ({ signal }) => api<StatusCounts>('GET', '/complaints/counts', { query: q, signal }),
  });
}

/** After any change: the complaint's new state is in the cache, and lists are refetched when next shown. */
export function storeComplaint(qc: QueryClient, c: Complaint): void {
  // A page may be open by id or by number (/complaints/TS…): both see the new state.
  qc.setQueryData(keys.complaint(c.id), c);
  qc.setQueryData(keys.complaint(c.number), c);
  void qc.invalidateQueries({ queryKey: ['complaints'] });
  void qc.invalidateQueries({ queryKey: ['complaint-counts'] });
  void qc.invalidateQueries({ queryKey: ['customer'] });
  void qc.invalidateQueries({ queryKey: ['deadline-board'] });
}

export function useCreateComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      api<Complaint>('POST', '/complaints', {
        body: v.body,
        headers: { 'idempotency-key': v.idempotencyKey },
      }),
    onSuccess: (c) => storeComplaint(qc, c),
  });
}

export interface ComplaintChange {
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  body: Record<string, unknown>;
}

/** Every change to a complaint: sent with the version the agent saw; the answer replaces the cache. */
export function useComplaintChange(complaint: Complaint | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: ComplaintChange) => {
      if (!complaint) throw new Error('no complaint loaded');
      return api<Complaint>(change.method, `/complaints/${complaint.id}${change.path}`, {
        body: { version: complaint.version, ...change.body },
      });
    },
    onSuccess: (c) => storeComplaint(qc, c),
  });
}

/** Deadlines at risk or breached, soonest first, with the counts of both (supervisors: every team). */
export function useDeadlineBoard(q: BoardQuery, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: keys.board(q),
    queryFn: ({ pageParam, signal }) =>
      api<BoardPage>('GET', '/deadlines', {
        query: { ...q, limit: pageSize, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
}

/** The unread count for the bell, polled every 30 s (push comes later). */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: keys.unread,
    queryFn: ({ signal }) => api<{ unread: number }>('GET', '/notifications/unread-count', { signal }),
    refetchInterval: 30_000,
    enabled,
  });
}

export function useNotifications(enabled: boolean, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: keys.notifications,
    queryFn: ({ pageParam, signal }) =>
      api<NotificationPage>('GET', '/notifications', {
        query: { limit: pageSize, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api<{ marked: number; unread: number }>('POST', '/notifications/read', { body }),
    onSuccess: (r) => {
      qc.setQueryData(keys.unread, { unread: r.unread });
      void qc.invalidateQueries({ queryKey: keys.notifications, exact: true });
    },
  });
}
