#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Every task of the follow-me gateway: deps, build, test, bench, publish, server, clean.

.DESCRIPTION
    Run it with the PowerShell pinned in .config/dotnet-tools.json:

        dotnet tool restore
        dotnet pwsh ./build.ps1 <task> [options]

    Tasks:
      deps      Install the real components (Kamailio, baresip, SIPp, pcscd + vpcd, ...) with apt when missing.
      build     Build the whole solution (Release by default).
      test      deps + build, then every unit and integration test project, one after the other.
      bench     deps + build, then Kamailio (two demo subscribers and their cards), pcscd + vpcd, and the gateway on the
                simulated bench board; prints the API URL. With -Demo it plays the scripted tour and prints a timeline.
      perf      deps + build, then the side-by-side suite against baresip on loopback (idle, call CPU, RTP pacing, card
                timing, multi-call, startup, station latencies, runtime GC/JIT settings); writes artifacts/perf/report.md and
                report.json. -Smoke: a few seconds per case. -Cases h: only the chosen cases (letters a-h).
      publish   Self-contained linux-arm64 and linux-x64, plus a portable framework-dependent build for 32-bit Pis.
      publish-aot  NativeAOT gateway for -Rid (default linux-x64) into artifacts/publish-aot/<rid> (needs clang; linux-arm64
                on x64 first installs the Debian arm64 cross toolchain).
      aot-smoke deps + build + publish-aot, then the Host integration tests against the NativeAOT binary (CI smoke).
      server    Start the Kamailio network server on loopback (foreground; Ctrl+C stops it).
      fuzz      Instrument the SIP message layer with SharpFuzz and run AFL++ on it for -Minutes (installs afl++).
      clean     Remove bin/, obj/, artifacts/ and test results.

    Every task says what it is doing and exits non-zero on failure.

.EXAMPLE
    dotnet pwsh ./build.ps1 bench
.EXAMPLE
    dotnet pwsh ./build.ps1 bench -Demo
.EXAMPLE
    dotnet pwsh ./build.ps1 perf -Smoke
.EXAMPLE
    dotnet pwsh ./build.ps1 perf -Cases bc -CallWindow 600
.EXAMPLE
    dotnet pwsh ./build.ps1 test -Filter "FullyQualifiedName~Hook"
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('deps', 'build', 'test', 'bench', 'perf', 'publish', 'publish-aot', 'aot-smoke', 'server', 'fuzz', 'clean', 'help')]
    [string] $Task = 'help',

    # Build configuration.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Board the bench runs (a name under board-config/ or a path).
    [string] $Board = 'bench',

    # Port of the management API on the bench.
    [int] $ApiPort = 8080,

    # 'bench': play the scripted tour (cards in and out, calls from a baresip caller) and exit with its verdict.
    [switch] $Demo,

    # 'perf': the short smoke version (checks every case produces numbers; the figures mean nothing).
    [switch] $Smoke,

    # 'perf': which cases to run (letters a-h), e.g. 'bc' for the call and its RTP pacing, 'h' for the runtime settings alone; all by default.
    [ValidatePattern('^[a-h]+$')]
    [string] $Cases = '',

    # 'perf': seconds of the call window of cases b and c (60 by default, 4 with -Smoke); 600 = the 10-minute
    # pacing and GC-pause run of the Media and Performance issues. Case b places 3 calls per subject (1 with -Smoke,
    # and 1 for a window over 2 minutes).
    [ValidateRange(0, 3600)]
    [int] $CallWindow = 0,

    # SIP port of the Kamailio network server ('server' and 'bench' tasks).
    [int] $ServerPort = 5060,

    # Passed to 'dotnet test --filter'.
    [string] $Filter = '',

    # How long the 'fuzz' task runs AFL++.
    [ValidateRange(1, 10080)]
    [int] $Minutes = 10,

    # Runtime identifier of the 'publish-aot' task (linux-arm64 on x64 needs the arm64 cross toolchain).
    [ValidateSet('linux-x64', 'linux-arm64')]
    [string] $Rid = 'linux-x64',

    # Skip the apt step (for machines where the components are managed another way).
    [switch] $NoDeps
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Solution = Join-Path $Root 'Gateway.sln'
$HostProject = Join-Path $Root 'firmware/Gateway.Host/Gateway.Host.csproj'
$BenchProject = Join-Path $Root 'tools/bench/Gateway.Bench/Gateway.Bench.csproj'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# Debian packages of the real components the tests and the bench start on loopback.
$AptPackages = @(
    'kamailio', 'kamailio-sqlite-modules', 'sqlite3',
    'baresip-core', 'linphone-cli',
    'sip-tester', 'sipvicious',
    'pcscd', 'libpcsclite1', 'vsmartcard-vpcd', 'pcsc-tools', 'opensc',
    'sox', 'tshark',
    'chromium',  # the status page test drives it through Playwright (no browser download)
    'openssh-server',  # gatewayctl flash is tested against a throwaway sshd on loopback
    'sudo'  # ...and as a throwaway non-root user whose sudoers rule allows only dpkg and systemctl
)

