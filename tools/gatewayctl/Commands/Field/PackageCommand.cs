using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary><c>gatewayctl package</c>: publishes the gateway and wraps it into a .deb with dpkg-deb.</summary>
/// <param name="output">Where the result is printed.</param>
/// <param name="console">Where progress and errors go.</param>
public sealed class PackageCommand(CommandOutput output, CommandConsole console) : AsyncCommand<PackageSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, PackageSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var target = settings.Target;
        string? temporaryPublish = null;
        try
        {
            var publish = settings.PublishDir;
            if (publish is null)
            {
                var root = GatewayPublisher.FindRoot(settings.Source ?? Environment.CurrentDirectory);
                publish = temporaryPublish = await console.Console.Status().StartAsync(
                    $"dotnet publish {target.Rid}{(settings.Aot ? " (NativeAOT)" : string.Empty)}...",
                    _ => GatewayPublisher.PublishAsync(root, target, settings.Aot, cancellationToken));
            }

            var builder = new DebPackageBuilder(target, publish) { Board = settings.Board, ConfigFile = settings.Config, Version = settings.Version };
            var package = await builder.BuildAsync(settings.Output, cancellationToken);
            if (settings.Json)
            {
                output.Writer.WriteLine(JsonSerializer.Serialize(package, FieldJsonContext.Default.DebPackage));
            }
            else
            {
                output.Writer.WriteLine($"{package.Path}  {package.SizeBytes / 1024.0 / 1024.0:F1} MiB  {package.Architecture}  {package.Version}  boards: {string.Join(' ', package.Boards)}");
            }

            return FieldExitCodes.Ok;
        }
        catch (FieldException e)
        {
            console.Error(e.Message, e.Hint);
            return e.ExitCode;
        }
        finally
        {
            if (temporaryPublish is not null)
            {
                Directory.Delete(temporaryPublish, recursive: true);
            }
        }
    }
}
