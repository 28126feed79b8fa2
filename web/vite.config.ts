import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolved from this file rather than the working directory, so the build works from any cwd.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // ECharts with the world map is one ~580 kB chunk, loaded lazily by the home page only.
    chunkSizeWarningLimit: 650,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
