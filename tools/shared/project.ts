/** Where the project is, for tools and tests that run from anywhere. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
