// Working calendars and time-limit policies, for the administration page (its own chunk).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DurationSpec } from '../lib/durations.ts';
import { api } from './client.ts';
import type { CalendarSummary, CalendarYear, ComputedDue, SlaPolicy } from './types.ts';

const keys = {
  calendars: ['calendars'] as const,
  days: (id: string, year: number) => ['calendars', id, 'days', year] as const,
  policies: ['sla-policies'] as const,
};

/** A list answered as an array or as {items}: both shapes are read. */
function items<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

export function useCalendars() {
  return useQuery({
    queryKey: keys.calendars,
    queryFn: async ({ signal }) =>
      items(await api<CalendarSummary[] | { items: CalendarSummary[] }>('GET', '/calendars', { signal })),
    retry: false,
  });
}

export function useCalendarDays(id: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.days(id ?? '', year),
    queryFn: ({ signal }) => api<CalendarYear>('GET', `/calendars/${id}/days`, { query: { year }, signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: keys.policies,
    queryFn: async ({ signal }) =>
      items(await api<SlaPolicy[] | { items: SlaPolicy[] }>('GET', '/sla-policies', { signal })),
    retry: false,
  });
}

export function useComputeDue() {
  return useMutation({
    mutationFn: (body: { calendarId?: string | undefined; from: string; add: DurationSpec }) =>
      api<ComputedDue>('POST', '/calendar/compute', { body }),
  });
}

/** Changes to days: every calendar's year is read again (an imported year touches all of them). */
function useCalendarChange<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.calendars }),
  });
}

export function useSetOverride() {
  return useCalendarChange(
    (v: { calendarId: string; day: string; kind: 'holiday' | 'workday'; name: string }) =>
      api('PUT', `/calendars/${v.calendarId}/overrides/${v.day}`, { body: { kind: v.kind, name: v.name } }),
  );
}

export function useRemoveOverride() {
  return useCalendarChange((v: { calendarId: string; day: string }) =>
    api('DELETE', `/calendars/${v.calendarId}/overrides/${v.day}`),
  );
}

export interface ImportedSchedule {
  year: number;
  source: string;
  days: number;
  replaced: boolean;
  retimedComplaints: number;
}

export function useImportSchedule() {
  return useCalendarChange((body: unknown) => api<ImportedSchedule>('POST', '/calendar/schedules', { body }));
}
