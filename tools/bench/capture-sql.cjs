// Preloaded into the API by tools/bench/api.mjs (node --require): while capture is on (SIGUSR2
// toggles it), every statement sent through `pg` is appended to BENCH_SQL_LOG as one JSON line,
// so the benchmark replays exactly the SQL a request runs. Off by default: no cost under load.
const { appendFileSync } = require('node:fs');
const { Client } = require('pg');

const file = process.env.BENCH_SQL_LOG;
let capturing = false;
process.on('SIGUSR2', () => {
  capturing = !capturing;
});
const query = Client.prototype.query;
Client.prototype.query = function (config, values, callback) {
  if (capturing && file) {
    const text = typeof config === 'string' ? config : config && config.text;
    const params = Array.isArray(values) ? values : config && config.values;
    if (text) appendFileSync(file, `${JSON.stringify({ text, values: params ?? [] })}\n`);
  }
  return query.call(this, config, values, callback);
};
