// End-to-end check of the Flotilla dashboard in headless Chromium (Debian's /usr/bin/chromium),
// driven by playwright-core (never downloads a browser). Run by DashboardIT:
//   NODE_PATH=<dir>/node_modules node dashboard-e2e.cjs URL TASK_ID X Y RUNNING_PNG DONE_PNG
// Opens the page, submits a task in the form, waits (generously) until the page shows it
// assigned to a robot and then done, and writes screenshots; then cancels a second task and
// pauses and resumes robot r1 with the tables' buttons. Exit 0 on success; otherwise a
// sentence on stderr and exit 1.
'use strict';

const { chromium } = require('playwright-core');

const [url, taskId, x, y, runningPng, donePng] = process.argv.slice(2);
const WAIT = { timeout: 45000 };

async function stateOf(page, id) {
  const cell = page.locator(`#tasks tr[data-task="${id}"] td.state`);
  return (await cell.count()) ? (await cell.first().textContent()).trim() : '';
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const problems = [];
    page.on('pageerror', e => problems.push('page error: ' + e.message));
    page.on('requestfailed', r => problems.push('request failed: ' + r.url()));
    page.on('request', r => {
      if (!r.url().startsWith(url)) problems.push('request outside Flotilla: ' + r.url());
    });
    await page.goto(url, WAIT);
    await page.locator('#status', { hasText: 'live' }).waitFor(WAIT);
    await page.locator('#robots tbody tr').first().waitFor(WAIT);
    await page.locator('#map g.robot').first().waitFor(WAIT);

    await page.fill('#task-id', taskId);
    await page.fill('#task-x', x);
    await page.fill('#task-y', y);
    await page.fill('#task-duration', '3');
    await page.click('#submit-button');
    await page.locator('#verdict', { hasText: `task ${taskId} accepted` }).waitFor(WAIT);

    // Assigned (or already running) to a robot, shown in the table, on the map and in the plan.
    await page.waitForFunction(id => {
      const row = document.querySelector(`#tasks tr[data-task="${id}"]`);
      return row && ['assigned', 'running'].includes(row.children[2].textContent)
        && row.children[3].textContent !== '—';
    }, taskId, WAIT);
    await page.locator(`#gantt g.bar[data-task="${taskId}"]`).first().waitFor(WAIT);
    await page.locator(`#map g.site[data-task="${taskId}"]`).first().waitFor(WAIT);
    const robots = await page.locator(`#tasks tr[data-task="${taskId}"] td`).nth(3)
      .textContent();
    console.log(`task ${taskId} ${await stateOf(page, taskId)} to ${robots}`);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: runningPng, fullPage: true });

    await page.locator(`#tasks tr[data-task="${taskId}"] td.state`, { hasText: 'done' })
      .waitFor(WAIT);
    await page.locator('#events li', { hasText: taskId }).first().waitFor(WAIT);
    console.log(`task ${taskId} done`);
    await page.screenshot({ path: donePng, fullPage: true });

    // A far, long task cancelled with its row's button; a robot paused and resumed likewise.
    const far = taskId + '-far';
    await page.fill('#task-id', far);
    await page.fill('#task-x', '9');
    await page.fill('#task-y', '9');
    await page.fill('#task-duration', '60');
    await page.click('#submit-button');
    await page.locator('#verdict', { hasText: `task ${far} accepted` }).waitFor(WAIT);
    const farRow = page.locator(`#tasks tr[data-task="${far}"]`);
    await farRow.locator('button', { hasText: 'Cancel' }).click(WAIT);
    await page.locator('#verdict', { hasText: `cancel of ${far} accepted` }).waitFor(WAIT);
    await farRow.locator('td.state', { hasText: 'cancelled' }).waitFor(WAIT);
    console.log(`task ${far} cancelled`);
    const r1 = page.locator('#robots tr[data-robot="r1"]');
    await r1.locator('button', { hasText: 'Pause' }).click(WAIT);
    await r1.locator('td.state', { hasText: 'paused' }).waitFor(WAIT);
    await r1.locator('button', { hasText: 'Resume' }).click(WAIT);
    await r1.locator('td.state', { hasText: 'alive' }).waitFor(WAIT);
    console.log('robot r1 paused and resumed');
    if (problems.length) {
      throw new Error(problems.join('; '));
    }
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0), e => {
  console.error('dashboard e2e: ' + (e && e.message ? e.message.split('\n')[0] : e));
  process.exit(1);
});
