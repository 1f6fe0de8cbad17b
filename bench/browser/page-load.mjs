// Loads the dashboard and the map RUNS times each in headless Chromium (/usr/bin/chromium, never a downloaded
// browser) and prints the median, minimum and maximum time until each is usable:
//  - dashboard: the page's load event (server-rendered: then it is all there);
//  - map: Leaflet has drawn every layer of the first view from our own GeoJSON (no tiles).
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:5090', runsArg = '7'] = process.argv.slice(2);
const runs = Number(runsArg);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function time(path, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(base + path, { waitUntil: 'load' });
  await ready(page);
  const elapsed = performance.now() - start;
  await context.close();
  return elapsed;
}

const pages = {
  dashboard: ['/', async () => {}],
  // map.js marks the map once every layer of the first view (boundaries, places, event cells, meetings) is drawn.
  map: ['/map', page => page.waitForSelector('#map[data-layers-loaded=true]', { state: 'attached', timeout: 30000 })],
};

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [name, [path, ready]] of Object.entries(pages)) {
  await time(path, ready); // warm-up: the first load fills the server's caches
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await time(path, ready));
  console.log(`${name.padEnd(10)} median ${median(samples).toFixed(0)} ms  (min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}, ${runs} loads)`);
}
await browser.close();
