import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The dev server forwards the API and the live channel to the server that infra/run.sh starts.
const server = process.env.QUALCODER_SERVER ?? "http://localhost:8765";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": server,
      "/hubs": { target: server, ws: true },
    },
  },
  build: { sourcemap: true },
  test: { environment: "jsdom", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
