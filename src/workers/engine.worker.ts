/**
 * The engine worker: one for the app, started by the gateway on first use (gateway.ts). It exposes
 * the engine's job API through Comlink; every job's code lives in api.ts and the modules it names.
 */
import { expose } from 'comlink';

import { engineApi } from './api';

expose(engineApi);
