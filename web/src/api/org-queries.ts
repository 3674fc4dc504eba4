// The organisation: tiers (一线 → 专家席 → 班长/主管), teams inside tiers, and the back-office
// departments that answer work orders. Read by many screens, changed by administrators.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Department, Team, Tier } from './types.ts';

export const orgKeys = {
  tiers: ['tiers'] as const,
  teams: ['teams'] as const,
  departments: ['departments'] as const,
};

export function useTiers(enabled = true) {
  return useQuery({
    queryKey: orgKeys.tiers,
    queryFn: async ({ signal }) => (await api<{ items: Tier[] }>('GET', '/tiers', { signal })).items,
    staleTime: 30 * 60_000,
    enabled,
  });
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: orgKeys.teams,
    queryFn: async ({ signal }) => (await api<{ items: Team[] }>('GET', '/teams', { signal })).items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: orgKeys.departments,
    queryFn: async ({ signal }) =>
      (await api<{ items: Department[] }>('GET', '/departments', { signal })).items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; tierId: string }) => api<Team>('POST', '/teams', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.teams }),
  });
}

export function useCreateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; calendarId?: string | null }) =>
      api<Department>('POST', '/departments', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.departments }),
  });
}
