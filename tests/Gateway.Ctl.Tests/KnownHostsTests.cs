using System.Security.Cryptography;
using System.Text;
using Gateway.Ctl.Commands.Field;

namespace Gateway.Ctl.Tests;

/// <summary>known_hosts parsing and matching as sshd(8) describes the format (the loopback sshd tests cover real keys).</summary>
public sealed class KnownHostsTests
{
    private static readonly byte[] s_key = Blob("ssh-ed25519", 1);
    private static readonly byte[] s_other = Blob("ssh-ed25519", 2);
    private static readonly byte[] s_rsa = Blob("ssh-rsa", 3);

    [Theory]
    [InlineData("gw1.site-a.example", 22, "gw1.site-a.example")]
    [InlineData("gw1.site-a.example", 22, "*.site-a.example")]
    [InlineData("GW1.Site-A.example", 22, "gw?.site-a.example")]
    [InlineData("10.0.0.5", 2222, "[10.0.0.5]:2222")]
    [InlineData("10.0.0.5", 2222, "other,[10.0.0.5]:2222")]
    [InlineData("10.0.0.5", 22, "10.0.0.*,!10.0.0.6")]
    public void Find_MatchingPattern_Known(string host, int port, string patterns)
    {
        var file = KnownHosts.Parse([$"{patterns} ssh-ed25519 {Convert.ToBase64String(s_key)}"]);

        Assert.Equal(KnownHostVerdict.Known, file.Find(host, port, s_key).Verdict);
    }

    [Theory]
    [InlineData("10.0.0.5", 2222, "10.0.0.5")]
    [InlineData("10.0.0.5", 22, "[10.0.0.5]:2222")]
    [InlineData("10.0.0.6", 22, "10.0.0.*,!10.0.0.6")]
    [InlineData("gw1.site-b.example", 22, "*.site-a.example")]
    public void Find_NoMatchingPattern_Unknown(string host, int port, string patterns)
    {
        var file = KnownHosts.Parse([$"{patterns} ssh-ed25519 {Convert.ToBase64String(s_key)}"]);

        Assert.Equal(KnownHostVerdict.Unknown, file.Find(host, port, s_key).Verdict);
    }

    [Fact]
    public void Find_SameTypeOtherKey_MismatchWithLine_OtherTypeOnly_UnknownNamingIt()
    {
        var file = KnownHosts.Parse(["# comment", "", $"gw1 ssh-rsa {Convert.ToBase64String(s_rsa)}", $"gw1 ssh-ed25519 {Convert.ToBase64String(s_other)}"]);

        var changed = file.Find("gw1", 22, s_key);
        Assert.Equal((KnownHostVerdict.Mismatch, 4), (changed.Verdict, changed.Line));
        var rsaOnly = KnownHosts.Parse([$"gw1 ssh-rsa {Convert.ToBase64String(s_rsa)}"]).Find("gw1", 22, s_key);
        Assert.Equal(KnownHostVerdict.Unknown, rsaOnly.Verdict);
        Assert.Equal(["ssh-rsa"], rsaOnly.OtherKeyTypes);
    }

    [Fact]
    public void Find_HashedName_AsSshKeygenHWritesIt()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
#pragma warning disable CA5350 // the format's own hash
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("[gw1]:2222"));
#pragma warning restore CA5350
        var file = KnownHosts.Parse([$"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)} ssh-ed25519 {Convert.ToBase64String(s_key)}"]);

        Assert.Equal(KnownHostVerdict.Known, file.Find("gw1", 2222, s_key).Verdict);
        Assert.Equal(KnownHostVerdict.Unknown, file.Find("gw1", 22, s_key).Verdict);
    }

    [Fact]
    public void Find_RevokedWins_CertAuthorityAndMalformedLinesSkipped()
    {
        var key = Convert.ToBase64String(s_key);
        var file = KnownHosts.Parse([
            $"@cert-authority * ssh-ed25519 {key}",
            "gw1 ssh-ed25519 not-base64!",
            $"gw1 ssh-rsa {key}",
            "gw1 ssh-ed25519",
            $"gw2 ssh-ed25519 {key}",
            $"@revoked gw2 ssh-ed25519 {key}",
        ]);

        Assert.Equal(KnownHostVerdict.Unknown, file.Find("gw1", 22, s_key).Verdict);
        var revoked = file.Find("gw2", 22, s_key);
        Assert.Equal((KnownHostVerdict.Revoked, 6), (revoked.Verdict, revoked.Line));
    }

    [Fact]
    public void Append_ThenLoad_Known_FileAndFolderPrivate()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("known-hosts-").FullName, ".ssh");
        var path = Path.Combine(folder, "known_hosts");
        try
        {
            KnownHosts.Append(path, "10.0.0.5", 2222, s_key);
            KnownHosts.Append(path, "gw1", 22, s_other);

            Assert.Equal([$"[10.0.0.5]:2222 ssh-ed25519 {Convert.ToBase64String(s_key)}", $"gw1 ssh-ed25519 {Convert.ToBase64String(s_other)}"], File.ReadAllLines(path));
            Assert.Equal(KnownHostVerdict.Known, KnownHosts.Load(path).Find("10.0.0.5", 2222, s_key).Verdict);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static byte[] Blob(string type, byte fill)
    {
        var name = Encoding.ASCII.GetBytes(type);
        var blob = new byte[4 + name.Length + 4 + 32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob, (uint)name.Length);
        name.CopyTo(blob, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(4 + name.Length), 32);
        blob.AsSpan(8 + name.Length).Fill(fill);
        return blob;
    }
}
