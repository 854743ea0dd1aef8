// Flotilla dashboard: renders the server's JSON snapshot (server-sent events from /api/stream)
// and sends the operator's forms to /api/... as JSON. Served by Flotilla itself; no libraries.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#2364aa', '#e07b00', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d',
  '#d35400', '#2c3e50', '#b7950b'];
let latest = null;

function el(tag, attrs, text) {
  const e = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function colorOf(id) {
  let h = 0;
  for (const c of String(id)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length];
}

function fmt(n, digits) {
  return n === null || n === undefined ? '—' : Number(n).toFixed(digits);
}

function renderHeader(s) {
  document.getElementById('plan-version').textContent = 'plan v' + s.planVersion;
  document.getElementById('utility').textContent =
    'expected utility ' + fmt(s.expectedUtility, 1);
  const st = document.getElementById('status');
  if (!s.heard) {
    st.textContent = 'waiting for the fleet';
    st.className = 'status off';
  }
}

function renderMap(s) {
  const svg = document.getElementById('map');
  svg.replaceChildren();
  const pts = [];
  const sites = new Map();
  for (const [robot, steps] of Object.entries(s.plan)) {
    for (const st of steps) {
      const key = st.taskId + '@' + st.x + ',' + st.y;
      if (!sites.has(key)) sites.set(key, {task: st.taskId, x: st.x, y: st.y, robots: []});
      sites.get(key).robots.push(robot);
      pts.push([st.x, st.y]);
    }
  }
  for (const r of Object.values(s.regions)) pts.push([r.x, r.y]);
  for (const p of Object.values(s.positions)) pts.push([p.x, p.y]);
  if (pts.length === 0) {
    svg.appendChild(el('svg:text', {x: 300, y: 200, 'text-anchor': 'middle', fill: '#687080'},
      'No robot positions yet'));
    return;
  }
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const pad = 1.5;
  minX -= pad; minY -= pad; maxX += pad; maxY += pad;
  const scale = Math.min(600 / (maxX - minX), 400 / (maxY - minY));
  const X = x => (x - minX) * scale + (600 - (maxX - minX) * scale) / 2;
  const Y = y => 400 - ((y - minY) * scale + (400 - (maxY - minY) * scale) / 2);
  // Grid every metre (or coarser when zoomed out).
  const step = scale > 20 ? 1 : scale > 4 ? 5 : 25;
  for (let gx = Math.ceil(minX / step) * step; gx <= maxX; gx += step) {
    svg.appendChild(el('svg:line', {x1: X(gx), x2: X(gx), y1: 0, y2: 400, stroke: '#eceff3'}));
  }
  for (let gy = Math.ceil(minY / step) * step; gy <= maxY; gy += step) {
    svg.appendChild(el('svg:line', {x1: 0, x2: 600, y1: Y(gy), y2: Y(gy), stroke: '#eceff3'}));
  }
  for (const [name, r] of Object.entries(s.regions)) {
    svg.appendChild(el('svg:rect', {x: X(r.x) - 6, y: Y(r.y) - 6, width: 12, height: 12,
      fill: '#9aa3b0', opacity: 0.6}));
    svg.appendChild(el('svg:text', {x: X(r.x) + 8, y: Y(r.y) + 14, 'font-size': 11,
      fill: '#687080'}, name));
  }
  // Lines from each robot to its planned sites, in order.
  for (const [robot, steps] of Object.entries(s.plan)) {
    const p = s.positions[robot];
    if (!p || steps.length === 0) continue;
    const d = ['M', X(p.x), Y(p.y)].concat(...steps.map(st => ['L', X(st.x), Y(st.y)]));
    svg.appendChild(el('svg:path', {d: d.join(' '), fill: 'none', stroke: colorOf(robot),
      'stroke-dasharray': '4 4', opacity: 0.7}));
  }
  for (const site of sites.values()) {
    const g = el('svg:g', {class: 'site', 'data-task': site.task});
    g.appendChild(el('svg:circle', {cx: X(site.x), cy: Y(site.y), r: 7, fill: '#e07b00'}));
    g.appendChild(el('svg:text', {x: X(site.x) + 9, y: Y(site.y) - 8, 'font-size': 12},
      site.task));
    svg.appendChild(g);
  }
  for (const [id, p] of Object.entries(s.positions)) {
    const robot = s.robots.find(r => r.id === id);
    const state = robot ? robot.state : 'unknown';
    const g = el('svg:g', {class: 'robot', 'data-robot': id,
      transform: `translate(${X(p.x)},${Y(p.y)})`});
    const deg = -p.yaw * 180 / Math.PI;
    g.appendChild(el('svg:circle', {r: 9, fill: state === 'alive' ? colorOf(id) : '#aaa',
      stroke: state === 'failed' ? '#b3261e' : '#fff', 'stroke-width': 2}));
    g.appendChild(el('svg:line', {x1: 0, y1: 0, x2: 12, y2: 0, stroke: '#1d2330',
      'stroke-width': 2, transform: `rotate(${deg})`}));
    g.appendChild(el('svg:text', {x: 0, y: 24, 'text-anchor': 'middle', 'font-size': 12,
      'font-weight': 600}, id + (state !== 'alive' ? ' (' + state + ')' : '')));
    svg.appendChild(g);
  }
}

function renderGantt(s) {
  const svg = document.getElementById('gantt');
  svg.replaceChildren();
  const rows = Object.entries(s.plan);
  const rowH = 26, left = 90, width = 1000;
  const height = Math.max(60, rows.length * rowH + 30);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  let t0 = Infinity, t1 = -Infinity;
  for (const [, steps] of rows) {
    for (const st of steps) { t0 = Math.min(t0, st.start); t1 = Math.max(t1, st.finish); }
  }
  if (!isFinite(t0)) {
    const empty = s.planVersion ? 'Nothing planned (plan v' + s.planVersion + ')' : 'No plan yet';
    svg.appendChild(el('svg:text', {x: width / 2, y: 35, 'text-anchor': 'middle',
      fill: '#687080'}, empty));
    return;
  }
  t0 = Math.min(t0, s.now);
  t1 = Math.max(t1, s.now + 1, t0 + 10);
  const T = t => left + (t - t0) / (t1 - t0) * (width - left - 10);
  rows.forEach(([robot, steps], i) => {
    const y = 8 + i * rowH;
    svg.appendChild(el('svg:text', {x: 4, y: y + 15, 'font-size': 12, 'font-weight': 600},
      robot));
    svg.appendChild(el('svg:line', {x1: left, x2: width - 10, y1: y + rowH - 2,
      y2: y + rowH - 2, stroke: '#eceff3'}));
    for (const st of steps) {
      const x = T(st.start), w = Math.max(2, T(st.finish) - T(st.start));
      const g = el('svg:g', {class: 'bar', 'data-task': st.taskId});
      const title = el('svg:title', {}, `${st.taskId} #${st.index} ${st.action} ${st.role} `
        + `${fmt(st.start - s.now, 1)} s → ${fmt(st.finish - s.now, 1)} s`);
      g.appendChild(title);
      g.appendChild(el('svg:rect', {x, y: y + 2, width: w, height: rowH - 8, rx: 3,
        fill: colorOf(st.taskId), opacity: st.role === 'collaborator' ? 0.6 : 0.9}));
      g.appendChild(el('svg:text', {x: x + 4, y: y + 16, 'font-size': 11, fill: '#fff'},
        st.taskId));
      svg.appendChild(g);
    }
  });
  const nx = T(s.now);
  svg.appendChild(el('svg:line', {x1: nx, x2: nx, y1: 0, y2: height - 18, stroke: '#b3261e',
    'stroke-width': 1.5}));
  svg.appendChild(el('svg:text', {x: nx + 3, y: height - 6, 'font-size': 11, fill: '#b3261e'},
    'now'));
  svg.appendChild(el('svg:text', {x: width - 10, y: height - 6, 'font-size': 11,
    'text-anchor': 'end', fill: '#687080'}, `+${fmt(t1 - s.now, 0)} s`));
}

function button(label, onClick) {
  const b = el('button', {type: 'button', class: 'small'}, label);
  b.addEventListener('click', onClick);
  return b;
}

function renderRobots(s) {
  const body = document.querySelector('#robots tbody');
  body.replaceChildren();
  for (const r of s.robots) {
    const tr = el('tr', {'data-robot': r.id});
    tr.appendChild(el('td', {}, r.id));
    tr.appendChild(el('td', {class: 'state s-' + r.state}, r.state));
    tr.appendChild(el('td', {}, r.battery === null ? '—' : Math.round(r.battery * 100) + ' %'));
    tr.appendChild(el('td', {}, r.currentTask || '—'));
    tr.appendChild(el('td', {}, r.currentStep < 0 ? '—' : r.currentStep));
    tr.appendChild(el('td', {}, r.heartbeatAge === null ? '—' : fmt(r.heartbeatAge, 1) + ' s'));
    tr.appendChild(el('td', {}, r.steps));
    const act = el('td');
    if (r.state === 'paused') {
      act.appendChild(button('Resume', () => robotCommand(r.id, 'resume', '')));
    } else if (r.state === 'alive') {
      act.appendChild(button('Pause', () => robotCommand(r.id, 'pause', '')));
    }
    tr.appendChild(act);
    body.appendChild(tr);
  }
}

function renderTasks(s) {
  const body = document.querySelector('#tasks tbody');
  body.replaceChildren();
  for (const t of s.tasks) {
    const tr = el('tr', {'data-task': t.id});
    tr.appendChild(el('td', {}, t.id));
    tr.appendChild(el('td', {}, t.kind || '—'));
    tr.appendChild(el('td', {class: 'state s-' + t.state}, t.state));
    tr.appendChild(el('td', {}, t.robots.join(', ') || '—'));
    tr.appendChild(el('td', {}, t.reason || ''));
    const act = el('td');
    if (['pending', 'assigned', 'running', 'unassignable'].includes(t.state)) {
      act.appendChild(button('Cancel', () => cancelTask(t.id, '')));
    }
    tr.appendChild(act);
    body.appendChild(tr);
  }
}

function renderEvents(s) {
  const list = document.getElementById('events');
  list.replaceChildren();
  for (const e of [...s.events].reverse()) {
    const li = el('li');
    li.appendChild(el('span', {class: 'kind'}, e.kind));
    const who = [e.robotId, e.taskId].filter(x => x).join(' · ');
    li.appendChild(document.createTextNode(
      ` ${who}${e.reason ? ' — ' + e.reason : ''} (${fmt(e.time - latest.now, 1)} s)`));
    list.appendChild(li);
  }
}

function render(s) {
  latest = s;
  renderHeader(s);
  renderMap(s);
  renderGantt(s);
  renderRobots(s);
  renderTasks(s);
  renderEvents(s);
}

function showVerdict(ok, text) {
  const v = document.getElementById('verdict');
  v.textContent = text;
  v.className = ok ? 'ok' : 'bad';
}

async function post(path, body, what) {
  showVerdict(true, what + '…');
  try {
    const res = await fetch(path, {method: 'POST',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    const answer = await res.json();
    if (answer.subject) what = what.replace('(new)', answer.subject);
    if (answer.error) {
      showVerdict(false, what + ' refused: ' + answer.error);
    } else {
      const word = answer.outcome.toLowerCase().replace('_', ' ');
      showVerdict(res.ok, `${what} ${word}${answer.reason ? ': ' + answer.reason : ''}`);
    }
    return answer;
  } catch (e) {
    showVerdict(false, what + ' failed: ' + e.message);
    return null;
  }
}

function cancelTask(id, reason) {
  return post('/api/tasks/' + encodeURIComponent(id) + '/cancel', {reason}, 'cancel of ' + id);
}

function robotCommand(id, verb, reason) {
  return post('/api/robots/' + encodeURIComponent(id) + '/' + verb, {reason}, verb + ' of ' + id);
}

function setUpForms() {
  const kind = document.getElementById('task-kind');
  kind.addEventListener('change', () => {
    const ltl = kind.value === 'ltl';
    document.querySelector('.site-fields').hidden = ltl;
    document.querySelector('.ltl-fields').hidden = !ltl;
  });
  document.getElementById('submit-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const v = id => document.getElementById(id).value.trim();
    const body = {kind: kind.value, id: v('task-id')};
    if (kind.value === 'ltl') {
      body.formula = v('task-formula');
    } else {
      for (const f of ['x', 'y', 'region', 'robots', 'duration', 'utility', 'needs']) {
        if (v('task-' + f) !== '') body[f] = v('task-' + f);
      }
    }
    post('/api/tasks', body, 'task ' + (body.id || '(new)'));
  });
  document.getElementById('cancel-form').addEventListener('submit', ev => {
    ev.preventDefault();
    cancelTask(document.getElementById('cancel-id').value.trim(),
      document.getElementById('cancel-reason').value.trim());
  });
  document.getElementById('robot-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const verb = ev.submitter && ev.submitter.value === 'resume' ? 'resume' : 'pause';
    robotCommand(document.getElementById('robot-id').value.trim(), verb,
      document.getElementById('robot-reason').value.trim());
  });
}

function connect() {
  const st = document.getElementById('status');
  const source = new EventSource('/api/stream');
  source.onopen = () => { st.textContent = 'live'; st.className = 'status on'; };
  source.onmessage = m => {
    const s = JSON.parse(m.data);
    if (s.heard) { st.textContent = 'live'; st.className = 'status on'; }
    render(s);
  };
  source.onerror = () => { st.textContent = 'reconnecting…'; st.className = 'status off'; };
}

setUpForms();
connect();
