#!/usr/bin/env bash
# Recomputes every derived status and roll-up of a synthetic case: 10,000 obligations, 1,000,000 evidence links.
# OBLIGATIONS, LINKS and RUNS change the size and the number of timed runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run --project bench/Pacta.Bench.Compliance -c Release -- \
  --obligations "${OBLIGATIONS:-10000}" --links "${LINKS:-1000000}" --runs "${RUNS:-11}"
