# Sourced by the scripts: build and lint the Bicep templates with a pinned Bicep CLI taken from NuGet (the only
# registry reachable offline), failing on any error or warning. After bicep_check, INFRA_ARM_JSON holds the path of
# the compiled infra/main.bicep, which Functions.Tests/Unit/Infra/CompiledTemplateTests.cs reads.

BICEP_VERSION=0.49.2
BICEP_PACKAGE=azure.bicep.commandline.linux-x64

# bicep_fetch: puts the path of the bicep binary in BICEP (restores the NuGet package on first use).
bicep_fetch() {
  local packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
  BICEP="$packages/$BICEP_PACKAGE/$BICEP_VERSION/tools/bicep"
  if [ ! -f "$BICEP" ]; then
    echo "Fetching the Bicep CLI $BICEP_VERSION from NuGet…"
    local tmp
    tmp=$(mktemp -d -t bicep-restore.XXXXXX)
    # Outside the repo, so Directory.Packages.props and Directory.Build.props do not apply to this throwaway project.
    cat >"$tmp/bicep.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
PROJ
    dotnet restore "$tmp/bicep.csproj" --verbosity quiet || { rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
  fi
  [ -f "$BICEP" ] || { echo "error: $BICEP not found after restoring $BICEP_PACKAGE $BICEP_VERSION." >&2; return 1; }
  [ -x "$BICEP" ] || chmod +x "$BICEP"
  export BICEP
}

# bicep_run OUT_FILE ARGS...: runs bicep, keeps its diagnostics in OUT_FILE, fails on a non-zero exit or any
# "Warning"/"Error" line (lint reports warnings with exit code 0).
bicep_run() {
  local log=$1
  shift
  local rc=0
  "$BICEP" "$@" >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ] || grep -qE ' : (Warning|Error) ' "$log"; then
    cat "$log" >&2
    echo "error: bicep $1 failed (exit $rc)." >&2
    return 1
  fi
}

# bicep_check OUT_DIR: lints every .bicep file under infra/ and compiles infra/main.bicep to OUT_DIR/main.json.
bicep_check() {
  local out_dir=$1
  mkdir -p "$out_dir"
  bicep_fetch || return 1
  # One process for all files: each bicep start costs seconds.
  bicep_run "$out_dir/lint.log" lint --pattern 'infra/**/*.bicep' || return 1
  bicep_run "$out_dir/build.log" build infra/main.bicep --outfile "$out_dir/main.json" || return 1
  INFRA_ARM_JSON="$out_dir/main.json"
  export INFRA_ARM_JSON
  echo "Bicep $BICEP_VERSION: infra/ lints clean; compiled to $INFRA_ARM_JSON"
}
