/** bench/results/<name>.md: the figures of one bench/polls-votes.ts run as tables the README can quote. */
import fs from 'node:fs'
import path from 'node:path'

const n = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('en-US'))

export function writeReport(name: string, r: any) {
  const row = (p: any) =>
    `| ${p.kind} | ${n(p.ok)}/${n(p.requests)} | ${n(p.perSecond)} | ${n(p.sustainedPerSecond?.median)} | ${p.latencyMs.p50} / ${p.latencyMs.p99} ms | ${p.statements.perRequest} | ${p.server.eventLoopBusyPercent} % | ${p.server.cpuMsPerRequest} ms |`
  const upd = (label: string, u: any) =>
    `| ${label} | ${u.perSubscriberPerSecond.mean} (${u.perSubscriberPerSecond.min}–${u.perSubscriberPerSecond.max}) | ${u.maxInAnyOneSecond} | ${u.minGapMs} ms | ${n(u.messagesPerSecondAllSubscribers)} | ${u.lastUpdateExact}/${u.subscribers} | ${n(u.settledMs)} ms |`
  const { typename, votePoll, peka2, insert } = r.phases
  const lines = [
    `# Polls: vote storm on one instance (${r.database})`,
    '',
    `${r.date ?? new Date().toISOString()}, Node ${process.version}. ${n(r.voters)} voters, each voting once per ` +
      `poll; ${r.rounds} rounds in which each kind of request runs for ${r.secondsPerStorm} s in turn (a vote storm ` +
      `ends early when every voter voted); ${r.concurrency} requests in flight; ${n(r.subscribers)} graphql-ws ` +
      `subscribers to pollUpdated(pollId) of both polls; POLLS_UPDATES_PER_SECOND ${r.updatesPerSecondSetting}. ` +
      `The server runs in the bench's process${r.database === 'embedded' ? ' (the embedded database too)' : ''}, ` +
      `the clients in a child process. "Server CPU each": the server process's CPU time over the requests — ` +
      `steadier than requests/s on a machine shared with other work.`,
    '',
    '| requests | ok | per second | median second | latency p50 / p99 | SQL statements each | server loop busy | server CPU each |',
    '|---|---|---|---|---|---|---|---|',
    ...[typename, votePoll, peka2, insert].map(row),
    '',
    `votePoll / __typename: ${r.ratios.votePollToTypename}×; peka2 / __typename: ${r.ratios.peka2ToTypename}×; ` +
      `votePoll / INSERT: ${r.ratios.votePollToInsert}×. Database counts equal the accepted votes: ` +
      `votePoll ${r.countsMatch.votePoll}, peka2 ${r.countsMatch.peka2}.`,
    '',
    ...(r.updates.votePoll
      ? [
          '| storm | updates/s per subscriber, mean (min–max) | most in any 1 s | closest two | messages/s, all subscribers | last update exact | every subscriber exact, after a storm’s last vote |',
          '|---|---|---|---|---|---|---|',
          upd('GraphQL `votePoll`', r.updates.votePoll),
          upd('peka2', r.updates.peka2),
        ]
      : ['No subscribers in this run.']),
    '',
    'Statements of one vote on a quiet server (then of the live update that follows, within 1 s):',
    '',
    ...(['votePoll', 'peka2'] as const).flatMap((k) => [
      `- ${k}: ${r.probes[k].vote.length} + ${r.probes[k].liveUpdate.length}`,
      ...r.probes[k].vote.map((s: string) => `  - \`${s}\``),
      ...r.probes[k].liveUpdate.map((s: string) => `  - (update) \`${s}\``),
    ]),
    '',
  ]
  const file = path.resolve(import.meta.dirname, 'results', `${name}.md`)
  fs.writeFileSync(file, lines.join('\n'))
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
