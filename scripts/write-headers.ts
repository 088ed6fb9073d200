/** Writes public/_headers from src/security/headers.ts (`npm run headers`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { headersFileText } from '../src/security/headers.ts';

const target = fileURLToPath(new URL('../public/_headers', import.meta.url));
writeFileSync(target, headersFileText());
console.log(`wrote ${target}`);
