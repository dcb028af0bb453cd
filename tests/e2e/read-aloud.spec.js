// Reading an article aloud with the browser's speech synthesis: the
// headline and every passage, in the article's language and a voice of it,
// with pause, resume and stop; leaving the article stops it.
//
// A test browser has no voices to speak with, so the page gets a speech
// synthesis that records what it is asked to say and ends when told to.
import { test, expect } from '@playwright/test';
import { SEED, waitForApp } from './helpers.js';

async function recordSpeech(page) {
  await page.addInitScript(() => {
    const said = [];
    const calls = [];
    const voices = [{ lang: 'en-US', name: 'English' }, { lang: 'ru-RU', name: 'Русский' }];
    let queue = [];
    const synthesis = {
      getVoices: () => voices,
      speak(utterance) {
        said.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name });
        queue.push(utterance);
        // The first in line starts at once, as a real engine's does.
        if (queue.length === 1) setTimeout(() => queue[0] === utterance && utterance.onstart && utterance.onstart());
      },
      cancel() {
        calls.push('cancel');
        const left = queue;
        queue = [];
        for (const u of left) if (u.onerror) u.onerror({ error: 'canceled' });
      },
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    window.SpeechSynthesisUtterance = class {
      constructor(text) {
        this.text = text;
      }
    };
    window.speech = {
      said,
      calls,
      // The one being said ends, and the next starts.
      next() {
        const done = queue.shift();
        if (done && done.onend) done.onend();
        if (queue[0] && queue[0].onstart) queue[0].onstart();
      },
      // Everything queued is said to its end.
      finish() {
        const left = queue;
        queue = [];
        for (const u of left) if (u.onend) u.onend();
      },
    };
  });
}

// The seed on a phone `height` pixels tall, with speech recorded and no
// smooth scrolling: every scroll is done when the mark is set.
async function openSeedOnPhone(page, height) {
  await page.setViewportSize({ width: 390, height });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await recordSpeech(page);
  await openSeed(page);
}

async function openSeed(page) {
  await page.goto(`${SEED.slug}.html`);
  await waitForApp(page);
  await expect(page.getByTestId('passage').first()).toBeVisible();
}

test('the article is read aloud, headline first, in a Russian voice, and can be paused, resumed and stopped', async ({ page }) => {
  await recordSpeech(page);
  await openSeed(page);
  const tools = page.getByRole('group', { name: 'Чтение вслух' });
  await tools.getByRole('button', { name: 'Слушать' }).click();

  const said = await page.evaluate(() => window.speech.said);
  const passages = await page.getByTestId('passage').count();
  expect(said.length).toBe(1 + passages);
  expect(said[0].text).toBe(SEED.title);
  expect(said[1].text).toBe((await page.getByTestId('passage').first().innerText()).trim());
  expect(new Set(said.map((s) => `${s.lang} ${s.voice}`))).toEqual(new Set(['ru Русский']));

  await tools.getByRole('button', { name: 'Пауза' }).click();
  await tools.getByRole('button', { name: 'Продолжить' }).click();
  await expect(tools.getByRole('button', { name: 'Пауза' })).toBeVisible();
  await tools.getByRole('button', { name: 'Остановить' }).click();
  await expect(tools.getByRole('button', { name: 'Слушать' })).toBeVisible();
  expect(await page.evaluate(() => window.speech.calls.filter((c) => c !== 'cancel'))).toEqual(['pause', 'resume']);

  // Said to its end, it is ready to start again.
  await tools.getByRole('button', { name: 'Слушать' }).click();
  await page.evaluate(() => window.speech.finish());
  await expect(tools.getByRole('button', { name: 'Слушать' })).toBeVisible();
  await expect(tools.getByRole('button', { name: 'Остановить' })).toHaveCount(0);
});

test('leaving the article stops reading it', async ({ page }) => {
  await recordSpeech(page);
  await openSeed(page);
  await page.getByRole('button', { name: 'Слушать' }).click();
  const before = await page.evaluate(() => window.speech.calls.length);
  await page.getByRole('link', { name: 'Все новости' }).click();
  await expect(page.getByTestId('article-card').first()).toBeVisible();
  expect((await page.evaluate(() => window.speech.calls)).slice(before)).toContain('cancel');
});

test('where the browser cannot speak, there is no button', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    window.SpeechSynthesisUtterance = undefined;
  });
  await openSeed(page);
  await expect(page.getByTestId('share')).toBeVisible();
  await expect(page.getByTestId('read-aloud')).toHaveCount(0);
});

test('what is being said is marked, the page follows it, and the mark goes when the reading stops', async ({ page }) => {
  await openSeedOnPhone(page, 600);
  const reading = page.locator('[data-reading]');
  const passages = page.getByTestId('passage');
  const tools = page.getByRole('group', { name: 'Чтение вслух' });
  await tools.getByRole('button', { name: 'Слушать' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('data-reading', '');

  // Passage by passage, one mark at a time, always in sight.
  for (let n = 0; n < 6; n++) {
    await page.evaluate(() => window.speech.next());
    await expect(passages.nth(n)).toHaveAttribute('data-reading', '');
    await expect(reading).toHaveCount(1);
    await expect(passages.nth(n)).toBeInViewport();
  }

  // A reader who scrolled away to read on their own is left there.
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }));
  const away = await page.evaluate(() => window.scrollY);
  await page.evaluate(() => window.speech.next());
  await expect(passages.nth(6)).toHaveAttribute('data-reading', '');
  expect(await page.evaluate(() => window.scrollY)).toBe(away);

  await tools.getByRole('button', { name: 'Остановить' }).click();
  await expect(reading).toHaveCount(0);

  // Said to its end, nothing stays marked.
  await tools.getByRole('button', { name: 'Слушать' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('data-reading', '');
  await page.evaluate(() => window.speech.finish());
  await expect(tools.getByRole('button', { name: 'Слушать' })).toBeVisible();
  await expect(reading).toHaveCount(0);
});

test('a reader who scrolled the reading under the sticky lens is left where they are', async ({ page }) => {
  await openSeedOnPhone(page, 560);
  const passages = page.getByTestId('passage');
  await page.getByRole('button', { name: 'Слушать' }).click();
  await page.evaluate(() => window.speech.next());
  await page.evaluate(() => window.speech.next());
  await expect(passages.nth(1)).toHaveAttribute('data-reading', '');
  // The passage being said goes under the lens, which stays at the top.
  const away = await page.evaluate(() => {
    const passage = document.getElementById('passage-1');
    window.scrollBy({ top: passage.getBoundingClientRect().top });
    const lens = document.querySelector('[role=group][aria-labelledby=lens-title]').getBoundingClientRect();
    window.scrollBy({ top: passage.getBoundingClientRect().bottom - lens.bottom / 2 });
    return window.scrollY;
  });
  await page.evaluate(() => window.speech.next());
  await expect(passages.nth(2)).toHaveAttribute('data-reading', '');
  expect(await page.evaluate(() => window.scrollY)).toBe(away);
});
