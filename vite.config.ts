import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The designer is served by the server at `/`, its assets under `/_studio/ui/` (see shared/urls.ts).
export default defineConfig({
  root: 'renderer',
  base: '/_studio/ui/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // No data: URLs: the designer's CSP allows fonts and images from its own origin only.
    assetsInlineLimit: 0,
  },
});
