/** The CLI's help text, printed by `--help`. */
export const USAGE = `langgraph-mock: a mock LangGraph Agent Server for List Runs (GET /threads/{thread_id}/runs)
and a conformance suite for any server that claims that contract.

Usage:
  langgraph-mock [serve] [options]           start the mock server (serve is the default command)
  langgraph-mock check <base-url> [options]  check a server against the List Runs contract
  langgraph-mock export [options]            write the seeded dataset as a fixture file
  langgraph-mock proxy --target <url> [options]
                                             forward to a real server, checking every List Runs answer
  langgraph-mock record --target <url> --thread-id <uuid> --output <file> [options]
                                             record whole threads of a real server as a fixture file
  langgraph-mock --help | --version

Options for serve:
  --port <n>               port to listen on, 0 picks a free one (default 2024, as \`langgraph dev\`)
  --host <address>         interface to bind (default 127.0.0.1: not reachable from the network)
  --seed <n>               seed of the generated data; same seed, same bytes (default 42)
  --threads <n>            random threads besides the scenario threads (default 20)
  --anchor <when>          instant the data counts back from: an ISO 8601 date-time, or "now"
                           (default: the dataset's fixed anchor, so responses never change)
  --dataset <file>         scenario threads and random-thread shapes from this file, in the
                           format of fixtures/dataset.json (default: that file)
  --fixtures <file>        serve this fixture file (see export) instead of the seeded dataset
  --lenient                with --fixtures: serve a file that breaks the contract (a recording
                           of a server that does), naming each problem instead of refusing it
  --profile <name>         contract (default) or agent-server: the real server's laxer parsing
  --latency <ms|min-max>   delay every List Runs answer, e.g. 200 or 100-400
  --error-rate <0..1>      answer this share of List Runs requests with a 500 (outside the contract)
  --live                   move unfinished runs along: pending -> running -> success or error
  --live-queued-ms <ms>    how long a pending run waits before it starts (default 1000)
  --live-running-ms <ms>   how long a run runs (default 3000)
  --live-error-rate <0..1> share of live runs that end in error (default 0.1)
  --api-key <key>          require this x-api-key on every request (403 without it)
  --quiet                  no request log

Options for check:
  --thread-id <uuid>        a thread with runs (default: the mock's all-statuses scenario thread)
  --empty-thread-id <uuid>  a thread with no runs (default with the mock: its empty scenario thread)
  --reporter <format>       text, json or junit (default text)
  --output <file>           write the report there; progress still goes to the terminal
  --level <level>           spec, semantics or strict: the checks up to that rule level
                            (default semantics: what a real deployment is expected to pass)
  --seed <n>                seed of the generated queries (default 1)
  --queries <n>             generated queries of the combination check (default 200)
  --max-examples <n>        example requests kept per finding (default 3)
  --baseline <file>         a JSON report of an earlier run: fail only on findings not in it
  --api-key <key>           sent as x-api-key
  --prism <mode>            auto: cross-check with Prism when installed (default); required; off

Options for export:
  --seed, --threads, --anchor, --dataset  as for serve
  --output <file>              write there instead of stdout
  --thread <id>                only this thread; repeat it for several
  --scenarios-only             only the scenario threads, no random ones; 100 runs at most per
                               thread unless --max-runs says otherwise (long has 10,000: 18 MB)
  --max-runs <n>               only the newest n runs of each thread (default: all)

Options for proxy:
  --target <url>           the server to forward to, e.g. https://my-deployment.example (required)
  --port <n>, --host <address>  as for serve (default 2024 on 127.0.0.1)
  --api-key <key>          sent to the target as x-api-key (otherwise the client's is passed on)
  --strict                 answer 502 in place of a List Runs answer that breaks the contract
  --timeout-ms <ms>        how long the target may stay silent before a 504 (default 30000)
  --record <file>          record the runs seen into this fixture file (for serve --fixtures)
  --redact <path>          with --record: replace the value at this path of every run, e.g.
                           kwargs.input, by a placeholder of the same JSON type (repeatable)

Options for record:
  --target <url>           the server to record from (required)
  --thread-id <uuid>       a thread to record whole, 100 runs a page (repeatable, required)
  --output <file>          the fixture file to write (required)
  --api-key, --timeout-ms, --redact  as for proxy

  -h, --help        show this help
  -v, --version     print the version

Exit codes: serve: 0 stopped cleanly, 1 could not start, 2 bad command line or fixture file.
            check: 0 every check passed (with --baseline: no new finding), 1 a check failed,
                   2 bad command line, bad baseline file, server unreachable
                   or --prism required without Prism installed.
            export: 0 written, 1 could not write, 2 bad command line or unknown --thread.
            proxy: 0 stopped cleanly, 1 could not start, 2 bad command line or target unreachable.
            record: 0 written, 1 the target answered an error or could not write,
                    2 bad command line or target unreachable.`;
