/** React's streaming runtime as Next's React writes it (see framework-scripts.mjs). */
export function reactRuntimeChunks(): string[];
/** Whether an inline script's text is made only of what Next and React write. */
export function isFrameworkScriptText(text: string): boolean;
