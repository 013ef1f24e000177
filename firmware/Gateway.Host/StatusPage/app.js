// The gateway's status page: /api/status for the picture, /api/events (SSE) for every change, and on a
// simulated board the bench routes for a handset per station. Plain JavaScript: the box serves it as is.
'use strict';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const MAX_EVENTS = 50;
// Asked for more than it lists: a ringing bell's ring.bell events take replay slots but are not listed.
const REPLAY = 200;
const RETRY_MS = 2000;
// The bell's on/off follows the cadence many times a minute: it drives the indicator, not the list.
const UNLISTED = new Set(['ring.bell']);

const $ = (id) => document.getElementById(id);
const stations = new Map(); // id -> { el, snap, bell }
let status = null;
let statusAt = 0;
let refreshTimer = 0;
let cardFiles = [];

function showError(message) {
  $('error-text').textContent = message;
  $('error').hidden = false;
}

function announce(message) {
  const line = document.createElement('p');
  line.textContent = message;
  $('announcer').append(line);
  while ($('announcer').childElementCount > 5) $('announcer').firstElementChild.remove();
}

// The API's bearer token, when the gateway has one (Gateway:Api:BearerToken; required off loopback). The page
// itself is served without it, so it asks on the first 401 and keeps the token for this tab only (sessionStorage):
// never in the URL, the page or a cookie.
const TOKEN_KEY = 'gateway.apiToken';
let tokenSubmitted = null; // { promise, resolve } while the form waits

class NeedsToken extends Error {}

function withToken(headers) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

// Shows the token form; resolves once a token is entered. A refused token is forgotten and said so.
function askForToken() {
  if (sessionStorage.getItem(TOKEN_KEY)) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('token-note').textContent = 'The gateway refused that token (HTTP 401). Check Gateway:Api:BearerToken on the device.';
  }
  if (!tokenSubmitted) {
    let resolve;
    const promise = new Promise((r) => { resolve = r; });
    tokenSubmitted = { promise, resolve };
  }
  if ($('token-form').hidden) {
    $('token-form').hidden = false;
    $('token-input').focus();
  }
  return tokenSubmitted.promise;
}

function submitToken(event) {
  event.preventDefault();
  const token = $('token-input').value.trim();
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  $('token-input').value = '';
  $('token-note').textContent = '';
  $('token-form').hidden = true;
  $('error').hidden = true;
  if (tokenSubmitted) {
    tokenSubmitted.resolve();
    tokenSubmitted = null;
  }
}

async function api(method, path, body) {
  const init = { method, headers: withToken({ Accept: 'application/json' }) };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new Error(`${method} ${path}: the gateway did not answer (${e.message})`);
  }
  if (response.status === 401) {
    askForToken();
    throw new NeedsToken(`${method} ${path}: the API needs its bearer token`);
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const why = json && json.title ? `${json.title}: ${json.detail}` : `HTTP ${response.status}`;
    throw new Error(`${method} ${path}: ${why}`);
  }
  return json;
}

// A bench action: any failure becomes the page's one-line message, never an alert().
async function act(method, path, body) {
  try {
    await api(method, path, body);
    $('error').hidden = true;
  } catch (e) {
    if (!(e instanceof NeedsToken)) showError(e.message);
  }
}

