using System.Runtime.InteropServices;
using Gateway.Ctl.Commands.Field;

namespace Gateway.Ctl.Tests;

/// <summary>
/// What each <c>--rid</c> turns into (control Architecture, unit, publish arguments) without publishing anything: the
/// AOT publishes themselves take minutes and stay out of CI (README of tools/gatewayctl has their sizes).
/// </summary>
public sealed class PackageTargetTests
{
    private const string Root = "/repo";
    private const string Output = "/tmp/publish";

    [Theory]
    [InlineData("linux-arm64", "arm64", true, "/usr/lib/gateway/gateway")]
    [InlineData("linux-x64", "amd64", true, "/usr/lib/gateway/gateway")]
    [InlineData("portable", "all", false, "dotnet /usr/lib/gateway/gateway.dll")]
    public void Parse_KnownRid_DebianArchitectureAndExecStart(string rid, string architecture, bool selfContained, string execStart)
    {
        var target = PackageTarget.Parse(rid);

        Assert.NotNull(target);
        Assert.Equal(architecture, target.DebianArchitecture);
        Assert.Equal(selfContained, target.SelfContained);
        Assert.Equal(execStart, target.ExecStart);
    }

    [Theory]
    [InlineData("linux-arm")]
    [InlineData("linux-armhf")]
    [InlineData("arm64")]
    [InlineData("Linux-X64")]
    [InlineData("")]
    public void Parse_UnknownRid_Null(string rid) => Assert.Null(PackageTarget.Parse(rid));

    [Fact]
    public void PublishArguments_Arm64Aot_SelfContainedForArm64WithTheAotProfile()
    {
        var arguments = GatewayPublisher.PublishArguments(Root, PackageTarget.LinuxArm64, aot: true, Output);

        Assert.Equal(Path.Combine(Root, GatewayPublisher.HostProject), arguments[1]);
        AssertFollows(arguments, "-r", "linux-arm64");
        AssertFollows(arguments, "-o", Output);
        AssertFollows(arguments, "--self-contained", "true");
        Assert.Contains("-p:PublishProfile=NativeAot", arguments);
        Assert.DoesNotContain("-p:UseAppHost=false", arguments);
    }

    [Fact]
    public void PublishArguments_X64Jit_NoAotProfile()
    {
        var arguments = GatewayPublisher.PublishArguments(Root, PackageTarget.LinuxX64, aot: false, Output);

        AssertFollows(arguments, "-r", "linux-x64");
        Assert.DoesNotContain(arguments, a => a.Contains("PublishProfile", StringComparison.Ordinal) || a.Contains("PublishAot", StringComparison.Ordinal));
    }

    [Fact]
    public void PublishArguments_Portable_FrameworkDependentWithoutRidOrApphost()
    {
        var arguments = GatewayPublisher.PublishArguments(Root, PackageTarget.Portable, aot: false, Output);

        Assert.DoesNotContain("-r", arguments);
        AssertFollows(arguments, "--self-contained", "false");
        Assert.Contains("-p:UseAppHost=false", arguments);
    }

    [Theory]
    [InlineData("linux-arm64", Architecture.X64, true)]
    [InlineData("linux-arm64", Architecture.Arm64, false)]
    [InlineData("linux-x64", Architecture.X64, false)]
    [InlineData("linux-x64", Architecture.Arm64, false)]
    [InlineData("portable", Architecture.X64, false)]
    public void IsCrossCompile_OnlyArm64FromAnotherHost(string rid, Architecture host, bool cross) =>
        Assert.Equal(cross, GatewayPublisher.IsCrossCompile(PackageTarget.Parse(rid)!, host));

    [Fact]
    public void CrossArm64Packages_SameListAsBuildScript()
    {
        var script = File.ReadAllText(Path.Combine(RepoRoot(), "build.ps1"));
        var listed = string.Join(' ', GatewayPublisher.CrossArm64Packages.Split(' ').Select(p => $"'{p}'"));

        Assert.Contains($"$CrossArm64Packages = @({listed.Replace(" ", ", ", StringComparison.Ordinal)})", script, StringComparison.Ordinal);
    }

    private static void AssertFollows(IReadOnlyList<string> arguments, string option, string value)
    {
        var index = arguments.ToList().IndexOf(option);
        Assert.True(index >= 0 && index + 1 < arguments.Count, $"{option} missing in: {string.Join(' ', arguments)}");
        Assert.Equal(value, arguments[index + 1]);
    }

    private static string RepoRoot() => GatewayPublisher.FindRoot(AppContext.BaseDirectory);
}