# Only for 'publish-aot -Rid linux-arm64' on an x64 host: clang links for aarch64 with the cross binutils against the
# cross libc (no arm64 sysroot, no dpkg --add-architecture). Same list as gatewayctl's GatewayPublisher.CrossArm64Packages.
$CrossArm64Packages = @('clang', 'binutils-aarch64-linux-gnu', 'gcc-aarch64-linux-gnu', 'libc6-dev-arm64-cross')

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a native command, echoes it, and fails the task when it fails.
    param([Parameter(Mandatory)] [string] $File, [string[]] $Arguments = @())
    Write-Host "    $File $($Arguments -join ' ')" -ForegroundColor DarkGray
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$File $($Arguments -join ' ')' failed with exit code $LASTEXITCODE"
    }
}

function Invoke-Deps {
    param([string[]] $Packages = $AptPackages)
    Write-Step "deps: checking Debian packages ($($Packages -join ' '))"
    if ($NoDeps) { Write-Host '    skipped (-NoDeps)'; return }
    if (-not (Get-Command dpkg-query -ErrorAction SilentlyContinue) -or -not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        Write-Warning ("This machine has no apt/dpkg. Install these with your package manager, then run again with -NoDeps: " + ($Packages -join ' '))
        throw 'deps: apt is not available on this machine'
    }
    $missing = @($Packages | Where-Object {
        $status = & dpkg-query -W -f '${Status}' $_ 2>$null
        $LASTEXITCODE -ne 0 -or $status -notmatch 'install ok installed'
    })
    if ($missing.Count -eq 0) { Write-Host '    all present'; return }
    Write-Host "    missing: $($missing -join ' ')"
    $sudo = @()
    if ((& id -u) -ne '0') {
        if (-not (Get-Command sudo -ErrorAction SilentlyContinue)) { throw "deps: not root and no sudo; install as root: apt-get install -y $($missing -join ' ')" }
        $sudo = @('sudo')
    }
    $env:DEBIAN_FRONTEND = 'noninteractive'
    # The image's policy-rc.d keeps apt from starting kamailio/pcscd as system services; the project starts them itself.
    $update = $sudo + @('apt-get', 'update', '-qq')
    Invoke-Native -File $update[0] -Arguments @($update | Select-Object -Skip 1)
    $install = $sudo + @('apt-get', 'install', '-y', '-qq', '--no-install-recommends') + $missing
    Invoke-Native -File $install[0] -Arguments @($install | Select-Object -Skip 1)
}

function Invoke-Build {
    Write-Step "build: $Configuration"
    Invoke-Native dotnet @('build', $Solution, '-c', $Configuration, '-nologo', '-clp:NoSummary')
}

