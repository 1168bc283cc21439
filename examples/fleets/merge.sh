#!/bin/sh
# Merges every shard of one run and diffs it with the previous run (exit 5: new waste above the threshold).
# Usage: merge.sh COUNT   Needs FINOPS_RESULTS, FINOPS_RUN, optionally FINOPS_PREVIOUS_RUN.
set -eu
count="$1"
i=0
dirs=""
while [ "$i" -lt "$count" ]; do
  aws s3 cp --recursive "$FINOPS_RESULTS/$FINOPS_RUN/shard-$i" "/tmp/shard-$i"
  dirs="$dirs /tmp/shard-$i"
  i=$((i + 1))
done
baseline=""
if [ -n "${FINOPS_PREVIOUS_RUN:-}" ] && aws s3 cp "$FINOPS_RESULTS/$FINOPS_PREVIOUS_RUN/merged/scan.json" /tmp/previous.json; then
  baseline="--baseline /tmp/previous.json"
fi
set +e
# shellcheck disable=SC2086
finops-pack merge $dirs --out /tmp/merged $baseline --fail-on-new-savings 500
code=$?
set -e
aws s3 cp --recursive /tmp/merged "$FINOPS_RESULTS/$FINOPS_RUN/merged"
exit "$code"
