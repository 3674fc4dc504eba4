#!/usr/bin/env node
// Entry point of `npm run bench` (see docs/benchmarks.md).
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
