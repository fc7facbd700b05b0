// The part of seeding that needs the app's own TypeScript: renders a handful of template posts
// through the real pipeline (prepareLocalization) and segments every post's title and extra
// words for search. Writes JSON to the file named by the first argument; scripts/bench/seed.mjs
// turns it into rows. Run as `node --conditions=react-server --import tsx` (see bench.mjs).
import { writeFileSync } from 'node:fs';
import { prepareLocalization, sourceBlockHashes } from '@/lib/content/prepare';
import { segmentForSearch } from '@/lib/search/segment';

const [output, postsArg = '10000', templatesArg = '6'] = process.argv.slice(2);
if (!output) throw new Error('usage: prepare-templates.ts <output.json> [posts] [templates]');
const POSTS = Number(postsArg);
const TEMPLATES = Number(templatesArg);

// Deterministic, so that two runs benchmark the same content.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(20261123);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const EN_WORDS = (
  'model training data inference token embedding attention layer gradient optimizer weights dataset benchmark ' +
  'evaluation pipeline checkpoint tokenizer vocabulary sequence context window batch latency throughput memory ' +
  'quantization precision accuracy loss function parameter fine-tuning adapter prompt retrieval index vector ' +
  'search ranking community open source contributor translation reviewer release license documentation example ' +
  'notebook library framework kernel GPU cluster scheduler cache compression sparse dense mixture expert router ' +
  'distillation alignment preference reward policy sampling temperature decoding beam greedy hallucination ' +
  'robustness fairness safety multilingual Chinese English corpus cleaning deduplication filtering annotation'
).split(' ');
const EN_GLUE = 'the a of for with in on and to by from when while because so that this every each our their'.split(' ');

const ZH_WORDS = (
  '模型 训练 数据 推理 词元 嵌入 注意力 网络层 梯度 优化器 权重 数据集 基准测试 评估 流水线 检查点 分词器 词表 序列 ' +
  '上下文 窗口 批次 延迟 吞吐量 显存 量化 精度 准确率 损失函数 参数 微调 适配器 提示词 检索 索引 向量 搜索 排序 ' +
  '社区 开源 贡献者 翻译 审校 发布 许可证 文档 示例 笔记本 框架 算子 集群 调度 缓存 压缩 稀疏 稠密 专家 路由 ' +
  '蒸馏 对齐 偏好 奖励 策略 采样 温度 解码 幻觉 鲁棒性 公平性 安全 多语言 中文 英文 语料 清洗 去重 过滤 标注'
).split(' ');
const ZH_GLUE = '的 在 和 与 对 把 将 通过 以及 如果 因此 但是 同时 我们 可以 需要 已经 进一步 主要'.split(' ');
const ZH_MIXED = ['GPU', 'Transformer', 'PyTorch', 'LoRA', 'API'];

// Words added to each post's search text, a few per post, so that search results differ.
const EN_TOPICS =
  'aurora basalt cobalt dune ember fjord glacier harbor island juniper kelp lagoon meadow nebula orchid prairie quartz reef savanna tundra'.split(
    ' ',
  );
const ZH_TOPICS = '长城 黄河 泰山 西湖 敦煌 丝路 昆仑 江南 草原 雪山 竹林 茶园 瓷器 书法 灯塔 港湾 星河 晨曦 松涛 云海'.split(' ');

