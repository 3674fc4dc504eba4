import type { DatabaseHandle } from '../db/database.ts';

export interface DemoOptions {
  count: number;
  seed: number;
  now: Date;
}

export async function runDemo(_handle: DatabaseHandle, _opts: DemoOptions): Promise<{ message: string }> {
  throw new Error('demo: not written yet');
}
