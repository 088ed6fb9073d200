/**
 * zod, configured once for everything that validates: without code generation. zod otherwise
 * probes `new Function('')` on its first parse to see whether it may compile fast validators; the
 * app's Content-Security-Policy forbids eval, so the browser reports that probe as a violation
 * even though zod carries on. Validation is just as correct without it, and fast enough here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
