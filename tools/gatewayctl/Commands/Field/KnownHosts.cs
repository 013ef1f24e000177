using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Ctl.Commands.Field;

/// <summary>
/// An OpenSSH known_hosts file as <c>ssh</c> reads it (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): comma-separated host
/// patterns with <c>*</c>/<c>?</c> wildcards and <c>!</c> negation, <c>[host]:port</c> for ports other than 22, hashed
/// names (<c>|1|salt|HMAC-SHA1</c>, as <c>ssh-keygen -H</c> and <c>HashKnownHosts</c> write them) and the
/// <c>@revoked</c> marker. <c>@cert-authority</c> lines are skipped: gatewayctl does not verify host certificates.
/// </summary>
public sealed class KnownHosts
{
    private readonly List<Entry> _entries;

    private KnownHosts(List<Entry> entries) => _entries = entries;

    /// <summary>Reads <paramref name="path"/>; a missing file is an empty one.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed entries (malformed lines are skipped, as ssh does).</returns>
    public static KnownHosts Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllLines(path)) : new KnownHosts([]);

    /// <summary>Parses the lines of a known_hosts file.</summary>
    /// <param name="lines">The lines.</param>
    /// <returns>The parsed entries.</returns>
    public static KnownHosts Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<Entry>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var fields = raw.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            var marker = fields[0].StartsWith('@') ? fields[0] : null;
            var rest = marker is null ? fields : fields[1..];
            if (rest.Length < 3 || marker is not (null or "@revoked") || !TryDecode(rest[2], out var key) || KeyType(key) != rest[1])
            {
                continue;
            }

            entries.Add(new Entry(number, marker is not null, rest[0].Split(','), rest[1], key));
        }

        return new KnownHosts(entries);
    }

    /// <summary>The name ssh looks up for a host and port: <c>host</c> on port 22, else <c>[host]:port</c>.</summary>
    /// <param name="host">The host as given.</param>
    /// <param name="port">The SSH port.</param>
    /// <returns>The lookup name.</returns>
    public static string LookupName(string host, int port) =>
        port == 22 ? host : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{host}]:{port}");

    /// <summary>The key type inside an SSH public key blob (its first string), e.g. <c>ssh-ed25519</c>.</summary>
    /// <param name="blob">The key in SSH wire format.</param>
    /// <returns>The type, or an empty string for a malformed blob.</returns>
    public static string KeyType(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length < 4)
        {
            return string.Empty;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        return length <= (uint)(blob.Length - 4) ? Encoding.ASCII.GetString(blob, 4, (int)length) : string.Empty;
    }

    /// <summary>Judges the key <paramref name="host"/> presented.</summary>
    /// <param name="host">The host as given on the command line.</param>
    /// <param name="port">The SSH port.</param>
    /// <param name="key">The presented key in SSH wire format.</param>
    /// <returns>The verdict.</returns>
    public KnownHostMatch Find(string host, int port, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = LookupName(host, port);
        var type = KeyType(key);
        var matching = _entries.Where(e => e.Matches(name)).ToList();
        if (matching.FirstOrDefault(e => e.Revoked && e.Key.AsSpan().SequenceEqual(key)) is { } revoked)
        {
            return new KnownHostMatch(KnownHostVerdict.Revoked, revoked.Line, []);
        }

        var plain = matching.Where(e => !e.Revoked).ToList();
        if (plain.FirstOrDefault(e => e.Key.AsSpan().SequenceEqual(key)) is { } known)
        {
            return new KnownHostMatch(KnownHostVerdict.Known, known.Line, []);
        }

        if (plain.FirstOrDefault(e => e.Type == type) is { } changed)
        {
            return new KnownHostMatch(KnownHostVerdict.Mismatch, changed.Line, []);
        }

        return new KnownHostMatch(KnownHostVerdict.Unknown, 0, [.. plain.Select(e => e.Type).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Appends an entry as <c>ssh</c> with <c>StrictHostKeyChecking=accept-new</c> would (unhashed).</summary>
    /// <param name="path">The file; it and its folder are created private to the user if missing.</param>
    /// <param name="host">The host as given.</param>
    /// <param name="port">The SSH port.</param>
    /// <param name="key">The key in SSH wire format.</param>
    public static void Append(string path, string host, int port, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var line = $"{LookupName(host, port)} {KeyType(key)} {Convert.ToBase64String(key)}\n";
        var separator = File.Exists(path) && new FileInfo(path).Length > 0 && !File.ReadAllText(path).EndsWith('\n') ? "\n" : string.Empty;
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, Encoding.ASCII, options);
        writer.Write(separator + line);
    }

    private static bool TryDecode(string base64, out byte[] key)
    {
        try
        {
            key = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            key = [];
            return false;
        }
    }

    private sealed record Entry(int Line, bool Revoked, string[] Patterns, string Type, byte[] Key)
    {
        public bool Matches(string name)
        {
            var positive = false;
            foreach (var pattern in Patterns)
            {
                var negated = pattern.StartsWith('!');
                var body = negated ? pattern[1..] : pattern;
                if (!(body.StartsWith("|1|", StringComparison.Ordinal) ? HashMatches(body, name) : Glob(body, name)))
                {
                    continue;
                }

                if (negated)
                {
                    return false;
                }

                positive = true;
            }

            return positive;
        }

        private static bool HashMatches(string hashed, string name)
        {
            var parts = hashed.Split('|');
            if (parts.Length != 4 || !TryDecode(parts[2], out var salt) || !TryDecode(parts[3], out var hash))
            {
                return false;
            }

            // The known_hosts format fixes HMAC-SHA1 (it hides names from casual reading, it is not a security boundary).
#pragma warning disable CA5350
            return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name)), hash);
#pragma warning restore CA5350
        }

        private static bool Glob(string pattern, string name)
        {
            // Host names compare case-insensitively in ssh's match_pattern; '*' and '?' as in a shell.
            var p = 0;
            var n = 0;
            var star = -1;
            var mark = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(name[n])))
                {
                    p++;
                    n++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = n;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    n = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }
}
