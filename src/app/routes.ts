/**
 * The app's routes (hash-based, so the static build works from any sub-path and offline):
 *
 *   #/                      the scenario library
 *   #/s/:scenarioId         the briefing
 *   #/s/:scenarioId/plan    the planning board
 *   #/s/:scenarioId/play    play the active variant's year, then its debrief
 *   #/s/:scenarioId/compare the scenario's plan variants side by side
 *   #/share/:token          a shared plan, read-only (the token is `encodeShare`'s output)
 *   #/workshop              a facilitator sets up a workshop
 *   #/workshop/present      the workshop's presentation view, for the projector
 *   #/workshop/join/:token  a team joins a workshop (the token is `encodeWorkshop`'s output)
 *   #/workshop/compare      teams' plans (files or links) compared in one leaderboard
 *   #/data                  saved data: export and import everything, set-aside data
 *
 * Features never import this file: the app passes them the links they need as props.
 */
export const paths = {
  library: '/',
  briefing: (scenarioId: string) => `/s/${encodeURIComponent(scenarioId)}`,
  board: (scenarioId: string) => `/s/${encodeURIComponent(scenarioId)}/plan`,
  share: (token: string) => `/share/${token}`,
  play: (scenarioId: string) => `/s/${encodeURIComponent(scenarioId)}/play`,
  compare: (scenarioId: string) => `/s/${encodeURIComponent(scenarioId)}/compare`,
  workshop: '/workshop',
  workshopPresent: '/workshop/present',
  workshopJoin: (token: string) => `/workshop/join/${token}`,
  workshopCompare: '/workshop/compare',
  data: '/data',
} as const;

export const routePatterns = {
  library: '/',
  briefing: '/s/:scenarioId',
  board: '/s/:scenarioId/plan',
  share: '/share/:token',
  play: '/s/:scenarioId/play',
  compare: '/s/:scenarioId/compare',
  workshop: '/workshop',
  workshopPresent: '/workshop/present',
  workshopJoin: '/workshop/join/:token',
  workshopCompare: '/workshop/compare',
  data: '/data',
} as const;
