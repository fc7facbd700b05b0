// The community's channels as listed at the end of the first demo posts; used by prisma/seed.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { processImage } from '@/lib/uploads/image';
import { newUploadName, uploadUrl } from '@/lib/uploads/names';

type DemoChannel = { platform: 'BAAI' | 'BILIBILI' | 'CNBLOGS' | 'CSDN' | 'JUEJIN' | 'OSCHINA' | 'SEGMENTFAULT' | 'ZHIHU' | 'WECHAT'; name: string; url: string | null; en: string; zh: string };

const CHANNELS: DemoChannel[] = [
  { platform: 'BAAI', name: 'Hugging Face on BAAI Community', url: 'https://hub.baai.ac.cn/users/45017', en: 'Articles and event news on the BAAI research community hub.', zh: '在智源社区发布文章与活动资讯。' },
  { platform: 'BILIBILI', name: 'Hugging Face on Bilibili', url: 'https://space.bilibili.com/1740664937/', en: 'Video tutorials, talks and livestream replays.', zh: '视频教程、技术分享和直播回放。' },
  { platform: 'CNBLOGS', name: 'Hugging Face on CNBlogs', url: 'https://www.cnblogs.com/huggingface', en: 'Chinese translations of our blog posts.', zh: '博客文章的中文译文。' },
  { platform: 'CSDN', name: 'Hugging Face on CSDN', url: 'https://huggingface.blog.csdn.net/', en: 'Blog posts and hands-on guides for developers.', zh: '面向开发者的博客文章与实践指南。' },
  { platform: 'JUEJIN', name: 'Hugging Face on Juejin', url: 'https://juejin.cn/user/611789528634712', en: 'Technical articles for the Juejin developer community.', zh: '为掘金开发者社区准备的技术文章。' },
  { platform: 'OSCHINA', name: 'Hugging Face on OSChina', url: 'https://my.oschina.net/HuggingFace', en: 'Open-source news and translated posts.', zh: '开源动态与翻译文章。' },
  { platform: 'SEGMENTFAULT', name: 'Hugging Face on SegmentFault', url: 'https://segmentfault.com/u/huggingface', en: 'Articles and answers for developers.', zh: '面向开发者的文章与问答。' },
  { platform: 'ZHIHU', name: 'Hugging Face on Zhihu', url: 'https://www.zhihu.com/org/huggingface', en: 'Articles, answers and community discussion.', zh: '专栏文章、回答与社区讨论。' },
  { platform: 'WECHAT', name: 'Hugging Face WeChat official account', url: null, en: 'Scan the QR code to follow our WeChat official account for news and translated posts.', zh: '扫描二维码关注微信公众号，获取最新动态和中文文章。' },
];

/** A QR-like placeholder (finder squares and a pseudo-random grid): a demo, not a real code. */
async function placeholderQr(): Promise<Buffer> {
  const cells = 21;
  const scale = 8;
  const size = cells * scale;
  const pixels = Buffer.alloc(size * size, 255);
  const dark = (x: number, y: number) => {
    for (const [fx, fy] of [[0, 0], [cells - 7, 0], [0, cells - 7]] as const) {
      const dx = x - fx;
      const dy = y - fy;
      if (dx >= 0 && dy >= 0 && dx <= 6 && dy <= 6) return dx === 0 || dy === 0 || dx === 6 || dy === 6 || (dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4);
    }
    return (x * 7 + y * 13 + x * y) % 3 === 0;
  };
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (dark(Math.floor(x / scale), Math.floor(y / scale))) pixels[y * size + x] = 0;
  return sharp(pixels, { raw: { width: size, height: size, channels: 1 } }).extend({ top: 16, bottom: 16, left: 16, right: 16, background: '#fff' }).png().toBuffer();
}

async function storeQr(): Promise<string> {
  const image = await processImage(await placeholderQr());
  const dir = path.resolve(process.cwd(), process.env.UPLOADS_DIR || '.data/uploads');
  const name = newUploadName(image.ext);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), image.data);
  return uploadUrl(name);
}

export async function seedDemoChannels(db: PrismaClient): Promise<number> {
  for (const c of CHANNELS) {
    const qrImage = c.platform === 'WECHAT' ? await storeQr() : null;
    await db.channel.create({ data: { platform: c.platform, name: c.name, url: c.url, qrImage, descriptions: { en: c.en, zh: c.zh }, position: 0 } });
  }
  return CHANNELS.length;
}
