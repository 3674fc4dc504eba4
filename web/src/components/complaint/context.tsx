// The complaint on screen and the one way to change it. A change sent with an outdated version
// raises the page's "someone else changed it" banner; other refusals go back to the caller to show.
// Its work orders and compensations come with it, named in words for the refusals that list them.
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type ComplaintChange, useComplaintChange } from '../../api/queries.ts';
import type { Compensation, Complaint, WorkOrder } from '../../api/types.ts';
import { yuanLabel } from '../../lib/compensation.ts';
import { shorten } from '../../lib/text.ts';

export type ChangeResult = { ok: true; complaint: Complaint } | { ok: false; error: ApiError };

interface ComplaintCtx {
  complaint: Complaint;
  run: (change: ComplaintChange) => Promise<ChangeResult>;
  pending: boolean;
  stale: boolean;
  /** A change made outside `run` found the complaint changed meanwhile. */
  markStale: () => void;
  workOrders: readonly WorkOrder[];
  compensations: readonly Compensation[];
  /** Work orders and compensations by id, in words: refusals name them. */
  labels: ReadonlyMap<string, string>;
}

const Ctx = createContext<ComplaintCtx | null>(null);

/** An error from any call, as the refusal to show (or the stale banner to raise). */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'UNEXPECTED', (err as Error).message);
}

export function ComplaintProvider({
  complaint,
  stale,
  onStale,
  children,
}: {
  complaint: Complaint;
  stale: boolean;
  onStale: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const mutation = useComplaintChange(complaint);
  const { workOrders, compensations, demands } = complaint;
  const labels = useMemo(() => {
    const m = new Map<string, string>();
    for (const w of workOrders) m.set(w.id, `${w.department.name ?? '—'}：${shorten(w.request, 60)}`);
    for (const c of compensations) {
      const d = demands.find((x) => x.id === c.demandId);
      const what = `${t(`compensationType.${c.type}`)} ${yuanLabel(c.amount)}`;
      m.set(c.id, d ? `${what} · ${d.position}. ${shorten(d.description, 40)}` : what);
    }
    return m;
  }, [workOrders, compensations, demands, t]);
  const run = async (change: ComplaintChange): Promise<ChangeResult> => {
    try {
      return { ok: true, complaint: await mutation.mutateAsync(change) };
    } catch (err) {
      const error = asApiError(err);
      if (error.code === 'STALE_VERSION') onStale();
      return { ok: false, error };
    }
  };
  return (
    <Ctx.Provider
      value={{
        complaint,
        run,
        pending: mutation.isPending,
        stale,
        markStale: onStale,
        workOrders,
        compensations,
        labels,
      }}
    >
      {children}
    </Ctx.Provider>
  );
}

export function useComplaintCtx(): ComplaintCtx {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useComplaintCtx outside ComplaintProvider');
  return ctx;
}

/** A refusal worth showing where the action was taken (a stale version is shown by the page banner). */
export function shownError(r: ChangeResult | null): ApiError | null {
  return r && !r.ok && r.error.code !== 'STALE_VERSION' ? r.error : null;
}
