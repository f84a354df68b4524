/** Pull, push and tag: the shared shapes. The reference grammar lives here so the renderer validates as the core does. */

/** What a finished pull reports. */
export interface PullResult {
  reference: string;
  /** Full image ID of the pulled image. */
  id: string;
  /** The digest the registry answered (sha256:…), when it did. */
  digest?: string;
}

export interface PushResult {
  reference: string;
  digest?: string;
}
