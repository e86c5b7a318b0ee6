// Two browser tabs chat through our chat server: greeting, relay, rows '#', '>', '<'.
const { chromium } = require('playwright-core');
(async () => {
  const url = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const a = await browser.newPage();
  const b = await browser.newPage();
  const rows = async (p) => (await p.$$eval('#log li', els => els.map(e => e.textContent)));
  await a.goto(url); await b.goto(url);
  for (const p of [a, b]) await p.waitForFunction(() => [...document.querySelectorAll('#log li')].some(li => li.textContent === '< Welcome to Awesome Chat'), null, { timeout: 10000 });
  await a.fill('#message', 'hello from tab A ✓'); await a.press('#message', 'Enter');
  await b.waitForFunction(() => [...document.querySelectorAll('#log li')].some(li => li.textContent === '< hello from tab A ✓'), null, { timeout: 10000 });
  await a.waitForFunction(() => [...document.querySelectorAll('#log li')].some(li => li.textContent === '< hello from tab A ✓'), null, { timeout: 10000 });
  const ext = await a.evaluate(() => new Promise(r => { const s = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/'); s.onopen = () => { r(s.extensions); s.close(1000); }; }));
  await a.screenshot({ path: process.argv[3] || 'chat.png' });
  console.log('A:', JSON.stringify(await rows(a)));
  console.log('B:', JSON.stringify(await rows(b)));
  console.log('negotiated extensions:', ext);
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
