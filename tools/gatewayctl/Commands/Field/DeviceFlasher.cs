using System.Diagnostics;
using Spectre.Console;

namespace Gateway.Ctl.Commands.Field;

/// <summary>
/// Flashes one device: checks, upload, <c>dpkg -i</c>, <c>systemctl restart gateway</c>, health check, and on failure
/// the previous package back. The device-side commands are a small fixed set (see <see cref="DevicePreflight"/> and the
/// README), so a sandbox can stand in for a device by putting shims for dpkg and systemctl first on PATH.
/// </summary>
/// <param name="settings">The options.</param>
/// <param name="console">Where progress goes.</param>
public sealed class DeviceFlasher(FlashSettings settings, IAnsiConsole console)
{
    /// <summary>Flashes <paramref name="target"/>; never throws for device problems, it reports them.</summary>
    /// <param name="target">The device.</param>
    /// <param name="board">Its board.</param>
    /// <param name="package">The package.</param>
    /// <param name="cancellationToken">Cancels the flash.</param>
    /// <returns>What happened.</returns>
    public async Task<FlashResult> FlashAsync(DeviceTarget target, string board, DebPackage package, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? previous = null;
        try
        {
            using var session = await DeviceSession.ConnectAsync(target, cancellationToken);
            if (session.HostKeyRecordedIn is { } knownHosts)
            {
                console.MarkupLine($"[yellow]{Markup.Escape(target.Display)}: new host key {Markup.Escape(session.HostKeyFingerprint ?? "?")} recorded in {Markup.Escape(knownHosts)} (--accept-new)[/]");
            }

            Step(target, "connected", clock);
            var facts = await DevicePreflight.CheckAsync(session, package, board, settings.RemoteDir, cancellationToken);
            var dir = facts.PackageDir;
            previous = facts.InstalledVersion;
            Step(target, $"checked: {facts.Os}, {facts.Architecture}, {facts.FreeKiB / 1024} MiB free, installed {facts.InstalledVersion ?? "none"}", clock);
            if (settings.DryRun)
            {
                return new FlashResult(target.Display, "checked", facts.InstalledVersion, facts.InstalledVersion, clock.Elapsed.TotalSeconds,
                    $"{facts.Os}, {facts.Architecture}, {facts.FreeKiB / 1024} MiB free; would install {package.Version} for board {board} "
                    + $"(installed: {facts.InstalledVersion ?? "none"}, rollback file: {facts.InstalledPackage ?? "none"})");
            }

            // The package folder belongs to the SSH user: only dpkg and systemctl need root (through sudo -n for other users).
            await session.RunCheckedAsync($"mkdir -p '{dir}'", $"user '{target.User}' must be able to create {dir}; choose another --remote-dir", cancellationToken);
            var remote = await UploadWithProgressAsync(session, package, dir, cancellationToken);
            Step(target, "uploaded and verified", clock);
            await InstallAsync(session, remote, board, cancellationToken);
            Step(target, "installed and restarted", clock);
            var (version, problem) = await HealthProbe.WaitAsync(session, settings.ApiPort, board, TimeSpan.FromSeconds(settings.HealthTimeoutSeconds), cancellationToken);
            Step(target, version is null ? "health check failed" : "healthy", clock);
            if (version is not null)
            {
                await RecordAsync(session, dir, Path.GetFileName(remote), facts.InstalledPackage, cancellationToken);
                return new FlashResult(target.Display, "installed", version, previous, clock.Elapsed.TotalSeconds,
                    $"gateway {version} runs board {board} ({facts.InstalledVersion ?? "fresh install"} before)");
            }

            return await RollBackAsync(session, facts, board, problem, clock, cancellationToken);
        }
        catch (FieldException e)
        {
            var outcome = e.ExitCode == FieldExitCodes.Unreachable ? "unreachable" : "failed";
            return new FlashResult(target.Display, outcome, null, previous, clock.Elapsed.TotalSeconds, e.Message, e.Hint);
        }
    }

    private void Step(DeviceTarget target, string what, Stopwatch clock) =>
        console.MarkupLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[grey]{Markup.Escape(target.Display)}: {clock.Elapsed.TotalSeconds,5:F1} s {Markup.Escape(what)}[/]"));

