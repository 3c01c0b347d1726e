// Builds the web app when its sources are present (npm start and npm test call this first).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
if (fs.existsSync('src/web/index.html') && fs.existsSync('vite.config.ts')) {
  execSync('npx vite build', { stdio: 'inherit' });
} else {
  console.warn('[build-web] src/web/index.html not found: the web app is not built; the API runs alone and the browser tests are skipped');
}
