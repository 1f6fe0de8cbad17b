#!/usr/bin/env bash
# Assigning event points to the bundled case's areas (countries and enclaves): our AreaIndex against PostGIS doing
# the same join on the same machine in the same run. Prints both medians and the ratio ours/PostGIS (≤ 1.0 is the aim).
#   bash bench/spatial.sh                       # 1,000,000 points, 5 runs each
#   POINTS=100000 RUNS=3 bash bench/spatial.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
points=${POINTS:-1000000}
runs=${RUNS:-5}

started=""
if [ -z "${PACTA_TEST_POSTGRES:-}" ]; then
  eval "$(tests/postgres.sh start)"
  started=yes
fi
cleanup() { if [ -n "$started" ]; then tests/postgres.sh stop; fi; }
trap cleanup EXIT

dotnet build bench/Pacta.Bench.Spatial -c Release -v quiet -nologo > /dev/null
dotnet bench/Pacta.Bench.Spatial/bin/Release/net10.0/Pacta.Bench.Spatial.dll --points "$points" --runs "$runs"
