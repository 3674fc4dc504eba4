// Runs PGlite's initdb on a new data folder, in a process of its own (see database.ts):
// initdb's WebAssembly memory is then returned to the system when this process exits.
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-initdb.mjs <data dir>');
const pg = await PGlite.create(dir);
await pg.close();
