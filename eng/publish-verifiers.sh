#!/usr/bin/env bash
# Publishes `evidencechain` as one self-contained file per platform a court may run it on (docs/verifier.md):
# artifacts/verifiers/RID/evidencechain (.exe on Windows), a SHA256SUMS beside them, and each file's size and SHA-256.
#
#   eng/publish-verifiers.sh [RID...]        default: win-x64 linux-x64 linux-arm64
#
# The runtime packs come from NuGet, in the versions the pinned SDK picks. Release builds and their RID-specific
# restores go to artifacts/build (--artifacts-path), so they never touch the bin/ and obj/ the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."

rids=("$@")
if [ "${#rids[@]}" -eq 0 ]; then rids=(win-x64 linux-x64 linux-arm64); fi
command -v dotnet >/dev/null || { echo "The .NET SDK is required (see global.json)." >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts/verifiers
rm -rf "$out"
mkdir -p "$out"
for rid in "${rids[@]}"; do
  started=$(date +%s)
  # PublishSingleFile also turns on, in EvidenceChain.Cli.csproj, the managed-only crypto switch and invariant
  # globalization. Trimming stays off: the online commands' Nethereum and Newtonsoft.Json are not trim-safe.
  dotnet publish src/EvidenceChain.Cli -c Release -r "$rid" --self-contained -p:PublishSingleFile=true \
    --artifacts-path artifacts/build -o "artifacts/publish/$rid" -warnaserror -v quiet -nologo
  name=evidencechain
  if [[ "$rid" == win-* ]]; then name=evidencechain.exe; fi
  mkdir -p "$out/$rid"
  cp "artifacts/publish/$rid/$name" "$out/$rid/$name"
  echo "published $rid in $(( $(date +%s) - started )) s"
done

# sha256sum's own format, so a court checks its download with `sha256sum -c SHA256SUMS`.
(cd "$out" && find . -type f -name 'evidencechain*' | sed 's|^\./||' | sort | xargs sha256sum > SHA256SUMS)
printf '%-34s %12s  %s\n' file bytes sha256
while read -r sum file; do
  printf '%-34s %12s  %s\n' "$file" "$(stat -c %s "$out/$file")" "$sum"
done < "$out/SHA256SUMS"