    private async Task<string> UploadWithProgressAsync(DeviceSession session, DebPackage package, string dir, CancellationToken cancellationToken)
    {
        string remote = string.Empty;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"upload {Path.GetFileName(package.Path)} to {session.Target.Display}", maxValue: package.SizeBytes);
                remote = await PackageUpload.UploadAsync(session, package, dir, new SyncProgress(sent => task.Value = sent), cancellationToken);
                task.Value = package.SizeBytes;
            });
        return remote;
    }

    private static async Task InstallAsync(DeviceSession session, string remote, string board, CancellationToken cancellationToken)
    {
        // sudo takes the variables itself (its SETENV tag), so the sudoers rule names dpkg, not env.
        var sudo = session.Target.Privileged;
        var run = sudo.Length == 0 ? "env " : sudo;
        var sudoHint = sudo.Length == 0 ? string.Empty : $"; user '{session.Target.User}' needs: {session.Target.User} ALL=(root) NOPASSWD:SETENV: /usr/bin/dpkg, /usr/bin/systemctl";

        // confdef+confold: a gateway.json edited on the device is kept, an untouched one follows the package.
        await session.RunCheckedAsync(
            $"{run}GATEWAY_BOARD='{board}' GATEWAY_NO_RESTART=1 DEBIAN_FRONTEND=noninteractive dpkg --force-confdef --force-confold -i '{remote}'",
            "see the dpkg error above; the previous version stays installed when dpkg fails before configuring" + sudoHint, cancellationToken);
        await session.RunCheckedAsync($"{sudo}systemctl restart gateway.service", "see 'journalctl -u gateway' on the device" + sudoHint, cancellationToken);
    }

    private async Task<FlashResult> RollBackAsync(DeviceSession session, DeviceFacts facts, string board, string problem, Stopwatch clock, CancellationToken cancellationToken)
    {
        var host = session.Target.Display;
        if (facts.InstalledPackage is null)
        {
            return new FlashResult(host, "failed", null, facts.InstalledVersion, clock.Elapsed.TotalSeconds,
                $"health check failed: {problem}; no previous package in {facts.PackageDir} to roll back to",
                "see 'gatewayctl logs --host ...' or 'journalctl -u gateway' on the device");
        }

        console.MarkupLine($"[yellow]{Markup.Escape(host)}: health check failed ({Markup.Escape(problem)}); rolling back to {Markup.Escape(facts.InstalledPackage)}[/]");
        await InstallAsync(session, $"{facts.PackageDir}/{facts.InstalledPackage}", board, cancellationToken);
        Step(session.Target, "previous package reinstalled and restarted", clock);
        var (version, again) = await HealthProbe.WaitAsync(session, settings.ApiPort, board, TimeSpan.FromSeconds(settings.HealthTimeoutSeconds), cancellationToken);
        return version is null
            ? new FlashResult(host, "failed", null, facts.InstalledVersion, clock.Elapsed.TotalSeconds,
                $"health check failed ({problem}) and the rolled-back {facts.InstalledPackage} fails too ({again})", "log in and check 'journalctl -u gateway'")
            : new FlashResult(host, "rolled-back", version, facts.InstalledVersion, clock.Elapsed.TotalSeconds,
                $"new package failed its health check ({problem}); {facts.InstalledPackage} restored and healthy",
                "see the new version's logs: gatewayctl logs --host ...");
    }

    private static async Task RecordAsync(DeviceSession session, string dir, string installed, string? previous, CancellationToken cancellationToken)
    {
        // Keep the installed package and the one before it; older uploads only cost space.
        var keep = previous is null || previous == installed ? $"'{installed}'" : $"'{installed}' '{previous}'";
        await session.RunCheckedAsync(
            $"cd '{dir}' && printf '%s\\n' '{installed}' > installed.new && mv -f installed.new installed"
            + $" && for f in *.deb; do case \" {keep} \" in *\"'$f'\"*) ;; *) rm -f \"$f\";; esac; done",
            "check permissions of --remote-dir", cancellationToken);
    }

    /// <summary>Progress that reports on the caller's thread (Spectre's task is thread-safe), unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
