#!/usr/bin/env node
// Builds the installable Teams app package: fills the bot's app id (and domain) into manifest.json, validates
// it against the official Teams manifest JSON schema (bundled in @microsoft/app-manifest, so no network),
// checks the icons' sizes, and writes a zip with manifest.json, color.png and outline.png at its root.
//
//   BOT_ID=<Microsoft App ID> BOT_DOMAIN=<app>.azurewebsites.net node teams-manifest/package.js [--out FILE]
//
// BOT_ID falls back to MicrosoftAppId / MICROSOFT_APP_ID; TEAMS_APP_ID (the app's own id) falls back to BOT_ID.
'use strict';
const fs = require('fs');
const path = require('path');
const toolsDir = path.join(__dirname, '..', 'tools', 'node', 'node_modules');
const { ManifestUtil } = require(path.join(toolsDir, '@microsoft', 'app-manifest'));

const SCHEMA_VERSION = 'v1.24';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function fail(msg) {
  console.error('teams-manifest: ' + msg);
  process.exit(1);
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') {
    fail(`${path.basename(file)} is not a PNG`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colorType: b[25] };
}

// ---- a minimal zip writer (stored entries), enough for an app package ----
const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6);
    local.writeUInt16LE(0, 8); local.writeUInt16LE(0, 10); local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26); local.writeUInt16LE(0, 28);
    locals.push(local, n, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8); central.writeUInt16LE(0, 10); central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function main() {
  const dir = arg('--manifest-dir', __dirname);
  const out = arg('--out', path.join(__dirname, '..', 'target', 'teams-app', 'adfops-bot-teams.zip'));
  const botId = process.env.BOT_ID || process.env.MicrosoftAppId || process.env.MICROSOFT_APP_ID || '';
  const appId = process.env.TEAMS_APP_ID || botId;
  const domain = (process.env.BOT_DOMAIN || '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!GUID.test(botId)) fail('set BOT_ID (or MicrosoftAppId) to the bot\'s Microsoft App ID (a GUID)');
  if (!GUID.test(appId)) fail('TEAMS_APP_ID must be a GUID');
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain)) fail('set BOT_DOMAIN to the bot\'s host name, e.g. my-bot.azurewebsites.net');

  const text = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')
    .replaceAll('{{BOT_ID}}', botId).replaceAll('{{TEAMS_APP_ID}}', appId).replaceAll('{{BOT_DOMAIN}}', domain);
  const leftover = text.match(/\{\{[A-Z_]+\}\}/);
  if (leftover) fail(`manifest.json still has a placeholder: ${leftover[0]}`);
  const manifest = JSON.parse(text);

  const schema = require(path.join(toolsDir, '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams',
    SCHEMA_VERSION, 'MicrosoftTeams.schema.json'));
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  if (errors.length) fail('manifest.json does not match the Teams schema ' + SCHEMA_VERSION + ':\n  ' + errors.join('\n  '));

  const color = pngSize(path.join(dir, manifest.icons.color));
  const outline = pngSize(path.join(dir, manifest.icons.outline));
  if (color.width !== 192 || color.height !== 192) fail(`color icon must be 192x192, is ${color.width}x${color.height}`);
  if (outline.width !== 32 || outline.height !== 32) fail(`outline icon must be 32x32, is ${outline.width}x${outline.height}`);
  if (outline.colorType !== 6) fail('outline icon must have an alpha channel (transparent background)');

  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: manifest.icons.color, data: fs.readFileSync(path.join(dir, manifest.icons.color)) },
    { name: manifest.icons.outline, data: fs.readFileSync(path.join(dir, manifest.icons.outline)) },
  ]));
  console.log(`teams-manifest: ${out} (schema ${SCHEMA_VERSION}, bot ${botId}, domain ${domain})`);
}

main().catch((e) => fail(e.message));
