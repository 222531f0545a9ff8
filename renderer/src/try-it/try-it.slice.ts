import type { StateCreator } from 'zustand';
import type { ConsoleEntryDetail } from '../../../shared/dto/console.dto.js';
import { DEFAULT_INSTANCE } from '../../../shared/urls.js';
import { IncomingTransport, type IncomingReply } from '../api/incoming-transport.js';
import { errorMessage } from '../api/api-error.js';
import { moveRecentRequests, recentRequests, rememberRequest, type RecentRequest } from './recent-requests.js';
import { requestFromEntry } from './request-from-entry.js';
import {
  headersToSend,
  isAuthorization,
  NEW_REQUEST,
  pollUrl,
  processIdOf,
  retryAfterMs,
  runStatusOf,
  sameEndpoint,
  triggerUrl,
  type EndpointRef,
  type TryItRequest,
} from './try-it-request.js';
import type { ConsoleSlice } from '../console/console.slice.js';
import type { WorkspaceSlice } from '../state/workspace.slice.js';
import type { PanelSlice } from '../editor/panel/panel.slice.js';

/** A call made from Try it and what came back. */
export interface TryItExchange {
  target: EndpointRef;
  method: TryItRequest['method'];
  url: string;
  /** The latest answer: the trigger's, or the last poll's. */
  reply: IncomingReply | null;
  /** Why there is no reply (the server is away, a header is not valid). */
  error: string | null;
  /** The run's process id, from a JSON reply. */
  processId: string | null;
  /** Set when the trigger answered 202: where the run is polled. */
  pollUrl: string | null;
  /** How many times the run has been polled (the reply is then the last poll's). */
  polls: number;
}

/** Where the key in Try it's field came from, when Try it created it: it was shown once and is never shown again. */
export interface TestKeyOrigin {
  user: string;
  label: string;
  expiresAt: string | null;
}

export interface TryItSlice {
  tryItTarget: EndpointRef | null;
  tryItRequest: TryItRequest;
  /** The API key: kept in memory for this page only, never written anywhere. */
  tryItKey: string;
  /** Set while the key is one Try it created (typing another one clears it). */
  tryItKeyOrigin: TestKeyOrigin | null;
  tryItRecent: RecentRequest[];
  tryItExchange: TryItExchange | null;
  tryItBusy: boolean;
  /** Points Try it at an endpoint, with the request last sent to it (or the one being edited for it). */
  setTryItTarget: (target: EndpointRef | null) => void;
  /** A saved rename: Try it's target, drafts and recent requests, and the console's flow filter follow the new name. */
  followEndpointRename: (from: EndpointRef, to: EndpointRef) => void;
  editTryItRequest: (patch: Partial<TryItRequest>) => void;
  setTryItKey: (key: string, origin?: TestKeyOrigin) => void;
  sendTryIt: () => Promise<void>;
  /** Polls the async run of the last call (GET its Location, with the same key). */
  pollTryIt: () => Promise<void>;

  /** Opens Try it on a console entry's request, to send it again. Answers whether its body was cut by the console's cap. */
  resendConsoleEntry: (entry: ConsoleEntryDetail) => { truncated: boolean };
}

/** Requests being edited for other endpoints, so switching back and forth keeps them (this page only). */
const drafts = new Map<string, TryItRequest>();
const draftKey = (target: EndpointRef) => `${target.application}\u0000${target.actionflow}`;

let transport: { origin: string; incoming: IncomingTransport } | undefined;
function incomingFor(origin: string): IncomingTransport {
  if (transport?.origin !== origin) transport = { origin, incoming: new IncomingTransport(origin) };
  return transport.incoming;
}

let inFlight: AbortController | undefined;

