// What posts may embed from other sites: read by the sanitizer (lib/markdown/render.ts) and by
// every page's Content-Security-Policy (lib/csp-policy.mjs), so the two always agree.

/** Hosts whose players may be embedded; `*.` matches any subdomain (but not the bare domain). */
export const ALLOWED_IFRAME_HOSTS = Object.freeze([
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'player.bilibili.com',
  'huggingface.co',
  '*.hf.space',
]);