function Invoke-BuildHost {
    # The bench needs only the gateway; building the whole solution would double a newcomer's first wait.
    Write-Step "build: gateway host ($Configuration)"
    Invoke-Native dotnet @('build', $HostProject, '-c', $Configuration, '-nologo', '-clp:NoSummary')
    Invoke-Native dotnet @('build', $BenchProject, '-c', $Configuration, '-nologo', '-clp:NoSummary')
}

function Get-TestProjects {
    # Unit tests first: they are fast and say most. Integration tests start real processes, so they run one at a time.
    $all = Get-ChildItem -Path (Join-Path $Root 'tests') -Recurse -Filter '*.csproj' |
        Where-Object { (Get-Content $_.FullName -Raw) -match '<IsTestProject>true</IsTestProject>' } |
        Sort-Object FullName
    @($all | Where-Object { $_.BaseName -notmatch 'IntegrationTests$' }) + @($all | Where-Object { $_.BaseName -match 'IntegrationTests$' })
}

function Invoke-Test {
    $projects = Get-TestProjects
    $resultsDir = Join-Path $Root 'artifacts/test-results'
    New-Item -ItemType Directory -Force -Path $resultsDir | Out-Null
    $passed = 0; $failed = 0; $skipped = 0; $broken = @()
    foreach ($project in $projects) {
        Write-Step "test: $($project.BaseName)"
        $trx = "$($project.BaseName).trx"
        $arguments = @('test', $project.FullName, '-c', $Configuration, '--no-build', '--nologo',
            '--logger', "trx;LogFileName=$trx", '--results-directory', $resultsDir, '--blame-hang-timeout', '5m')
        if ($Filter) { $arguments += @('--filter', $Filter) }
        & dotnet @arguments
        $code = $LASTEXITCODE
        $trxPath = Join-Path $resultsDir $trx
        if (Test-Path $trxPath) {
            [xml] $doc = Get-Content $trxPath -Raw
            $counters = $doc.TestRun.ResultSummary.Counters
            $passed += [int] $counters.passed
            $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
            $skipped += [int] $counters.notExecuted
            Remove-Item $trxPath
        }
        if ($code -ne 0) { $broken += $project.BaseName }
    }
    Write-Host ''
    Write-Host "tests: $passed passed, $failed failed, $skipped skipped"
    if ($broken.Count -gt 0) { throw "test: failing projects: $($broken -join ', ')" }
    if ($passed -eq 0) { throw 'test: no test ran' }
}

