// Import benchmark: writes 1,000 generated posts with a Chinese translation each in the Hugging
// Face blog layout, imports them with `content:import` into the given database, and reports posts
// per second and the importer's peak memory. `runImportBench` is called by scripts/bench.mjs;
// run alone, it uses a scratch database on DATABASE_URL's server (or the embedded one).
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { migrate, openScratchDatabase, root } from '../lib/database.mjs';

// Deterministic, so that two runs import the same text.
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN =
  'model training data inference token embedding attention layer gradient optimizer weights dataset benchmark evaluation pipeline checkpoint tokenizer vocabulary sequence context batch latency throughput memory adapter quantization'.split(
    ' ',
  );
const ZH =
  '模型 训练 数据 推理 词元 嵌入 注意力 层 梯度 优化器 权重 数据集 基准 评估 流水线 检查点 分词器 词表 序列 上下文 批次 延迟 吞吐量 内存 适配器 量化'.split(
    ' ',
  );
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function generator(seed) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sentence = (words, n, join, end) => Array.from({ length: n }, () => pick(words)).join(join) + end;
  const enPara = () =>
    Array.from({ length: 4 }, () => sentence(EN, 14, ' ', '.'))
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase());
  const zhPara = () => Array.from({ length: 4 }, () => sentence(ZH, 16, '', '。')).join('');
  const code = () =>
    [
      '```python',
      'from transformers import AutoModel',
      `model = AutoModel.from_pretrained("qiao/${pick(EN)}")`,
      `print(model.config.${pick(EN)})`,
      '```',
    ].join('\n');
  const table = (words) =>
    ['| name | value |', '|------|-------|', ...Array.from({ length: 4 }, () => `| ${pick(words)} | ${Math.floor(rand() * 1000)} |`)].join(
      '\n',
    );
  // About 5 KB of English and 3 KB of Chinese: the size of a typical Hugging Face post section.
  const body = (title, para, words, headings) =>
    [
      `# ${title}`,
      ...headings.flatMap((h, i) => [
        `## ${h}`,
        para(),
        para(),
        i === 1 ? code() : i === 2 ? table(words) : `- ${pick(words)}\n- ${pick(words)}\n- ${pick(words)}`,
      ]),
    ].join('\n\n');
  return { rand, pick, body, enPara, zhPara };
}

/** Writes the folder one file at a time; returns its path. */
export function writeBenchFolder(posts, prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), 'qiao-import-bench-'));
  mkdirSync(path.join(dir, 'zh'));
  const g = generator(20261201);
  const index = [];
  const zhIndex = [];
  for (let i = 0; i < posts; i += 1) {
    const slug = `${prefix}-${String(i).padStart(5, '0')}`;
    const title = `Notes on ${g.pick(EN)} and ${g.pick(EN)} ${i}`;
    const zhTitle = `关于${g.pick(ZH)}与${g.pick(ZH)}的笔记 ${i}`;
    const author = `bench-author-${Math.floor(g.rand() * 50)}`;
    const date = `${MONTHS[i % 12]} ${1 + (i % 28)}, ${2020 + (i % 6)}`;
    const tags = [`bench-tag-${i % 30}`, `bench-tag-${(i * 7) % 30}`];
    const en = g.body(title, g.enPara, EN, ['Background', 'Setup', 'Results', 'Next steps']);
    const zh = g.body(zhTitle, g.zhPara, ZH, ['背景', '环境', '结果', '下一步']);
    writeFileSync(path.join(dir, `${slug}.md`), `---\ntitle: "${title}"\nauthors:\n- user: ${author}\n---\n\n${en}\n`);
    writeFileSync(
      path.join(dir, 'zh', `${slug}.md`),
      `---\ntitle: "${zhTitle}"\nauthors:\n- user: ${author}\ntranslators:\n- user: bench-translator-${i % 20}\n---\n\n${zh}\n`,
    );
    index.push(
      `- local: ${slug}\n  title: "${title}"\n  author: ${author}\n  date: ${date}\n  tags:\n${tags.map((t) => `    - ${t}`).join('\n')}\n`,
    );
    zhIndex.push(`- local: ${slug}\n  title: "${zhTitle}"\n  author: ${author}\n  date: ${date}\n`);
  }
  writeFileSync(path.join(dir, '_blog.yml'), index.join('\n'));
  writeFileSync(path.join(dir, 'zh', '_blog.yml'), zhIndex.join('\n'));
  return dir;
}

function runImporter(dir, databaseUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/content-import.ts', dir, '--json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: root },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ code, summary: JSON.parse(line) });
      } catch {
        reject(new Error(`the importer exited with ${code} and no summary:\n${out}`));
      }
    });
  });
}

/**
 * Imports `posts` generated posts (each with a translation) into `databaseUrl`, which must be a
 * database that may receive them (a scratch one: the rows stay). Seconds are wall-clock time of
 * the whole command, start-up included.
 */
export async function runImportBench({ databaseUrl, posts = 1000 }) {
  await migrate(databaseUrl);
  const prefix = `import-bench-${Date.now().toString(36)}`;
  const dir = writeBenchFolder(posts, prefix);
  try {
    const started = performance.now();
    const { code, summary } = await runImporter(dir, databaseUrl);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0 || summary.failed > 0 || summary.imported < posts * 2) {
      throw new Error(`import benchmark: expected ${posts * 2} imported files, got ${JSON.stringify(summary)}`);
    }
    return {
      posts,
      seconds: Number(seconds.toFixed(2)),
      postsPerSecond: Number((posts / seconds).toFixed(1)),
      peakRssMb: summary.peakRssMb,
      renderThreads: summary.renderThreads,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const posts = Number(process.argv[2] ?? 1000);
  const scratch = await openScratchDatabase('qiao_import_bench');
  try {
    const result = await runImportBench({ databaseUrl: scratch.url, posts });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await scratch.drop();
  }
}
