/**
 * The engine's version. Bump it whenever a change alters any simulated number: baked par and
 * anchors carry the version they were computed with and are recomputed when it differs.
 */
export const ENGINE_VERSION = '2.4.0';
