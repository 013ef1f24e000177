using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Registers the field commands: package, flash, status, logs, events.</summary>
public static class FieldCommands
{
    private const string ExitCodes = "\n\nExit codes: 0 ok; 1 failed (build, dpkg-deb, device check, install or health check); 2 usage error; "
        + "3 device unreachable (connect, host key or login failed); 4 flash only: new package unhealthy, previous one restored.";

    /// <summary>Adds the commands.</summary>
    /// <param name="config">The application's configurator.</param>
    public static void Add(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<PackageCommand>("package")
            .WithDescription("Publish the gateway and build a .deb with dpkg-deb: the gateway in /usr/lib/gateway, a hardened systemd unit "
                + "(Type=notify, watchdog, user 'gateway'), the board files, /etc/gateway/gateway.json as a conffile, postinst/prerm/postrm. "
                + "postinst takes the board from $GATEWAY_BOARD or keeps the one in /etc/gateway/board.env." + ExitCodes)
            .WithExample("package", "--rid", "linux-arm64")
            .WithExample("package", "--rid", "portable", "--output", "out", "--json")
            .WithExample("package", "--rid", "linux-arm64", "--board", "rpi5-bay4", "--config", "site/gateway.json");
        config.AddCommand<FlashCommand>("flash")
            .WithDescription("Install a package over SSH: check architecture, OS, free space and pcscd; upload (temporary name, size and sha256 "
                + "checked, then renamed); dpkg -i; systemctl restart gateway; wait for GET /api/status on the device's loopback through "
                + "the SSH connection; if that fails, reinstall the previous package kept in --remote-dir." + ExitCodes)
            .WithExample("flash", "--host", "192.168.1.50", "--user", "root", "--key", "~/.ssh/id_ed25519", "--board", "rpi4-ag1171", "--package", "artifacts/gateway_0.1.0_arm64.deb")
            .WithExample("flash", "--host", "192.168.1.50", "--board", "rpi4-ag1171", "--dry-run")
            .WithExample("flash", "--hosts", "site-a.txt", "--key", "fleet_ed25519", "--package", "artifacts/gateway_0.1.0_arm64.deb", "--json");
        config.AddCommand<StatusCommand>("status")
            .WithDescription("Show GET /api/status as a table (device, board, version, uptime, each station), from a device over SSH or from --url." + ExitCodes)
            .WithExample("status", "--host", "192.168.1.50", "--key", "~/.ssh/id_ed25519")
            .WithExample("status", "--url", "http://127.0.0.1:8080", "--json");
        config.AddCommand<LogsCommand>("logs")
            .WithDescription("Print the gateway's Serilog files (/var/log/gateway/*.log on the device) over SSH, or a local folder with --dir; --follow keeps tailing." + ExitCodes)
            .WithExample("logs", "--host", "192.168.1.50", "--lines", "200")
            .WithExample("logs", "--host", "192.168.1.50", "--follow")
            .WithExample("logs", "--dir", "/var/log/gateway", "--follow");
        config.AddCommand<EventsCommand>("events")
            .WithDescription("Stream the gateway's events (SSE GET /api/events) as lines, or as JSON lines with --json, until Ctrl+C or --count." + ExitCodes)
            .WithExample("events", "--host", "192.168.1.50")
            .WithExample("events", "--url", "http://127.0.0.1:8080", "--replay", "20", "--json");
    }
}
