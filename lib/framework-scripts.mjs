// Which inline scripts of a rendered page the framework wrote, told apart from anything else a
// stored page could hold. Plain JavaScript: the cache handler (cache-handler.mjs) uses it through
// lib/script-hashes.mjs, outside Next's compilation.
//
// What Next 16 and React 19 write into a page, seen on this site's cached pages and in their
// sources, each as a direct child of <head> or <body> (never inside what a page renders):
// - Turbopack's bootstrap (id="_R_"): `(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({…});`
//   (next/dist/server/get-page-files.js)
// - the flight data: `(self.__next_f=self.__next_f||[]).push([0])`, then `self.__next_f.push([1,"…"])`
//   (next/dist/server/app-render/use-flight-response.js)
// - React's streaming instructions, when a boundary finishes after the shell: its runtime
//   (`$RC=function…`, `$RX=…`, `$RS=…`, `$RM=…;$RR=…`, `$RB=[];$RV=…`), then a call such as `$RC("B:0","S:0")`.
// Every argument is JSON, checked as such: a script is the framework's only when it is made of
// these statements and nothing else. `<script type="application/ld+json">` is data, not a script.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const CALL_PREFIXES = [/\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(/y, /self\.__next_f\.push\(/y, /\(globalThis\[("(?:[^"\\]|\\.)*")\] \|\| \(globalThis\[\1\] = \[\]\)\)\.push\(/y, /\$R[CSXR]\(/y];
const SEPARATOR = /[;\n]*/y;

/** The end of the JSON value that starts at `start`, or -1 when no JSON value starts there. */
function jsonEnd(text, start) {
  let depth = 0;
  let i = start;
  do {
    const c = text[i];
    if (c === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += text[i] === '\\' ? 2 : 1);
      if (i >= text.length) return -1;
    } else if (c === '[' || c === '{') depth += 1;
    else if (c === ']' || c === '}') depth -= 1;
    else if (depth === 0) {
      const scalar = /-?\d[\d.eE+-]*|true|false|null/y;
      scalar.lastIndex = i;
      return scalar.test(text) ? scalar.lastIndex : -1;
    }
    i += 1;
  } while (depth > 0 && i < text.length);
  if (depth !== 0) return -1;
  try {
    JSON.parse(text.slice(start, i));
    return i;
  } catch {
    return -1;
  }
}

/** After a call's opening parenthesis: JSON arguments and the closing one; the end, or -1. */
function argumentsEnd(text, start) {
  let i = start;
  for (;;) {
    i = jsonEnd(text, i);
    if (i < 0) return -1;
    if (text[i] === ')') return i + 1;
    if (text[i] !== ',') return -1;
    i += 1;
  }
}

function unescapeLiteral(body) {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\s\S])/g, (_, e) =>
    e.length > 1 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : ({ n: '\n', r: '\r', t: '\t' }[e] ?? e),
  );
}

let runtime = null;

/**
 * React's streaming runtime, exactly as the React that Next renders with writes it: the string
 * literals of its server renderer that define `$R…` functions. Longest first, so that a chunk is
 * never matched by a shorter one it starts with.
 */
export function reactRuntimeChunks() {
  if (runtime) return runtime;
  const require = createRequire(import.meta.url);
  const chunks = new Set();
  for (const file of ['react-dom-server.node.production.js', 'react-dom-server.edge.production.js']) {
    let source = '';
    try {
      source = readFileSync(require.resolve(`next/dist/compiled/react-dom/cjs/${file}`), 'utf8');
    } catch {
      continue;
    }
    for (const [, , body] of source.matchAll(/(['"])((?:\$R[A-Z]=|requestAnimationFrame\(function\(\)\{\$RT=)(?:\\[\s\S]|(?!\1)[^\\\n])*)\1/g)) {
      // A chunk that ends in the start of its first call (`…;$RS("`): the call is read as a call.
      const chunk = unescapeLiteral(body).replace(/\$R[A-Z]\("$/, '');
      if (chunk) chunks.add(chunk);
    }
  }
  runtime = [...chunks].sort((a, b) => b.length - a.length);
  return runtime;
}

/** Whether `text` is made only of the framework's statements. */
export function isFrameworkScriptText(text) {
  const chunks = reactRuntimeChunks();
  let i = 0;
  let statements = 0;
  while (i < text.length) {
    const chunk = chunks.find((c) => text.startsWith(c, i));
    if (chunk) {
      i += chunk.length;
    } else {
      const prefix = CALL_PREFIXES.map((p) => ((p.lastIndex = i), p.exec(text))).find(Boolean);
      if (!prefix) return false;
      i = argumentsEnd(text, i + prefix[0].length);
      if (i < 0) return false;
    }
    statements += 1;
    SEPARATOR.lastIndex = i;
    SEPARATOR.exec(text);
    i = SEPARATOR.lastIndex;
  }
  return statements > 0;
}
