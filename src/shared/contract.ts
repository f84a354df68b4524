/**
 * The IPC contract: every channel, written once, with its zod input schema and its output type.
 * Main validates inputs against it; preload, web transport and the renderer's client are typed from it.
 */
import type { z } from 'zod';
import { cleanupChannels } from './channels/cleanup';
import { composeChannels } from './channels/compose';
import { containerChannels } from './channels/containers';
import { registryMirrorsChannels } from './channels/registry-mirrors';
import { engineChannels } from './channels/engine';
import { enginesChannels } from './channels/engines';
import { imageChannels } from './channels/images';
import { networkChannels } from './channels/networks';
import { registryAccessChannels } from './channels/registry-access';
import { setupChannels } from './channels/setup';
import { taskChannels } from './channels/tasks';
import { volumeChannels } from './channels/volumes';
import type { Envelope } from './errors';
import type { WharfEvent } from './events';
import type { StreamServerMessage } from './streams';

export type { ChannelDef } from './channel-def';

/** Each area keeps its channels in src/shared/channels/<area>.ts; this object only puts them together. */
export const contract = {
  ...engineChannels,
  ...enginesChannels,
  ...taskChannels,
  ...imageChannels,
  ...setupChannels,
  ...registryMirrorsChannels,
  ...registryAccessChannels,
  ...cleanupChannels,
  ...composeChannels,
  ...containerChannels,
  ...volumeChannels,
  ...networkChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The name of the single event channel (Electron IPC) — the only other name the transports share. */
export const EVENT_CHANNEL = 'wharf:event';
/** The Electron IPC channel prefix; a channel `engine.info` travels as `wharf:engine.info`. */
export const IPC_PREFIX = 'wharf:';

/** One function per channel: what the preload exposes as window.wharf.api and the web client implements. */
export type WharfApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>> };

/** Everything the preload exposes on window.wharf: the contract's methods, one event subscription, the stream ops. */
export interface WharfBridge {
  api: WharfApi;
  onEvent(listener: (event: WharfEvent) => void): () => void;
  streams: {
    open(sid: string, name: string, input: unknown): void;
    write(sid: string, data: unknown): void;
    close(sid: string): void;
    onMessage(listener: (message: StreamServerMessage) => void): () => void;
  };
}
