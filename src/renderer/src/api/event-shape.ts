import type { WharfEvent } from '../../../shared/events';

const EVENT_FIELDS: Record<WharfEvent['type'], string> = {
  'engine.state': 'status',
  'engine.switched': 'status',
  'docker.event': 'event',
  'task.update': 'task',
};

/** Checks one parsed WebSocket message: a known event type carrying its payload object. */
export function isWharfEvent(value: unknown): value is WharfEvent {
  if (typeof value !== 'object' || value === null) return false;
  const type: unknown = Reflect.get(value, 'type');
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(EVENT_FIELDS, type)) return false;
  const payload: unknown = Reflect.get(value, EVENT_FIELDS[type as WharfEvent['type']]);
  return typeof payload === 'object' && payload !== null;
}
