// The complaint on screen and the one way to change it. A change sent with an outdated version
// raises the page's "someone else changed it" banner; other refusals go back to the caller to show.
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError } from '../../api/client.ts';
import { type ComplaintChange, useComplaintChange } from '../../api/queries.ts';
import type { Complaint } from '../../api/types.ts';

export type ChangeResult = { ok: true; complaint: Complaint } | { ok: false; error: ApiError };

interface ComplaintCtx {
  complaint: Complaint;
  run: (change: ComplaintChange) => Promise<ChangeResult>;
  pending: boolean;
  stale: boolean;
}

const Ctx = createContext<ComplaintCtx | null>(null);

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
  const mutation = useComplaintChange(complaint);
  const run = async (change: ComplaintChange): Promise<ChangeResult> => {
    try {
      return { ok: true, complaint: await mutation.mutateAsync(change) };
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, 'UNEXPECTED', (err as Error).message);
      if (error.code === 'STALE_VERSION') onStale();
      return { ok: false, error };
    }
  };
  return (
    <Ctx.Provider value={{ complaint, run, pending: mutation.isPending, stale }}>{children}</Ctx.Provider>
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