function Start-BenchPcscd {
    # The bench's card readers are vsmartcard's vpcd inside a real pcscd; there can be one pcscd per machine.
    if (& pgrep -x pcscd) {
        Write-Host '    pcscd already running: the bench uses it (it needs the vpcd readers "Virtual PCD 00 00/01")'
        return $null
    }
    if ((& id -u) -ne '0') {
        Write-Warning 'pcscd is not running and starting it needs root (its socket is /run/pcscd): cards are unavailable on this bench run.'
        return $null
    }
    $dir = Join-Path $Root '.run/pcscd'
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
    @(
        'FRIENDLYNAME "Virtual PCD"',
        'DEVICENAME   /dev/null:0x8C7B',
        'LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so',
        'CHANNELID    0x8C7B'
    ) | Set-Content -Path (Join-Path $dir 'vpcd.conf')
    $process = Start-Process -FilePath 'pcscd' -ArgumentList @('-f', '-a', '-c', $dir) -PassThru `
        -RedirectStandardOutput (Join-Path $dir 'pcscd.log') -RedirectStandardError (Join-Path $dir 'pcscd.err')
    Start-Sleep -Milliseconds 300
    if ($process.HasExited) { Write-Warning "pcscd exited at once (see $dir/pcscd.err): cards are unavailable on this bench run."; return $null }
    Write-Host "    pcscd with vpcd readers started (PID $($process.Id)); virtual cards connect to 127.0.0.1:35963/35964"
    return $process
}

function Invoke-Bench {
    Write-Step 'bench: card readers (pcscd + vpcd)'
    $pcscd = Start-BenchPcscd
    Write-Step "bench: Kamailio on 127.0.0.1:$ServerPort, demo subscribers and cards, the gateway on board '$Board'$(if ($Demo) { ' (demo tour)' })"
    try {
        # Run from the repository root, so ./logs and relative card files mean what a newcomer expects.
        $gateway = Join-Path $Root "firmware/Gateway.Host/bin/$Configuration/net10.0/gateway.dll"
        $bench = Join-Path $Root "tools/bench/Gateway.Bench/bin/$Configuration/net10.0/gateway-bench.dll"
        $arguments = @($bench, '--gateway', $gateway, '--board', $Board, '--api-port', $ApiPort, '--sip-port', $ServerPort, '--run-dir', (Join-Path $Root '.run/bench'))
        if ($Demo) { $arguments += '--demo' }
        Push-Location $Root
        try { & dotnet @arguments } finally { Pop-Location }
        if ($LASTEXITCODE -ne 0 -and $LASTEXITCODE -ne 130) { throw "bench: exited with code $LASTEXITCODE" }
    }
    finally {
        if ($null -ne $pcscd -and -not $pcscd.HasExited) {
            Stop-Process -Id $pcscd.Id -ErrorAction SilentlyContinue
            Write-Host '    pcscd stopped'
        }
    }
}

function Invoke-Perf {
    Write-Step 'perf: card readers (pcscd + vpcd)'
    $pcscd = Start-BenchPcscd
    $out = Join-Path $Root 'artifacts/perf'
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    try {
        $gateway = Join-Path $Root "firmware/Gateway.Host/bin/$Configuration/net10.0/gateway.dll"
        $bench = Join-Path $Root "tools/bench/Gateway.Bench/bin/$Configuration/net10.0/gateway-bench.dll"
        $arguments = @($bench, '--gateway', $gateway, '--perf', '--run-dir', (Join-Path $Root '.run/perf'),
            '--report', (Join-Path $out 'report.md'), '--json', (Join-Path $out 'report.json'))
        if ($Smoke) { $arguments += '--smoke' }
        if ($Cases) { $arguments += @('--cases', $Cases) }
        if ($CallWindow -gt 0) { $arguments += @('--call-window', $CallWindow) }
        # The NativeAOT gateway is measured when a publish-aot run left one; otherwise the report says it is missing.
        $aot = Join-Path $Root 'artifacts/publish-aot/linux-x64/gateway'
        if (Test-Path $aot) { $arguments += @('--aot-gateway', $aot) } else { Write-Host "    no NativeAOT gateway at ${aot}: the report lists AOT as not available" }
        Write-Step "perf: $(if ($Smoke) { 'smoke' } else { 'full' }) suite (the full one takes about 25 minutes, case h alone about 15)"
        Invoke-Native dotnet $arguments
        Write-Host "    report: $(Join-Path $out 'report.md'), $(Join-Path $out 'report.json')"
    }
    finally {
        if ($null -ne $pcscd -and -not $pcscd.HasExited) {
            Stop-Process -Id $pcscd.Id -ErrorAction SilentlyContinue
            Write-Host '    pcscd stopped'
        }
    }
}

function Invoke-Publish {
    $out = Join-Path $Root 'artifacts/publish'
    foreach ($rid in @('linux-arm64', 'linux-x64')) {
        Write-Step "publish: $rid (self-contained)"
        Invoke-Native dotnet @('publish', $HostProject, '-c', 'Release', '-r', $rid, '--self-contained', 'true', '-o', (Join-Path $out $rid), '-nologo')
    }
    # No linux-arm runtime pack is served here, so 32-bit Pis get a framework-dependent, RID-less build.
    Write-Step 'publish: portable (framework-dependent, for 32-bit linux-arm)'
    Invoke-Native dotnet @('publish', $HostProject, '-c', 'Release', '--self-contained', 'false', '-o', (Join-Path $out 'portable'), '-nologo')
    Write-Host "    output: $out"
}

function Invoke-PublishAot {
    # Properties/PublishProfiles/NativeAot.pubxml: PublishAot, self-contained, every trim/AOT warning an error.
    $out = Join-Path $Root "artifacts/publish-aot/$Rid"
    if ($Rid -eq 'linux-arm64' -and [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture -ne 'Arm64') {
        Invoke-Deps -Packages $CrossArm64Packages
    }
    Write-Step "publish-aot: $Rid (NativeAOT)"
    Invoke-Native dotnet @('publish', $HostProject, '-c', 'Release', '-r', $Rid, '-p:PublishProfile=NativeAot', '-nologo')
    $binary = Join-Path $out 'gateway'
    if (-not (Test-Path $binary)) { throw "publish-aot: $binary was not produced" }
    Write-Host ("    {0}: {1:N1} MiB" -f $binary, ((Get-Item $binary).Length / 1MB))
}

function Invoke-AotSmoke {
    # The NativeAOT publish takes several minutes here, too long for every test run: CI calls this task instead.
    # The Host integration suite starts the binary named by GATEWAY_IT_EXECUTABLE instead of 'dotnet gateway.dll'.
    if ($Rid -ne 'linux-x64') { throw 'aot-smoke runs the binary here, so it needs -Rid linux-x64' }
    Invoke-PublishAot
    $binary = Join-Path $Root "artifacts/publish-aot/$Rid/gateway"
    $project = Join-Path $Root 'tests/Gateway.Host.IntegrationTests/Gateway.Host.IntegrationTests.csproj'
    Write-Step "aot-smoke: Gateway.Host.IntegrationTests against $binary"
    $env:GATEWAY_IT_EXECUTABLE = $binary
    try {
        $arguments = @('test', $project, '-c', $Configuration, '--no-build', '--nologo', '--blame-hang-timeout', '5m')
        if ($Filter) { $arguments += @('--filter', $Filter) }
        Invoke-Native dotnet $arguments
    }
    finally {
        Remove-Item Env:GATEWAY_IT_EXECUTABLE -ErrorAction SilentlyContinue
    }
}

function Invoke-Server {
    $script = Join-Path $Root 'tools/network-server/start-network-server.sh'
    if (-not (Test-Path $script)) { throw "server: $script is missing" }
    $runDir = Join-Path $Root ".run/network-server"
    New-Item -ItemType Directory -Force -Path $runDir | Out-Null
    Write-Step "server: Kamailio on udp/tcp 127.0.0.1:$ServerPort, database $runDir/network-server.db"
    $output = & bash $script --port $ServerPort --rundir $runDir
    if ($LASTEXITCODE -ne 0) { throw "server: Kamailio did not start (see $runDir)" }
    $kamailioPid = [int](($output | Select-String -Pattern '^PID (\d+)').Matches[0].Groups[1].Value)
    Write-Host "    Kamailio PID $kamailioPid; provision with: dotnet run --project tools/gatewayctl -- subscriber add --db $runDir/network-server.db ..."
    Write-Host '    Ctrl+C stops it.'
    try {
        while (Get-Process -Id $kamailioPid -ErrorAction SilentlyContinue) { Start-Sleep -Milliseconds 500 }
        throw 'server: Kamailio exited'
    }
    finally {
        # Ctrl+C lands here too: leave no daemon behind.
        if (Get-Process -Id $kamailioPid -ErrorAction SilentlyContinue) {
            & kill -TERM $kamailioPid
            Start-Sleep -Seconds 2
        }
    }
}

function Invoke-Fuzz {
    # AFL++ drives the SharpFuzz target out of process; only Gateway.Sip.dll is instrumented, so coverage is the parser's.
    $fuzzRoot = Join-Path $Root 'artifacts/fuzz'
    $bin = Join-Path $fuzzRoot 'bin'
    $corpus = Join-Path $fuzzRoot 'corpus'
    $findings = Join-Path $fuzzRoot 'findings'
    $seeds = Join-Path $Root '../shared/conformance/rfc4475'
    if (-not (Test-Path $seeds)) { throw "fuzz: the seed corpus $seeds is missing (../shared must sit beside the project)" }
    Write-Step 'fuzz: publishing and instrumenting tests/fuzz/Gateway.Sip.Fuzz'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'tests/fuzz/Gateway.Sip.Fuzz'), '-c', 'Release', '-o', $bin, '-nologo', '-clp:NoSummary')
    Invoke-Native dotnet @('sharpfuzz', (Join-Path $bin 'Gateway.Sip.dll'))
    New-Item -ItemType Directory -Force -Path $corpus | Out-Null
    Copy-Item -Path (Join-Path $seeds '*.dat') -Destination $corpus -Force
    # A previous run's queue seeds this one, so campaigns add up instead of starting over.
    $queue = Join-Path $findings 'default/queue'
    if (Test-Path $queue) { Get-ChildItem $queue -File | ForEach-Object { Copy-Item $_.FullName (Join-Path $corpus "q-$($_.Name -replace '[^A-Za-z0-9._-]', '_')") -Force } }
    if (Test-Path $findings) { Remove-Item -Recurse -Force $findings }
    Write-Step "fuzz: AFL++ for $Minutes minute(s); findings in $findings"
    $env:AFL_SKIP_CPUFREQ = '1'; $env:AFL_NO_AFFINITY = '1'; $env:AFL_SKIP_BIN_CHECK = '1'; $env:AFL_NO_UI = '1'
    $env:AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES = '1'
    & afl-fuzz -V ($Minutes * 60) -i $corpus -o $findings -t 5000 -m none -- (Join-Path $bin 'Gateway.Sip.Fuzz') afl | Select-Object -Last 5
    $stats = Join-Path $findings 'default/fuzzer_stats'
    if (-not (Test-Path $stats)) { throw 'fuzz: afl-fuzz did not run (no fuzzer_stats)' }
    $values = @{}
    Get-Content $stats | ForEach-Object { $k, $v = $_ -split '\s*:\s*', 2; $values[$k] = $v }
    $crashes = @(Get-ChildItem (Join-Path $findings 'default/crashes') -File -ErrorAction SilentlyContinue | Where-Object Name -ne 'README.txt')
    $hangs = @(Get-ChildItem (Join-Path $findings 'default/hangs') -File -ErrorAction SilentlyContinue)
    Write-Host "fuzz: $($values['execs_done']) executions, $($values['corpus_count']) corpus entries, $($crashes.Count) crashes, $($hangs.Count) hangs"
    if ($crashes.Count -gt 0) { throw "fuzz: crashes in $(Join-Path $findings 'default/crashes'); add each as a unit test" }
}

function Invoke-Clean {
    Write-Step 'clean: bin/, obj/, artifacts/, TestResults/'
    Get-ChildItem -Path $Root -Recurse -Directory -Include 'bin', 'obj', 'TestResults', 'BenchmarkDotNet.Artifacts' -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '[\\/]\.git[\\/]' } |
        Remove-Item -Recurse -Force
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Root 'artifacts')
}

try {
    Push-Location $Root
    switch ($Task) {
        'deps' { Invoke-Deps }
        'build' { Invoke-Build }
        'test' { Invoke-Deps; Invoke-Build; Invoke-Test }
        'bench' { Invoke-Deps; Invoke-BuildHost; Invoke-Bench }
        'perf' { Invoke-Deps; Invoke-BuildHost; Invoke-Perf }
        'publish' { Invoke-Publish }
        'publish-aot' { Invoke-PublishAot }
        'aot-smoke' { Invoke-Deps; Invoke-Build; Invoke-AotSmoke }
        'server' { Invoke-Server }
        'fuzz' { Invoke-Deps -Packages @('afl++'); Invoke-Fuzz }
        'clean' { Invoke-Clean }
        'help' { Get-Help $PSCommandPath -Detailed }
    }
    exit 0
}
catch {
    Write-Host "build.ps1 $Task failed: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
finally {
    Pop-Location
}
