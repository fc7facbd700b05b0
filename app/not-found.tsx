// Outside any locale, so next-intl's Link has no locale to add.
import Link from 'next/link';

// Reached only for paths outside any locale, which the proxy normally redirects first, so it
// cannot know the visitor's language: it says the minimum in both.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>404</h1>
        <p>
          <Link href="/en">English</Link> · <Link href="/zh" lang="zh-CN">中文</Link>
        </p>
      </body>
    </html>
  );
}
