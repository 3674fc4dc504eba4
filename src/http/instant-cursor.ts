// Keyset cursors of (instant, id) for lists ordered by a time column: opaque to clients.
import { z } from 'zod';
import { invalid } from '../domain/errors.ts';

export interface InstantCursor {
  at: Date;
  id: string;
}

const tuple = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeInstantCursor(c: InstantCursor): string {
  return Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');
}

export function decodeInstantCursor(s: string): InstantCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = tuple.safeParse(raw);
  if (!parsed.success) throw invalid([{ field: 'cursor', message: 'not a cursor returned by this API' }]);
  return { at: new Date(parsed.data[0]), id: parsed.data[1] };
}
