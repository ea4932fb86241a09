// The validating proxy (`langgraph-mock proxy`), as `createProxyServer` serves it, in a process of its own,
// in front of the server given by `--target`. It checks every List Runs answer, as the command does.
import { parseFlags } from '../../src/cli/parse-flags.js';
import { targetFlag } from '../../src/cli/parse-proxy-options.js';
import { createProxyServer } from '../../src/proxy/create-proxy-server.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
const { values } = parseFlags(process.argv.slice(2), { target: { type: 'string' } });
const proxy = await createProxyServer({ target: new URL(targetFlag(values.target)) });
process.stdout.write(`proxy listening on ${proxy.url}\n`);
