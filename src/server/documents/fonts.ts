import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The full Noto Sans SC TrueType fonts (from @expo-google-fonts/noto-sans-sc). pdfkit subsets a font when it
 * embeds it, so a dossier carries only the glyphs it uses and every Chinese character renders and extracts.
 * (pdf-lib's own subsetting drops CJK glyphs — never draw Chinese with pdf-lib fonts.) Each file is read once
 * per process; the Buffers are shared by every document.
 */
export interface CjkFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: CjkFonts | undefined;

function fontPath(file: string): string {
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return path.join(pkg, file);
}

export function cjkFonts(): CjkFonts {
  cached ??= {
    regular: fs.readFileSync(fontPath('400Regular/NotoSansSC_400Regular.ttf')),
    bold: fs.readFileSync(fontPath('700Bold/NotoSansSC_700Bold.ttf')),
  };
  return cached;
}
