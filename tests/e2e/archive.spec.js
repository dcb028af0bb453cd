// A site whose list comes in parts: 130 synthetic articles, built as
// `make dist` builds one. The index holds the first page; filters, later
// pages and links to older articles fetch only the part files they need,
// and show exactly what the whole list would.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { articles, buildSite, shownText, startServer, waitForApp, waitForWorker } from './helpers.js';

const COUNT = 130;
let site;
let server;
/** The whole list, newest first, and each topic's positions in it, read from the built files. */
let whole;

function read(file) {
  return JSON.parse(fs.readFileSync(path.join(site, 'data', file), 'utf8'));
}

test.beforeAll(() => {
  const content = path.join('target', 'e2e-sites', 'archive-content');
  fs.rmSync(content, { recursive: true, force: true });
  const made = articles(['synth', '--count', String(COUNT), '--content', content]);
  expect(made.status, made.output).toBe(0);
  site = buildSite('archive', content);
  fs.copyFileSync(path.join(site, 'shell.html'), path.join(site, 'removed-article.html'));
  const index = read('index.json');
  const { version, chunk } = index.list;
  const list = [...index.articles];
  for (let n = 1; n * chunk < COUNT; n++) list.push(...read(`list/chunk-${n}.${version}.json`).articles);
  whole = { index, list, version };
});

test.beforeEach(async () => {
  server = await startServer(site, 8301, '/archive/');
});

test.afterEach(() => server.stop());

/** The cards' titles, to expect in order (retried until they match). */
function cardTitles(page) {
  return page.getByTestId('article-card').getByRole('heading', { level: 2 });
}

/** The data files the page asked for, by their names under data/. */
function dataRequests(page) {
  const files = [];
  page.on('request', (r) => {
    const at = new URL(r.url()).pathname.indexOf('/data/');
    if (at >= 0) files.push(new URL(r.url()).pathname.slice(at + '/data/'.length));
  });
  return files;
}

test('the index holds the first page and the whole list adds up', () => {
  const { index, list } = whole;
  expect(index.articles).toHaveLength(20);
  expect(index.list.total).toBe(COUNT);
  expect(list).toHaveLength(COUNT);
  expect(new Set(list.map((a) => a.slug)).size).toBe(COUNT);
  for (const t of index.topics.filter((t) => t.count > 0)) {
    expect(list.filter((a) => a.topics.includes(t.id)), t.id).toHaveLength(t.count);
  }
});

test('the first view fetches no part; a topic fetches its positions and the chunks its page needs', async ({ page }) => {
  const files = dataRequests(page);
  await page.goto(server.base + 'index.html');
  await waitForApp(page);
  await expect(cardTitles(page)).toHaveText(whole.list.slice(0, 20).map((a) => a.title));
  await expect(page.getByTestId('result-count')).toHaveText(shownText(COUNT, COUNT));
  expect(files).toEqual(['index.json']);

  // The topic with the fewest articles: its matches reach deep into the list.
  const topic = whole.index.topics.filter((t) => t.count > 0).sort((a, b) => a.count - b.count)[0];
  const label = topic.ru;
  await page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await expect(page).toHaveURL(new RegExp(`\\?topic=${topic.id}$`));
  const matching = whole.list.filter((a) => a.topics.includes(topic.id));
  await expect(page.getByTestId('result-count')).toHaveText(shownText(matching.length, COUNT));
  await expect(cardTitles(page)).toHaveText(matching.slice(0, 20).map((a) => a.title));
  expect(files).toContain(`list/topic-${topic.id}.${whole.version}.json`);
  expect(files.filter((f) => f.startsWith('list/slugs-'))).toEqual([]);

  // Two topics: any of them, in list order.
  const other = whole.index.topics.find((t) => t.count > 0 && t.id !== topic.id);
  await page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: new RegExp(`^${other.ru}`) }).click();
  const either = whole.list.filter((a) => a.topics.includes(topic.id) || a.topics.includes(other.id));
  await expect(page.getByTestId('result-count')).toHaveText(shownText(either.length, COUNT));
  await expect(cardTitles(page)).toHaveText(either.slice(0, 20).map((a) => a.title));
});

test('a later page, loaded or reached by the pager, shows its part of the list', async ({ page }) => {
  const files = dataRequests(page);
  await page.goto(server.base + 'page-4.html');
  await waitForApp(page);
  await expect(cardTitles(page)).toHaveText(whole.list.slice(60, 80).map((a) => a.title));
  expect(files).toEqual(['index.json', `list/chunk-3.${whole.version}.json`]);

  await expect(page.getByTestId('result-count')).toHaveText(shownText(COUNT, COUNT, { page: 4 }));

  await page.getByRole('navigation', { name: 'Страницы списка' }).getByRole('link', { name: 'Раньше →' }).click();
  await expect(page).toHaveURL(/page-5\.html$/);
  await expect(page.getByText('Страница 5 из 7')).toBeVisible();
  await expect(cardTitles(page)).toHaveText(whole.list.slice(80, 100).map((a) => a.title));
  await expect(page.getByTestId('result-count')).toHaveText('Показаны 81–100 из 130 статей');
});

