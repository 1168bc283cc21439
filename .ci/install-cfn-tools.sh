#!/usr/bin/env bash
# Installs what the CloudFormation template tests use (tests/FinOpsPack.Tests/Onboarding); without it they skip visibly.
#  - the CloudFormation resource specification: npm @aws-cdk/cfnspec 2.72.1 (spec 117.0.0), pinned by the lockfile,
#    into .ci/cfn-tools/node_modules; the tests check every resource type and property of the template against it.
#  - the AWS CloudFormation Linter: the Python package cfn-lint (aws-cloudformation/cfn-lint). Not the npm package of
#    the same name: npm cfn-lint 1.9.7 is an unrelated 2019 validator (martysweet/cfn-lint) whose bundled specification
#    rejects current IAM properties (AWS::IAM::Role Description and Tags), so it cannot judge this template.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

(cd "$here/cfn-tools" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
test -f "$here/cfn-tools/node_modules/@aws-cdk/cfnspec/spec/specification.json"
echo "cloudformation resource specification: $(cat "$here/cfn-tools/node_modules/@aws-cdk/cfnspec/cfn.version")"

if cfn-lint --version 2>/dev/null | grep -q '^cfn-lint '; then
  echo "$(cfn-lint --version) (AWS CloudFormation Linter) found"
elif python3 -m pip install --quiet 'cfn-lint==1.51.0' 2>/dev/null && cfn-lint --version 2>/dev/null | grep -q '^cfn-lint '; then
  echo "$(cfn-lint --version) installed"
else
  echo "cfn-lint (AWS CloudFormation Linter) is not available here: the linter test will be skipped" >&2
fi
