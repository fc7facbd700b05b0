export function serverActionId(distDir: string, file: string, name: string): string;