/** Try it: the endpoint, the request being edited, the key, the last exchange. */
export const createTryItSlice: StateCreator<TryItSlice & ConsoleSlice & WorkspaceSlice & PanelSlice, [], [], TryItSlice> = (set, get) => {
  const retarget = (target: EndpointRef | null, request?: TryItRequest) => {
    const { tryItTarget: current, tryItRequest } = get();
    if (current) drafts.set(draftKey(current), tryItRequest);
    const recent = target ? recentRequests(target) : [];
    const next = request ?? (target && drafts.get(draftKey(target))) ?? recent[0]?.request ?? NEW_REQUEST;
    set({ tryItTarget: target, tryItRequest: next, tryItRecent: recent });
  };

  const call = async (exchange: TryItExchange, headers: [string, string][], body: string | undefined) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    set({ tryItBusy: true, tryItExchange: { ...exchange, reply: null, error: null } });
    try {
      const reply = await incomingFor(get().serverUrl).send({
        method: exchange.method,
        url: exchange.url,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
      });
      return reply;
    } catch (error) {
      if (!controller.signal.aborted) set({ tryItExchange: { ...exchange, reply: null, error: errorMessage(error) } });
      return null;
    } finally {
      if (inFlight === controller) {
        inFlight = undefined;
        set({ tryItBusy: false });
      }
    }
  };

  // Each call's async run is polled until it ends, waiting what each reply's Retry-After asks; a new call stops the last one's.
  let following = 0;
  const followPolls = async () => {
    const mine = ++following;
    for (;;) {
      const exchange = get().tryItExchange;
      if (mine !== following || !exchange?.pollUrl || !exchange.reply) return;
      if (exchange.polls > 0 && runStatusOf(exchange.reply.body, exchange.reply.contentType) !== 'Running') return;
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(exchange.reply!.headers)));
      if (mine !== following || get().tryItExchange?.pollUrl !== exchange.pollUrl) return;
      await get().pollTryIt();
      // No new answer (the server is away): stop; Poll asks again by hand.
      if (get().tryItExchange?.polls === exchange.polls) return;
    }
  };

  return {
    tryItTarget: null,
    tryItRequest: NEW_REQUEST,
    tryItKey: '',
    tryItKeyOrigin: null,
    tryItRecent: [],
    tryItExchange: null,
    tryItBusy: false,
    setTryItTarget: (target) => {
      if (sameEndpoint(target, get().tryItTarget)) return;
      retarget(target);
    },
    followEndpointRename: (from, to) => {
      moveRecentRequests(from, to);
      const draft = drafts.get(draftKey(from));
      drafts.delete(draftKey(from));
      if (draft) drafts.set(draftKey(to), draft);
      const { tryItTarget, tryItRequest, tryItExchange, consoleFilters } = get();
      // The request being edited and the last reply stay: only the name they are for changed.
      if (sameEndpoint(tryItTarget, from))
        set({
          tryItTarget: to,
          tryItRecent: recentRequests(to),
          tryItRequest,
          ...(tryItExchange && sameEndpoint(tryItExchange.target, from) ? { tryItExchange: { ...tryItExchange, target: to } } : {}),
        });
      if (consoleFilters.application === from.application && consoleFilters.actionflow === from.actionflow)
        get().setConsoleFilters({ actionflow: to.actionflow });
    },
    editTryItRequest: (patch) => set({ tryItRequest: { ...get().tryItRequest, ...patch } }),
    setTryItKey: (key, origin) => set({ tryItKey: key, tryItKeyOrigin: origin ?? null }),
    sendTryIt: async () => {
      const { tryItTarget: target, tryItRequest: request, tryItKey: key, serverUrl, settings } = get();
      if (!target) return;
      const instance = settings?.instance ?? DEFAULT_INSTANCE;
      const exchange: TryItExchange = {
        target,
        method: request.method,
        url: triggerUrl(serverUrl, instance, target, request.query),
        reply: null,
        error: null,
        processId: null,
        pollUrl: null,
        polls: 0,
      };
      const sentAt = Date.now();
      const reply = await call(exchange, headersToSend(request, key), request.method === 'POST' ? request.body : undefined);
      const recent = rememberRequest(target, { request, sentAt, status: reply?.status ?? null });
      if (sameEndpoint(get().tryItTarget, target)) set({ tryItRecent: recent });
      if (!reply) return;
      const processId = processIdOf(reply.body, reply.contentType);
      const location = reply.headers.find(([name]) => name === 'location')?.[1] ?? null;
      const poll = reply.status === 202 && processId ? pollUrl(exchange.url, location, instance, target, processId) : null;
      set({ tryItExchange: { ...exchange, reply, processId, pollUrl: poll } });
      if (poll) void followPolls();
      // The reply's run is drawn on its flow, as if its console entry had been chosen.
      if (processId) void get().selectConsoleEntryOf(processId, target);
    },
    pollTryIt: async () => {
      const { tryItExchange: previous, tryItRequest: request, tryItKey: key } = get();
      if (!previous?.pollUrl) return;
      const authorization = headersToSend({ ...request, headers: request.headers.filter((row) => isAuthorization(row.name)) }, key);
      const exchange = { ...previous, polls: previous.polls + 1 };
      const reply = await call({ ...exchange, method: 'GET', url: previous.pollUrl }, authorization, undefined);
      if (reply) set({ tryItExchange: { ...exchange, reply, error: null } });
    },
    resendConsoleEntry: (entry) => {
      const { target, request, truncated } = requestFromEntry(entry);
      retarget(target, request);
      set({ tryItExchange: null });
      get().showPanelTab('try-it');
      return { truncated };
    },
  };
};
