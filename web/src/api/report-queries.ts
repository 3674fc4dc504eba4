// The reports (GET /reports/…): category distribution, trend, arrival heatmap and KPIs, read as
// JSON for the dashboard or downloaded as the server's Excel workbook of the same figures.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { filenameFromDisposition } from '../lib/report-download.ts';
import type { ReportQuery } from '../lib/report-view.ts';
import { ApiError, api, buildQuery, type ErrorBody } from './client.ts';
import type { Distribution, Heatmap, Kpis, Trend } from './report-types.ts';

export * from './report-types.ts';

const reportKey = (name: string, q: ReportQuery) => ['reports', name, q] as const;

function useReport<T>(name: string, q: ReportQuery, enabled: boolean) {
  return useQuery({
    queryKey: reportKey(name, q),
    queryFn: ({ signal }) => api<T>('GET', `/reports/${name}`, { query: q, signal }),
    enabled,
    // A new period or filter keeps the old chart on screen (dimmed) until the new figures come.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function useCategoryDistribution(q: ReportQuery, enabled = true) {
  return useReport<Distribution>('category-distribution', q, enabled);
}

export function useTrend(q: ReportQuery, enabled = true) {
  return useReport<Trend>('trend', q, enabled);
}

export function useHeatmap(q: ReportQuery, enabled = true) {
  return useReport<Heatmap>('heatmap', q, enabled);
}

export function useKpis(q: ReportQuery, enabled = true) {
  return useReport<Kpis>('kpis', q, enabled);
}

/** Fetches a report as the server's Excel workbook and saves it under the server's file name. */
export async function downloadReport(name: string, q: ReportQuery, fallbackName: string): Promise<void> {
  const res = await fetch(`/api/v1/reports/${name}${buildQuery({ ...q, format: 'xlsx' })}`, {
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached');
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    if (body?.error) throw new ApiError(res.status, body.error.code, body.error.message, body.error.details);
    throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText || 'Request failed');
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFromDisposition(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