function uptimeText(seconds) {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  return (d ? `${d}d ` : '') + `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function renderDevice() {
  $('device-id').textContent = status.deviceId;
  $('device-board').textContent = status.board + (status.simulated ? ' (simulated)' : '');
  $('device-board').title = status.boardDescription || '';
  $('device-version').textContent = status.version;
  $('device-uptime').textContent = uptimeText(status.uptimeSeconds + (Date.now() - statusAt) / 1000);
}

// Each reader's index over all stations, in board order: the bench card routes address readers by it.
function readerIndex(stationId) {
  let index = 0;
  for (const s of status.stations) {
    if (s.id === stationId) return s.readers.length ? index : -1;
    index += s.readers.length;
  }
  return -1;
}

function buildStation(snap) {
  const el = $('station-template').content.firstElementChild.cloneNode(true);
  el.dataset.station = snap.id;
  el.querySelector('.station-name').textContent = `${snap.name} (${snap.id})`;
  const entry = { el, snap, bell: false };
  const path = `/api/bench/stations/${encodeURIComponent(snap.id)}`;
  const keypad = el.querySelector('.keypad');
  for (const key of KEYS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'key';
    b.textContent = key;
    b.setAttribute('aria-label', `Key ${key}`);
    b.addEventListener('click', () => act('POST', `${path}/keys`, { keys: key }));
    keypad.append(b);
  }
  el.querySelector('.hook-button').addEventListener('click', () => act('POST', `${path}/hook`, { offHook: !entry.snap.offHook }));
  el.querySelector('.flash-button').addEventListener('click', () => act('POST', `${path}/flash`, {}));
  el.querySelector('.ring-button').addEventListener('click', () => act('POST', `${path}/ring`, {}));
  el.querySelector('.ring-stop-button').addEventListener('click', () => act('DELETE', `${path}/ring`));
  el.querySelector('.card-insert').addEventListener('click', () => {
    const file = el.querySelector('.card-file').value;
    if (!file) return showError('Choose a card file first (none found in the gateway\'s card folder).');
    return act('POST', `/api/bench/readers/${readerIndex(snap.id)}/card`, { cardFile: file });
  });
  el.querySelector('.card-remove').addEventListener('click', () => act('DELETE', `/api/bench/readers/${readerIndex(snap.id)}/card`));
  $('stations').append(el);
  stations.set(snap.id, entry);
  return entry;
}

// --- Call state (StationSnapshot.call: direction, state, remoteParty, forUser, forNumber, codec, durationMs) ---

function durationText(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return (h ? `${h}:${String(m).padStart(2, '0')}` : String(m)) + `:${String(s % 60).padStart(2, '0')}`;
}

// The call's duration now: the snapshot's, plus the time since it was taken while the call is connected.
function callDurationMs(call, takenAt) {
  return call.state === 'Connected' ? call.durationMs + (Date.now() - takenAt) : call.durationMs;
}

const CALL_PHASES = {
  Calling: (c) => `Calling ${c.remoteParty}…`,
  RemoteRinging: (c) => `Ringing ${c.remoteParty}…`,
  Alerting: (c) => `Incoming call from ${c.remoteParty}`,
  Connected: (c, ms) => `In call with ${c.remoteParty} · ${c.codec || 'codec ?'} · ${durationText(ms)}`,
  Ended: (c, ms) => `Call with ${c.remoteParty} ended after ${durationText(ms)}`,
};

function callText(snap, takenAt = Date.now()) {
  const call = snap.call;
  if (call) {
    const arrow = call.direction === 'Inbound' ? '↙ in' : '↗ out';
    const phase = (CALL_PHASES[call.state] || ((c) => `${call.state} ${c.remoteParty}`))(call, callDurationMs(call, takenAt));
    const user = call.forUser ? ` (for ${call.forUser}${call.forNumber ? `, ${call.forNumber}` : ''})` : '';
    return `${arrow}: ${phase}${user}`;
  }
  if (snap.ringing) return `Incoming: ringing (${snap.cadence || 'ring'})`;
  if (snap.offHook) return snap.digits ? `Dialling ${snap.digits}` : 'Off-hook, dial tone';
  return 'Idle';
}

// Once a second: a connected call's duration moves on between status refreshes.
function tickCalls() {
  for (const entry of stations.values()) {
    if (entry.snap.call && entry.snap.call.state === 'Connected') {
      entry.el.querySelector('[data-field=call]').textContent = callText(entry.snap, statusAt);
    }
  }
}

function cardText(snap) {
  const reader = snap.readers.find((r) => r.cardPresent);
  if (!snap.readers.length) return 'No reader';
  if (!reader) return 'No card';
  return reader.user ? `${reader.user} (${reader.number})` : 'Card in, not accepted yet';
}

// One line per card account: "user number: registered (expires in 412 s)", "failed 403 (retry 14:32:05)".
function registrationText(snap) {
  const accounts = snap.accounts || [];
  if (!accounts.length) {
    const reader = snap.readers.find((r) => r.user);
    return reader ? `Follow-me ${reader.number} (no SIP account)` : 'None (no accepted card)';
  }
  return accounts.map((a) => {
    const r = a.registration;
    let state = r ? r.state : 'unregistered';
    if (r && r.expiresInSeconds != null) state += ` (expires in ${r.expiresInSeconds} s)`;
    if (r && r.state === 'failed') {
      state += r.statusCode ? ` ${r.statusCode}` : '';
      if (r.retryAt) state += ` (retry ${new Date(r.retryAt).toLocaleTimeString([], { hour12: false })})`;
    }
    return `${a.user} ${a.number}: ${state}`;
  }).join('\n');
}

function renderStation(entry) {
  const { el, snap } = entry;
  el.querySelector('.lcd').textContent = snap.display.length ? snap.display.join('\n') : '(no display)';
  el.querySelector('[data-field=hook]').textContent = snap.offHook ? 'Off-hook' : 'On-hook';
  el.querySelector('[data-field=call]').textContent = callText(snap, statusAt);
  el.querySelector('[data-field=card]').textContent = cardText(snap);
  el.querySelector('[data-field=registration]').textContent = registrationText(snap);
  el.classList.toggle('off-hook', snap.offHook);
  const bell = el.querySelector('.bell');
  const on = snap.ringing && entry.bell;
  bell.classList.toggle('ringing', snap.ringing);
  bell.classList.toggle('on', on);
  bell.setAttribute('aria-label', snap.ringing ? `Ringing, ${snap.cadence}, bell ${on ? 'on' : 'off'}` : 'Ringer silent');
  bell.querySelector('.bell-text').textContent = on ? 'ring' : (snap.ringing ? 'pause' : 'off');
  const bench = el.querySelector('.bench');
  bench.hidden = !status.simulated;
  const hook = el.querySelector('.hook-button');
  hook.textContent = snap.offHook ? 'Hang up (on-hook)' : 'Lift handset (off-hook)';
  hook.setAttribute('aria-pressed', String(snap.offHook));
  el.querySelector('.flash-button').disabled = !snap.offHook;
  const hasReader = snap.readers.length > 0;
  el.querySelector('.card-row').hidden = !hasReader;
  // One card per reader: the insert button waits until the card is out.
  const cardIn = snap.readers.some((r) => r.cardPresent);
  el.querySelector('.card-insert').disabled = cardIn;
  el.querySelector('.card-remove').disabled = !cardIn;
}

function renderCardChoices() {
  for (const { el } of stations.values()) {
    const select = el.querySelector('.card-file');
    const chosen = select.value;
    select.replaceChildren(...cardFiles.map((f) => new Option(f.name, f.cardFile, false, f.cardFile === chosen)));
  }
}

async function refreshStatus() {
  try {
    status = await api('GET', '/api/status');
    statusAt = Date.now();
  } catch (e) {
    if (!(e instanceof NeedsToken)) showError(e.message);
    return;
  }
  renderDevice();
  for (const snap of status.stations) {
    const entry = stations.get(snap.id) || buildStation(snap);
    entry.snap = snap;
    renderStation(entry);
  }
  if (status.simulated && !cardFiles.length) {
    try {
      cardFiles = await api('GET', '/api/bench/cards');
      renderCardChoices();
    } catch (e) {
      if (!(e instanceof NeedsToken)) showError(e.message);
    }
  }
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshStatus, 150);
}

const ANNOUNCED = {
  'hook.off': 'off-hook', 'hook.on': 'on-hook', 'ring.start': 'ringing', 'ring.stop': 'stopped ringing',
  'card.inserted': 'card inserted', 'card.ready': 'card accepted', 'card.rejected': 'card rejected', 'card.removed': 'card removed',
  'call.incoming': 'incoming call', 'call.answered': 'call answered', 'call.ended': 'call ended',
  'registration.registered': 'registered', 'registration.failed': 'registration failed', 'registration.unregistered': 'unregistered',
};

function onEvent(ev) {
  const entry = ev.station ? stations.get(ev.station) : null;
  if (ev.type === 'ring.bell') {
    if (entry) {
      entry.bell = Boolean(ev.data && ev.data.on);
      entry.snap.ringing = true;
      renderStation(entry);
    }
    return;
  }
  if (entry && ev.type === 'ring.stop') entry.bell = false;
  if (ANNOUNCED[ev.type]) announce(`${entry ? entry.snap.name : 'Gateway'}: ${ANNOUNCED[ev.type]}`);
  addEventRow(ev);
  scheduleRefresh();
}

function dataText(data) {
  if (!data) return '';
  // A display event carries its lines twice (array and text): show the lines once, as the LCD reads them.
  if (Array.isArray(data.lines)) return data.lines.map((l) => l.trimEnd()).filter((l) => l).join(' / ');
  return Object.entries(data).map(([k, v]) => `${k}=${v}`).join(' ');
}

function addEventRow(ev) {
  if (UNLISTED.has(ev.type)) return;
  const li = document.createElement('li');
  li.dataset.type = ev.type;
  const time = document.createElement('time');
  time.dateTime = new Date(ev.ts).toISOString();
  time.textContent = new Date(ev.ts).toLocaleTimeString([], { hour12: false });
  const type = document.createElement('strong');
  type.textContent = ev.type;
  const where = document.createElement('span');
  where.className = 'ev-station';
  where.textContent = ev.station || 'gateway';
  const data = document.createElement('span');
  data.className = 'ev-data';
  data.textContent = dataText(ev.data);
  li.append(time, ' ', type, ' ', where, ' ', data);
  $('events').prepend(li);
  while ($('events').childElementCount > MAX_EVENTS) $('events').lastElementChild.remove();
}

function setLink(state, text) {
  $('link').dataset.state = state;
  $('link').textContent = text;
}

// SSE over fetch rather than EventSource: the gateway names each event by its type, and EventSource can only
// listen to names it knows in advance; this way a new event type shows up without a page change.
async function streamEvents() {
  for (;;) {
    try {
      const response = await fetch(`/api/events?replay=${REPLAY}`, { headers: withToken({ Accept: 'text/event-stream' }) });
      if (response.status === 401) {
        setLink('down', 'Waiting for the API token…');
        await askForToken();
        continue;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      $('events').replaceChildren();
      setLink('live', 'Live');
      await refreshStatus();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the gateway closed the stream');
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (data) onEvent(JSON.parse(data));
        }
      }
    } catch (e) {
      setLink('down', `Event stream disconnected (${e.message}); retrying every ${RETRY_MS / 1000} s…`);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

$('error-dismiss').addEventListener('click', () => { $('error').hidden = true; });
$('token-form').addEventListener('submit', submitToken);
setInterval(() => { if (status) { renderDevice(); tickCalls(); } }, 1000);
refreshStatus().then(streamEvents);