test('a view opened from its link stays put while its part arrives: a topic, a month, a search, a later page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The parts come late, as on a slow network: the page waits for them.
  await page.route(/\/data\/(list|search)\//, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = 0;
    const add = (entries) => entries.forEach((entry) => (window.__shifts += entry.hadRecentInput ? 0 : entry.value));
    window.__observer = new PerformanceObserver((list) => add(list.getEntries()));
    window.__observer.observe({ type: 'layout-shift', buffered: true });
    // Every shift so far, those of the last frames included.
    window.__allShifts = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
        add(window.__observer.takeRecords());
        resolve(window.__shifts);
      })));
  });
  const topic = whole.index.topics.filter((t) => t.count > 0).sort((a, b) => a.count - b.count)[0];
  const largest = whole.index.topics.filter((t) => t.count > 20)[0];
  const month = whole.list[whole.list.length - 1].date.slice(0, 7);
  const word = whole.list[0].title.split(/[^а-яё]+/i).sort((a, b) => b.length - a.length)[0].toLowerCase();
  for (const link of [`index.html?topic=${topic.id}`, `index.html?month=${month}`, `index.html?q=${encodeURIComponent(word)}`, `page-2.html?topic=${largest.id}`]) {
    await page.goto(server.base + link);
    await waitForApp(page);
    await expect(page.getByTestId('article-list'), link).not.toHaveAttribute('aria-busy', 'true');
    await expect(cardTitles(page).first()).toBeVisible();
    // Digits differ by a hundredth of a pixel in width: nothing a reader sees.
    expect(await page.evaluate(() => window.__allShifts()), link).toBeLessThan(0.001);
  }
});

