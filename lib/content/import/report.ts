import type { FileReport, ImportSummary } from './types';

/** One line per file: what happened to it, and why. */
export function formatReport(report: FileReport): string {
  const why = report.detail ? ` — ${report.detail}` : '';
  const warnings = report.warnings.length > 0 ? ` [warning: ${report.warnings.join('; ')}]` : '';
  return `${report.outcome.padEnd(9)}  ${report.path}${why}${warnings}`;
}

export function formatSummary(summary: ImportSummary, seconds: number, dryRun: boolean): string {
  const counts = `imported ${summary.imported} · updated ${summary.updated} · unchanged ${summary.unchanged} · warned ${summary.warned} · failed ${summary.failed}`;
  return `${counts} — ${summary.files} ${summary.files === 1 ? 'file' : 'files'} in ${seconds.toFixed(1)} s${dryRun ? ' (dry run: nothing was written)' : ''}`;
}

type Stream = { write(text: string): unknown; columns?: number };

/**
 * A one-line progress bar for a terminal, redrawn at most ten times a second. Lines printed
 * while it runs (warnings, failures) go above it.
 */
export class ProgressBar {
  private done = 0;
  private total = 0;
  private last = '';
  private drawnAt = 0;
  private readonly started = Date.now();

  constructor(private readonly out: Stream) {}

  expect(files: number) {
    this.total += files;
    this.draw(true);
  }

  tick(current: string) {
    this.done += 1;
    this.last = current;
    this.draw(this.done === this.total);
  }

  log(line: string) {
    this.out.write(`\r\x1b[2K${line}\n`);
    this.draw(true);
  }

  stop() {
    this.out.write('\r\x1b[2K');
  }

  private draw(force: boolean) {
    const now = Date.now();
    if (!force && now - this.drawnAt < 100) return;
    this.drawnAt = now;
    const width = 24;
    const filled = this.total === 0 ? 0 : Math.round((this.done / this.total) * width);
    const rate = this.done / Math.max(0.001, (now - this.started) / 1000);
    const head = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.done}/${this.total} files · ${rate.toFixed(0)}/s`;
    const room = (this.out.columns || 100) - head.length - 4;
    const tail = room < 12 ? '' : this.last.length > room ? `…${this.last.slice(this.last.length - room + 1)}` : this.last;
    this.out.write(`\r\x1b[2K${head}${tail ? ` · ${tail}` : ''}`);
  }
}
