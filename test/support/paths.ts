/** Where tests find the repository and their fixtures, wherever the test file sits. */
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
