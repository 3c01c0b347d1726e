#!/usr/bin/env node
// 匠心 Jiangxin command line. Runs the TypeScript entry (src/policy/cli.ts) through tsx and supplies its I/O.
import { readFile } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  const { runCli } = await tsImport('../src/policy/cli.ts', import.meta.url);
  process.exitCode = await runCli(process.argv.slice(2), {
    readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // en-CA formats as YYYY-MM-DD.
    today: () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
  });
} catch (error) {
  process.stderr.write(`出错 / error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
