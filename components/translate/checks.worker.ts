// Runs the translation checks of one block at a time off the page's main thread: a block built to
// be slow to parse (long runs of `*_`, deep nesting) must not freeze the editor it was typed in.
import { assertNesting } from '@/lib/markdown/limits';
import { checkTranslation } from '@/lib/translation/checks';
import type { BlockCheckRequest, BlockCheckReply } from '@/components/translate/block-checker';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<BlockCheckRequest>) => void): void;
  postMessage(message: BlockCheckReply): void;
};

scope.addEventListener('message', ({ data }) => {
  try {
    assertNesting(data.text);
    const issues = checkTranslation([{ kind: data.kind, text: data.source }], [data.text], { title: '-', locale: data.locale });
    scope.postMessage({ id: data.id, issues });
  } catch {
    scope.postMessage({ id: data.id, issues: [{ block: 0, severity: 'error', code: 'tooComplex' }] });
  }
});
