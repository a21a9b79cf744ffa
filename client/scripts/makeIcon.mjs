// Draws images/icon.png (128×128) with headless chromium: a card with an error badge.
// playwright gives the browser a fresh temporary profile. Run once by hand (`node client/scripts/makeIcon.mjs`); the PNG is committed.
import { chromium } from 'playwright-core';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1f6feb"/><stop offset="1" stop-color="#0b3d91"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#g)"/>
  <text x="16" y="60" font-family="DejaVu Sans Mono, monospace" font-weight="700" font-size="34" fill="#ffffff">{ }</text>
  <rect x="18" y="76" width="64" height="8" rx="4" fill="#9cc3ff"/>
  <rect x="18" y="92" width="44" height="8" rx="4" fill="#9cc3ff"/>
  <circle cx="94" cy="88" r="22" fill="#f85149" stroke="#ffffff" stroke-width="4"/>
  <rect x="91" y="73" width="6" height="19" rx="3" fill="#ffffff"/>
  <circle cx="94" cy="100" r="3.5" fill="#ffffff"/>
</svg>`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'images/icon.png', omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
}
