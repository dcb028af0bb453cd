// Reading an article aloud with the browser's own speech synthesis, seen
// from the app (src/components/read_aloud.rs). Kept in JavaScript because
// it is only glue to the Web Speech API.

let current = 0;
// The headline or passage being said, marked (`data-reading`) for readers
// who follow with their eyes: the element, and how to find it again where
// the view was drawn anew meanwhile (a search's marks arriving).
let marked = null;

// Whether the browser can speak.
export function canSpeak() {
  return typeof self.speechSynthesis === 'object' && self.speechSynthesis !== null && typeof self.SpeechSynthesisUtterance === 'function';
}

// Says `texts` (the headline, then each passage) one after another in
// `lang`, in a voice of that language where the system has one, and calls
// `done` once, when the last has been said or the speech stopped. One
// utterance a passage: some engines cut a long one short. Each is marked in
// the article of `event`'s button as it is said.
export function speak(texts, lang, done, event) {
  speechSynthesis.cancel();
  const mine = ++current;
  const finish = () => {
    if (mine !== current) return;
    current++;
    mark(null);
    done();
  };
  const article = event.currentTarget && event.currentTarget.closest('article');
  const shown = (i) => article && article.querySelector(i ? `#passage-${i - 1}` : 'h1');
  const tag = lang.toLowerCase();
  const voices = speechSynthesis.getVoices();
  const voice = voices.find((v) => v.lang.toLowerCase() === tag) || voices.find((v) => v.lang.toLowerCase().startsWith(`${tag}-`));
  if (!texts.length) return finish();
  texts.forEach((text, i) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
    utterance.onstart = () => mine === current && mark(() => shown(i));
    utterance.onerror = finish;
    if (i === texts.length - 1) utterance.onend = finish;
    speechSynthesis.speak(utterance);
  });
}

export function pause() {
  speechSynthesis.pause();
}

export function resume() {
  speechSynthesis.resume();
}

// Stops and forgets what was left to say.
export function stop() {
  current++;
  mark(null);
  speechSynthesis.cancel();
}

// Marks what `find` finds as being said, in place of the one before; the
// page brings it up when it is not all in sight and the one before was in
// sight (a reader who scrolled away is left where they are). In sight is
// below the sticky lens (a passage's scroll margin) and above the bottom.
function mark(find) {
  const before = marked && (marked.element.isConnected ? marked.element : marked.find());
  const following = before && visible(before).some;
  if (marked) marked.element.removeAttribute('data-reading');
  const element = find && find();
  marked = element ? { element, find } : null;
  if (!element) return;
  element.setAttribute('data-reading', '');
  if (following && !visible(element).all) {
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  }
}

function visible(element) {
  const box = element.getBoundingClientRect();
  const top = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
  return { some: box.bottom > top && box.top < innerHeight, all: box.top >= top && box.bottom <= innerHeight };
}
