/**
 * zod, configured once for everything that validates. It is `zod/mini`, the functional build of
 * the same package (`z.string().check(z.maxLength(40))`, `z.optional(x)`, `z._default(x, v)`):
 * its schemas carry no methods, so a bundle keeps only the parts it uses — the classic build
 * weighed about three times as much in each bundle (the first screen and the engine worker).
 *
 * Without code generation: zod otherwise probes `new Function('')` on its first parse to see
 * whether it may compile fast validators; the app's Content-Security-Policy forbids eval, so the
 * browser reports that probe as a violation even though zod carries on. Validation is just as
 * correct without it, and fast enough here.
 *
 * No locale is loaded: the sentences users read come from `fromZodError` (issues.ts), which words
 * every issue from its code and bounds, or from the schemas' own messages.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
