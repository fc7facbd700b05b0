/** Shared by the validation schemas (client and server) and the data-access layer. */
export const MAX_BLOCK_CHARS = 100_000;
export const MAX_DRAFT_CHARS = 1_000_000;
