/** Hosts whose players posts may embed (see embeds.mjs). */
export const ALLOWED_IFRAME_HOSTS: readonly string[];
