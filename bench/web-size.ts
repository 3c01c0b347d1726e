/**
 * Web app first-page weight (issue 8: ≤ 300 KB of JavaScript, gzip). Opens the running app in Debian's Chromium
 * and records every JavaScript response the page loads until the network is idle: the public home page `/` as a
 * visitor, and `/app` (the desk) after signing in as an officer and as a unit. Each script's bytes are gzipped
 * here (level 9, what a reverse proxy's gzip_static or `gzip on` sends), so the number does not depend on
 * whether the bench's server compresses. Without Chromium it falls back to the entry script and its
 * modulepreload links in dist/web/index.html, and says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CHROMIUM, launchBrowser } from '../test/helpers/browser';

export interface WebPageWeight {
  page: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
  /** The three heaviest scripts (gzip KB), to say where the weight is. */
  heaviest: { file: string; gzipKb: number }[];
}

export interface WebSizeReport {
  method: 'chromium' | 'index.html';
  pages: WebPageWeight[];
  targetKb: number;
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const gz = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length;

function weigh(page: string, scripts: Map<string, Buffer>): WebPageWeight {
  const rows = [...scripts].map(([url, body]) => ({ file: url.replace(/^.*\/assets\//, ''), raw: body.length, gzip: gz(body) }));
  return {
    page,
    scripts: rows.length,
    rawKb: kb(rows.reduce((s, r) => s + r.raw, 0)),
    gzipKb: kb(rows.reduce((s, r) => s + r.gzip, 0)),
    heaviest: rows
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3)
      .map((r) => ({ file: r.file, gzipKb: kb(r.gzip) })),
  };
}

/** `logins`: page label → cookie header value (or null for an anonymous visitor) and the path to open. */
export async function measureWebFirstPage(base: string, visits: { label: string; path: string; cookie: string | null }[], webRoot = 'dist/web'): Promise<WebSizeReport> {
  if (!fs.existsSync(CHROMIUM)) return staticWeight(webRoot);
  const browser = await launchBrowser();
  const pages: WebPageWeight[] = [];
  try {
    for (const v of visits) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      if (v.cookie) {
        const [name, value] = v.cookie.split('=');
        await context.addCookies([{ name, value, url: base }]);
      }
      const page = await context.newPage();
      const scripts = new Map<string, Buffer>();
      const pending: Promise<void>[] = [];
      page.on('response', (res) => {
        if (res.request().resourceType() !== 'script') return;
        pending.push(res.body().then((b) => void scripts.set(res.url(), b), () => undefined));
      });
      await page.goto(base + v.path, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      pages.push(weigh(v.label, scripts));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { method: 'chromium', pages, targetKb: 300 };
}

function staticWeight(webRoot: string): WebSizeReport {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const scripts = new Map(refs.map((r) => [r, fs.readFileSync(path.join(webRoot, r))] as const));
  return { method: 'index.html', pages: [weigh('index.html: entry + modulepreload (no browser here)', scripts)], targetKb: 300 };
}
