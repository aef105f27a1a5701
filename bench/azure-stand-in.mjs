// The ARM stand-in in its own process for bench/azure-poll.mjs, so that its work and its tickets
// are not counted in the watcher's time and memory. Driven over IPC.
import { startArmStandIn } from '../dist/test/support/arm-stand-in.js';
import { iso, ticketResource } from '../dist/test/support/arm-tickets.js';

const SEVERITIES = ['Minimal', 'Moderate', 'Critical'];
const COUNTRIES = [
  ['USA', 'en-US'],
  ['DEU', 'de-DE'],
  ['JPN', 'ja-JP'],
  ['FRA', 'fr-FR'],
  ['NLD', 'nl-NL'],
];

const [min, max] = JSON.parse(process.argv[2] ?? '[2,8]');
const arm = await startArmStandIn({
  latencyMs: [min, max],
  slow: { share: 0, ms: [min, max] },
  reads: { capacity: 1e9, refillPerSecond: 1e9 },
});

const commands = {
  seed({ subscription, count, since }) {
    arm.subscription(subscription);
    arm.grant('bench-token', [subscription]);
    const names = [];
    for (let i = 0; i < count; i += 1) {
      const [country, language] = COUNTRIES[i % COUNTRIES.length];
      const name = `26030200${String(i).padStart(8, '0')}`;
      names.push(name);
      arm.addTicket(
        subscription,
        ticketResource(subscription, {
          name,
          createdDate: iso(since + 60_000 + i * 1000),
          severity: SEVERITIES[i % SEVERITIES.length],
          country,
          language,
        }),
      );
    }
    return {
      endpoint: arm.endpoint,
      ca: arm.ca,
      sample: names.slice(0, 2000).map((n) => arm.ticket(subscription, n)),
    };
  },
  /** Microsoft's reply `after` ms after each ticket was opened (a reply before it would be refused). */
  reply({ subscription, names, after }) {
    for (const name of names) {
      const opened = Date.parse(arm.ticket(subscription, name).properties.createdDate);
      arm.addCommunication(subscription, name, {
        direction: 'Outbound',
        sender: 'Engineer',
        at: opened + after,
      });
    }
    return names.length;
  },
  requests: () => arm.requests.length,
  async close() {
    await arm.close();
    setImmediate(() => process.exit(0));
    return true;
  },
};

process.on('message', async ({ id, command, args }) => {
  process.send({ id, result: await commands[command](args) });
});
process.send({ ready: true });
