/**
 * The app's routes (hash-based, so the static build works from any sub-path and offline):
 *
 *   #/                      the scenario library
 *   #/s/:scenarioId         the briefing
 *   #/s/:scenarioId/plan    the planning board
 *   #/share/:token          a shared plan, read-only (the token is `encodeShare`'s output)
 *
 * `/s/:scenarioId/play` is reserved for the debrief. Features never import this file: the app
 * passes them the links they need as props.
 */
export const paths = {
  library: '/',
  briefing: (scenarioId: string) => `/s/${encodeURIComponent(scenarioId)}`,
  board: (scenarioId: string) => `/s/${encodeURIComponent(scenarioId)}/plan`,
  share: (token: string) => `/share/${token}`,
} as const;

export const routePatterns = {
  library: '/',
  briefing: '/s/:scenarioId',
  board: '/s/:scenarioId/plan',
  share: '/share/:token',
} as const;