test('saving the archive asks for several articles at once, and the reader can stop it', async ({ page, context }) => {
  await page.goto(server.base + 'index.html');
  await waitForApp(page);
  await waitForWorker(page);
  // Each article's file takes a while, as on a slow network.
  let asked = 0;
  let open = 0;
  let most = 0;
  await context.route(/\/data\/articles\//, async (route) => {
    asked += 1;
    most = Math.max(most, ++open);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await route.continue();
    open -= 1;
  });
  await page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' }).click();
  await expect.poll(() => asked).toBeGreaterThan(12);
  await page.getByRole('button', { name: 'Остановить сохранение' }).click();
  const status = page.getByTestId('save-status');
  await expect(status).toHaveText(new RegExp(`^Сохранение остановлено: сохранено \\d+ из ${COUNT}\\.$`));
  const done = Number((await status.innerText()).match(/сохранено (\d+)/)[1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(COUNT);
  expect(most, 'several at once, no more than a browser opens to one host').toBeGreaterThan(1);
  expect(most).toBeLessThanOrEqual(6);
  // Nothing more is asked for once it stopped.
  const after = asked;
  await page.waitForTimeout(600);
  expect(asked).toBe(after);
  await expect(page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Остановить сохранение' })).toHaveCount(0);
});

test('results in pages are not newer and older: the pager says back and next', async ({ page }) => {
  // The word most titles have: its results fill more than a page.
  const counts = new Map();
  for (const a of whole.list) {
    for (const w of new Set(a.title.toLowerCase().match(/[а-яё]{5,}/g))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const [word, titles] = [...counts].sort((a, b) => b[1] - a[1])[0];
  expect(titles).toBeGreaterThan(20);
  await page.goto(server.base + `index.html?q=${encodeURIComponent(word)}`);
  await waitForApp(page);
  await expect(page.getByTestId('result-count')).toHaveText(/^Найден/);
  const pager = page.getByRole('navigation', { name: 'Страницы списка' });
  await expect(pager.getByRole('link')).toHaveText(['Дальше →']);
  await pager.getByRole('link', { name: 'Дальше →' }).click();
  await expect(page).toHaveURL(/page-2\.html\?q=/);
  await expect(pager.getByRole('link').first()).toHaveText('← Назад');
});

const MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];

/** "Январь 2026 (12)" for `2026-01` and 12 articles. */
function monthChoice(month, count) {
  const [year, number] = month.split('-');
  return `${MONTHS[Number(number) - 1]} ${year} (${count})`;
}

test('a month narrows the list, keeps the topic, and its counts follow the topic', async ({ page }) => {
  await page.goto(server.base + 'index.html');
  await waitForApp(page);
  const months = [...new Set(whole.list.map((a) => a.date.slice(0, 7)))];
  expect(months.length, 'the synthetic list spans months').toBeGreaterThan(1);
  expect(whole.index.list.months).toEqual(months.map((m) => [m, whole.list.filter((a) => a.date.startsWith(m)).length]));
  const inMonth = (list, m) => list.filter((a) => a.date.startsWith(m));
  const choices = (list) => [`Все месяцы (${list.length})`, ...months.map((m) => [m, inMonth(list, m).length]).filter(([, n]) => n > 0).map(([m, n]) => monthChoice(m, n))];
  const select = page.getByRole('combobox', { name: 'Месяц' });
  await expect(select.locator('option')).toHaveText(choices(whole.list));
  // Each topic's chip says how many articles it would show.
  const topicChips = page.getByRole('group', { name: 'Темы' }).getByRole('button');
  const chipTexts = (list) => ['Все темы', ...whole.index.topics.filter((t) => t.count > 0).map((t) => `${t.ru} ${list.filter((a) => a.topics.includes(t.id)).length}`)];
  await expect(topicChips).toHaveText(chipTexts(whole.list));

  // The oldest month: its articles are in chunks the first view does not have.
  const month = months[months.length - 1];
  await select.selectOption(month);
  await expect(page).toHaveURL(new RegExp(`\\?month=${month}$`));
  const shown = inMonth(whole.list, month);
  await expect(page.getByTestId('result-count')).toHaveText(shownText(shown.length, COUNT));
  await expect(cardTitles(page)).toHaveText(shown.slice(0, 20).map((a) => a.title));
  await expect(topicChips).toHaveText(chipTexts(shown));

  // A topic keeps the month; each month then counts the topic's articles.
  const topic = whole.index.topics.find((t) => t.count > 0 && inMonth(whole.list, month).some((a) => a.topics.includes(t.id)));
  await page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: new RegExp(`^${topic.ru}`) }).click();
  await expect(page).toHaveURL(new RegExp(`\\?topic=${topic.id}&month=${month}$`));
  const withTopic = whole.list.filter((a) => a.topics.includes(topic.id));
  await expect(cardTitles(page)).toHaveText(inMonth(withTopic, month).slice(0, 20).map((a) => a.title));
  await expect(select.locator('option')).toHaveText(choices(withTopic));
  await expect(select).toHaveValue(month);
  await expect(topicChips, 'a chosen topic leaves the topics\' counts as they were').toHaveText(chipTexts(shown));

  // The URL is the view: a reload shows it again, Back undoes each choice.
  await page.reload();
  await waitForApp(page);
  await expect(cardTitles(page)).toHaveText(inMonth(withTopic, month).slice(0, 20).map((a) => a.title));
  await expect(select).toHaveValue(month);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?month=${month}$`));
  await expect(cardTitles(page)).toHaveText(shown.slice(0, 20).map((a) => a.title));
  await page.goBack();
  await expect(page).toHaveURL(/index\.html$/);
  await expect(select).toHaveValue('');
  await expect(page.getByTestId('result-count')).toHaveText(shownText(COUNT, COUNT));
  await expect(topicChips).toHaveText(chipTexts(whole.list));
});

test('names: folded until opened, then one file; a name narrows the list and counts follow the choices', async ({ page }) => {
  const files = dataRequests(page);
  await page.goto(server.base + 'index.html');
  await waitForApp(page);
  const offered = whole.index.list.names;
  expect(offered.length, 'the synthetic list names people, places and organisations').toBeGreaterThan(3);
  const names = page.getByTestId('name-filter');
  await names.getByText('Люди, места, организации').click();
  // With nothing chosen the counts are the index's: no file yet.
  const people = offered.filter(([kind]) => kind === 'person');
  const chips = names.getByRole('group', { name: 'Люди' }).getByRole('button');
  await expect(chips).toHaveText(people.map(([, name, count]) => `${name} ${count}`));
  expect(files.filter((f) => f.startsWith('list/'))).toEqual([]);

  const [, person] = people[0];
  const naming = (list, kind, name) => list.filter((a) => (a[kind] || []).includes(name));
  await chips.first().click();
  await expect(page).toHaveURL(new RegExp(`\\?person=${encodeURIComponent(person).replace(/%20/g, '\\+')}$`));
  const withPerson = naming(whole.list, 'people', person);
  await expect(page.getByTestId('result-count')).toHaveText(shownText(withPerson.length, COUNT));
  await expect(cardTitles(page)).toHaveText(withPerson.slice(0, 20).map((a) => a.title));
  expect(files).toContain(`list/names.${whole.version}.json`);
  // Each topic counts the person's articles it has.
  const topicCount = (t) => `${t.ru} ${withPerson.filter((a) => a.topics.includes(t.id)).length}`;
  await expect(page.getByRole('group', { name: 'Темы' }).getByRole('button')).toHaveText(['Все темы', ...whole.index.topics.filter((t) => t.count > 0).map(topicCount)]);

  // A place's count is of the articles that also name the person.
  const [, place] = offered.find(([kind]) => kind === 'place');
  const placeChip = names.getByRole('group', { name: 'Места' }).getByRole('button', { name: new RegExp(`^${place} \\d+$`) });
  await expect(placeChip).toHaveText(`${place} ${naming(withPerson, 'places', place).length}`);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('name-filter')).toHaveAttribute('open', '');
  await expect(cardTitles(page)).toHaveText(withPerson.slice(0, 20).map((a) => a.title));
});

test('an older article opens from its own link through its slug file alone', async ({ page }) => {
  const oldest = whole.list[COUNT - 1];
  const files = dataRequests(page);
  await page.goto(server.base + `${oldest.slug}.html`);
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldest.title);
  await expect(page.getByTestId('passage').first()).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${oldest.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `));
  expect(files.filter((f) => f.startsWith('list/'))).toEqual([expect.stringMatching(/^list\/slugs-\d+\./)]);
  expect(files).toContain(oldest.body);

  // The page of an article since removed (its file left behind) says so
  // once its slug file shows no such article.
  await page.goto(server.base + 'removed-article.html');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Статья не найдена');
});

