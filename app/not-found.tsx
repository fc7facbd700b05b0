import NextError from 'next/error';

// Reached only for paths outside any locale, which the proxy normally redirects first.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body>
        <NextError statusCode={404} />
      </body>
    </html>
  );
}
