#!/bin/sh
# One shard of a nightly organization scan, for a container on AWS Batch or ECS (Step Functions Distributed Map).
# Usage: run-shard.sh INDEX COUNT   (AWS Batch array jobs: run-shard.sh "$AWS_BATCH_JOB_ARRAY_INDEX" 3)
# Needs: FINOPS_MANAGEMENT_ROLE_ARN, FINOPS_PACK_EXTERNAL_ID (from Secrets Manager, never in the job definition's
# plain environment), FINOPS_RESULTS (s3://bucket/prefix), FINOPS_RUN (a run id shared by every shard and the merge).
set -eu
index="$1"
count="$2"
out="/tmp/finops-shard-$index"
set +e
finops-pack scan --org --role-arn "$FINOPS_MANAGEMENT_ROLE_ARN" --shard "$index/$count" --out "$out" --quiet
code=$?
set -e
# 3 = an account or collector is missing: still a result, the merge reports the gap.
if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then exit "$code"; fi
aws s3 cp --recursive "$out" "$FINOPS_RESULTS/$FINOPS_RUN/shard-$index"
