import type { NetworkField, NetworkProblem } from '../../../shared/network-cidr';
import { WharfError, toErrorInfo } from '../errors';

/** libnetwork's words (ipamapi.ErrPoolOverlap, answered as HTTP 403) when another network has addresses of the subnet. */
const POOL_OVERLAPS = /pool overlaps with other one on this address space/i;

/**
 * The engine's refusal of a network create, by what it means: a subnet another network uses is a conflict at the
 * subnet field (not the 403 it comes as); anything else goes on as the engine answered it.
 */
export function networkCreateFailure(error: unknown): unknown {
  const info = toErrorInfo(error);
  if (POOL_OVERLAPS.test(info.message)) {
    const problems: Partial<Record<NetworkField, NetworkProblem>> = { subnet: 'subnetOverlaps' };
    return new WharfError('conflict', info.message, { problems });
  }
  return error;
}
