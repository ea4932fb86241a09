// The validating proxy (`langgraph-mock proxy`), as `createProxyServer` serves it, in a process of its own,
// in front of the server given by `--target`. It checks every List Runs answer, as the command does.
import { createProxyServer } from '../../src/proxy/create-proxy-server.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
const args = process.argv.slice(2);
const target = args[args.indexOf('--target') + 1];
if (!args.includes('--target') || target === undefined) throw new Error('--target <url> is required');
const proxy = await createProxyServer({ target: new URL(target) });
process.stdout.write(`proxy listening on ${proxy.url}\n`);