function enSentence() {
  const words = Array.from({ length: between(10, 22) }, (_, i) => (i % 3 === 1 ? pick(EN_GLUE) : pick(EN_WORDS)));
  if (rng() < 0.15) words.splice(between(1, words.length - 1), 0, '`max_new_tokens`');
  if (rng() < 0.1) words.splice(between(1, words.length - 1), 0, '$O(n^2)$');
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

// Chinese runs words together; commas split clauses, a few English terms sit inline.
function zhSentence() {
  const clauses = Array.from({ length: between(2, 4) }, () =>
    Array.from({ length: between(3, 7) }, (_, i) => (i % 2 === 1 ? pick(ZH_GLUE) : rng() < 0.05 ? pick(ZH_MIXED) : pick(ZH_WORDS))).join(
      '',
    ),
  );
  return `${clauses.join('，')}。`;
}

const CODE = [
  '```python',
  'import torch',
  'from transformers import AutoModelForCausalLM, AutoTokenizer',
  '',
  'def generate(prompt: str, max_new_tokens: int = 128) -> str:',
  '    tokenizer = AutoTokenizer.from_pretrained("qiao/demo-7b")',
  '    model = AutoModelForCausalLM.from_pretrained("qiao/demo-7b", torch_dtype=torch.bfloat16)',
  '    inputs = tokenizer(prompt, return_tensors="pt")',
  '    with torch.no_grad():',
  '        output = model.generate(**inputs, max_new_tokens=max_new_tokens, do_sample=False)',
  '    return tokenizer.decode(output[0], skip_special_tokens=True)',
  '',
  'if __name__ == "__main__":',
  '    print(generate("Hello"))',
  '```',
].join('\n');

const MATH = '$$\n\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right) V\n$$';

function table(header: string[], word: () => string) {
  const rows = Array.from({ length: 5 }, () => `| ${word()} | ${(between(100, 9999) / 100).toFixed(2)} | ${between(1, 64)} | ${word()} |`);
  return [`| ${header.join(' | ')} |`, '| --- | ---: | ---: | --- |', ...rows].join('\n');
}

function body(locale: 'en' | 'zh', title: string, targetBytes: number) {
  const en = locale === 'en';
  const sentence = en ? enSentence : zhSentence;
  const word = en ? () => pick(EN_WORDS) : () => pick(ZH_WORDS);
  const paragraph = () => Array.from({ length: between(3, 6) }, sentence).join(en ? ' ' : '');
  // Imported posts open with their title, which the pipeline strips.
  const parts = [`# ${title}`, paragraph()];
  let section = 0;
  while (Buffer.byteLength(parts.join('\n\n')) < targetBytes) {
    section += 1;
    parts.push(en ? `## ${section}. ${word()} and ${word()}` : `## ${section}. ${word()}与${word()}`);
    parts.push(paragraph(), paragraph());
    if (section === 1) parts.push(CODE);
    if (section === 2) parts.push(table(en ? ['Setting', 'Score', 'GPUs', 'Notes'] : ['设置', '得分', '显卡数', '备注'], word));
    if (section === 3) parts.push(MATH);
    parts.push(en ? `### ${word()} ${word()}` : `### ${word()}${word()}`, paragraph());
    if (section % 2 === 0) parts.push(Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

const templates = Array.from({ length: TEMPLATES }, (_, i) => {
  // Bodies from about 8 kB to 15 kB of Markdown.
  const size = TEMPLATES === 1 ? 8000 : 8000 + Math.round((7000 * i) / (TEMPLATES - 1));
  const en = prepareLocalization({ title: `Template ${i}`, body: body('en', `Template ${i}`, size) });
  const zh = prepareLocalization({ title: `模板${i}`, body: body('zh', `模板${i}`, size) });
  return { en, zh, blockHashes: sourceBlockHashes(en.body) };
});

const clip = (text: string, length: number) => {
  const chars = Array.from(text);
  if (chars.length <= length) return text;
  const head = chars.slice(0, length - 1).join('');
  return `${head.trimEnd()}…`;
};

const posts = Array.from({ length: POSTS }, (_, i) => {
  const template = i % TEMPLATES;
  const enTitle = `${pick(EN_WORDS)} ${pick(EN_WORDS)} for ${pick(EN_WORDS)}, part ${i + 1}`.replace(/^./, (c) => c.toUpperCase());
  const zhTitle = `${pick(ZH_WORDS)}与${pick(ZH_WORDS)}实践（第${i + 1}篇）`;
  const enExtra = `${pick(EN_TOPICS)} ${pick(EN_TOPICS)} bench${i + 1}`;
  const zhExtra = `${pick(ZH_TOPICS)}${pick(ZH_TOPICS)} bench${i + 1}`;
  return {
    template,
    en: {
      title: enTitle,
      summary: clip(`${enSentence()} ${templates[template]!.en.summary}`, 180),
      searchTitle: segmentForSearch(enTitle),
      searchExtra: segmentForSearch(enExtra),
    },
    zh: {
      title: zhTitle,
      summary: clip(`${zhSentence()}${templates[template]!.zh.summary}`, 180),
      searchTitle: segmentForSearch(zhTitle),
      searchExtra: segmentForSearch(zhExtra),
    },
  };
});

writeFileSync(output, JSON.stringify({ templates, posts }));
