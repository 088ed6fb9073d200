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
 *   #/room                  a team joins a live room by its code
 *   #/room/host             the facilitator's live room (also #/room/new, printed by npm run room)
 *   #/room/:code            a team joins room :code (the room's QR code); `/via/:relay` for a
 *                           relay that is not beside the app
 *   #/room/:code/facilitator/:key   the facilitator's console moved to another laptop
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
  room: '/room',
  roomHost: '/room/host',
  roomJoin: (code: string, relay: string | null = null) =>
    `/room/${code}${relay ? `/via/${encodeURIComponent(relay)}` : ''}`,
  roomTakeOver: (code: string, key: string, relay: string | null = null) =>
    `/room/${code}/facilitator/${key}${relay ? `/via/${encodeURIComponent(relay)}` : ''}`,
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
  room: '/room',
  roomHost: '/room/host',
  roomNew: '/room/new',
  roomTakeOver: '/room/:code/facilitator/:key',
  roomTakeOverVia: '/room/:code/facilitator/:key/via/:relay',
  roomJoinVia: '/room/:code/via/:relay',
  roomJoin: '/room/:code',
} as const;
