// Reading an article aloud with the browser's own speech synthesis, seen
// from the app (src/components/read_aloud.rs). Kept in JavaScript because
// it is only glue to the Web Speech API.

let current = 0;

// Whether the browser can speak.
export function canSpeak() {
  return typeof self.speechSynthesis === 'object' && self.speechSynthesis !== null && typeof self.SpeechSynthesisUtterance === 'function';
}

// Says `texts` one after another in `lang`, in a voice of that language
// where the system has one, and calls `done` once, when the last has been
// said or the speech stopped. One utterance a passage: some engines cut a
// long one short.
export function speak(texts, lang, done) {
  speechSynthesis.cancel();
  const mine = ++current;
  const finish = () => {
    if (mine !== current) return;
    current++;
    done();
  };
  const tag = lang.toLowerCase();
  const voices = speechSynthesis.getVoices();
  const voice = voices.find((v) => v.lang.toLowerCase() === tag) || voices.find((v) => v.lang.toLowerCase().startsWith(`${tag}-`));
  if (!texts.length) return finish();
  texts.forEach((text, i) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
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
  speechSynthesis.cancel();
}