test.describe('without the service worker, so that routes see every request', () => {
  test.use({ serviceWorkers: 'block' });

  test('a part gone from the server (a newer deploy) is said in words, and the list stays', async ({ page }) => {
    await page.route('**/data/list/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.base + 'index.html');
    await waitForApp(page);
    const topic = whole.index.topics.find((t) => t.count > 0);
    await page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: new RegExp(`^${topic.ru}`) }).click();
    await expect(page.getByRole('alert')).toContainText('перезагрузите страницу');
    await expect(cardTitles(page)).toHaveText(whole.list.slice(0, 20).map((a) => a.title));

    // Once the part is there again, "Повторить" shows the topic.
    await page.unroute('**/data/list/**');
    await page.getByRole('alert').getByRole('button', { name: 'Повторить' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    const matching = whole.list.filter((a) => a.topics.includes(topic.id));
    await expect(cardTitles(page)).toHaveText(matching.slice(0, 20).map((a) => a.title));
  });

  test('the topics\' counts under a month or a search come ahead of need, and the list never waits for them', async ({ page }) => {
    const files = dataRequests(page);
    const topicFiles = () => files.filter((f) => f.startsWith('list/topic-'));
    const topicChips = page.getByRole('group', { name: 'Темы' }).getByRole('button');
    const topics = whole.index.topics.filter((t) => t.count > 0);
    // The topics' files cannot be had (offline, never fetched).
    await page.route('**/data/list/topic-*', (route) => route.abort());
    const months = [...new Set(whole.list.map((a) => a.date.slice(0, 7)))];
    const month = months[months.length - 1];
    const shown = whole.list.filter((a) => a.date.startsWith(month));
    await page.goto(server.base + `index.html?month=${month}`);
    await waitForApp(page);
    await expect(cardTitles(page)).toHaveText(shown.slice(0, 20).map((a) => a.title));
    await expect(page.getByTestId('result-count')).toHaveText(shownText(shown.length, COUNT));
    // Asked for, and failing: the chips keep the index's counts, and nothing is said.
    await expect.poll(() => topicFiles().length).toBe(topics.length);
    await expect(topicChips).toHaveText(['Все темы', ...topics.map((t) => `${t.ru} ${t.count}`)]);
    await expect(page.getByRole('alert')).toHaveCount(0);

    // A search asks for them as it starts; each chip then says what it shows.
    await page.unroute('**/data/list/topic-*');
    files.length = 0;
    const word = whole.list[0].title.split(/[^а-яё]+/i).sort((a, b) => b.length - a.length)[0].toLowerCase();
    await page.goto(server.base + `index.html?q=${encodeURIComponent(word)}`);
    await waitForApp(page);
    await expect(page.getByTestId('result-count')).toHaveText(/^Найден/);
    await expect.poll(() => topicFiles().length).toBe(topics.length);
    await page.waitForLoadState('networkidle');
    const topic = topics.find((t) => t.id === whole.list[0].topics[0]);
    const chip = topicChips.filter({ hasText: new RegExp(`^${topic.ru} \\d+$`) });
    const said = Number((await chip.innerText()).match(/\d+$/)[0]);
    await chip.click();
    await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^Найден[оа]? ${said} `));
  });
});
