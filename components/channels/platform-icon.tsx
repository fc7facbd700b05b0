import type { ChannelPlatformName } from '@/lib/validations/channels';

// Generic glyphs in brand-ish colours, drawn here: no third-party logos are shipped.
const GLYPHS: Record<ChannelPlatformName, { color: string; letter: string }> = {
  BAAI: { color: '#1d4ed8', letter: 'B' },
  BILIBILI: { color: '#00a1d6', letter: 'b' },
  CNBLOGS: { color: '#2f6f9f', letter: 'C' },
  CSDN: { color: '#fc5531', letter: 'C' },
  JUEJIN: { color: '#1e80ff', letter: 'J' },
  OSCHINA: { color: '#2b9b4f', letter: 'O' },
  SEGMENTFAULT: { color: '#009a61', letter: 'S' },
  ZHIHU: { color: '#0066ff', letter: '知' },
  WECHAT: { color: '#07c160', letter: 'W' },
  GITHUB: { color: '#24292f', letter: 'G' },
  X: { color: '#111111', letter: 'X' },
  DISCORD: { color: '#5865f2', letter: 'D' },
  HUGGINGFACE: { color: '#d97706', letter: 'H' },
  OTHER: { color: '#78716c', letter: '•' },
};

/** A decorative badge; the platform's name is always written next to it. */
export function PlatformIcon({ platform, size = 32 }: { platform: ChannelPlatformName; size?: number }) {
  const glyph = GLYPHS[platform];
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="shrink-0">
      {platform === 'WECHAT' ? (
        <>
          <rect width="32" height="32" rx="8" fill={glyph.color} />
          <ellipse cx="13" cy="14" rx="8" ry="6.5" fill="#fff" />
          <ellipse cx="20" cy="19" rx="6.5" ry="5.2" fill="#fff" stroke={glyph.color} strokeWidth="1.2" />
          <circle cx="10.5" cy="13" r="1.1" fill={glyph.color} />
          <circle cx="15.5" cy="13" r="1.1" fill={glyph.color} />
        </>
      ) : (
        <>
          <rect width="32" height="32" rx="8" fill={glyph.color} />
          <text x="16" y="21.5" textAnchor="middle" fontSize="16" fontWeight="700" fontFamily="system-ui, sans-serif" fill="#fff">
            {glyph.letter}
          </text>
        </>
      )}
    </svg>
  );
}
