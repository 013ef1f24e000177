using System.Text.Json;
using Gateway.Sip.Auth;
using Gateway.SmartCard;

namespace Gateway.VirtualCard;

/// <summary>
/// An in-process follow-me card: the applet of docs/card-profile.md (or a storage card, or an unrelated card)
/// behind a raw APDU interface. Thread-safe; one APDU at a time, like a real card.
/// </summary>
public sealed class VirtualCard
{
    private static readonly byte[] s_atrT1 = Convert.FromHexString("3B951381018073FF01000B");
    private static readonly byte[] s_atrT0 = Convert.FromHexString("3B021450");
    private readonly Lock _gate = new();
    private readonly CardApplet _applet;
    private readonly bool _t0;
    private byte[]? _pendingResponse;
    private long _apduCount;

    private VirtualCard(VirtualCardFile file)
    {
        _t0 = string.Equals(file.Protocol, "T0", StringComparison.OrdinalIgnoreCase);
        PullAtApdu = file.PullAtApdu;
        var secrets = new CardSecrets();
        foreach (var (token, hex) in file.Ha1)
        {
            if (!DigestAlgorithm.TryParse(token, out var algorithm) || algorithm.Session)
            {
                throw new ArgumentException($"Unknown algorithm '{token}' in the card file.", nameof(file));
            }

            secrets.SetHa1(algorithm.Hash, Convert.FromHexString(hex));
        }

        _applet = new CardApplet(file, secrets);
    }

    /// <summary>The answer-to-reset (T=1 or T=0 per the card file).</summary>
    public ReadOnlyMemory<byte> Atr => _t0 ? s_atrT0 : s_atrT1;

    /// <summary>PIN tries left (for tests).</summary>
    public int PinTriesLeft
    {
        get
        {
            lock (_gate)
            {
                return _applet.PinTriesLeft;
            }
        }
    }

    /// <summary>The n-th command APDU of a connection at which the card is pulled (a test hook), or null.</summary>
    public int? PullAtApdu { get; }

    /// <summary>Number of APDUs processed since creation.</summary>
    public long ApduCount => Interlocked.Read(ref _apduCount);

    /// <summary>Creates a card from a personalization.</summary>
    /// <param name="file">The personalization.</param>
    /// <returns>The card.</returns>
    public static VirtualCard Create(VirtualCardFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new VirtualCard(file);
    }

    /// <summary>Loads a JSON card file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The card.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid card file.</exception>
    public static async Task<VirtualCard> LoadAsync(string path, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        VirtualCardFile? file;
        try
        {
            file = await JsonSerializer.DeserializeAsync(stream, VirtualCardJsonContext.Default.VirtualCardFile, ct);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid card file: {ex.Message}", ex);
        }

        return Create(file ?? throw new InvalidDataException($"{path} is empty."));
    }

    /// <summary>Power-on, reset or power-off: the card forgets selection and PIN verification.</summary>
    public void ResetSession()
    {
        lock (_gate)
        {
            _pendingResponse = null;
            _applet.ResetSession();
        }
    }

    /// <summary>Processes one raw command APDU.</summary>
    /// <param name="apdu">The command bytes.</param>
    /// <returns>The response bytes (data + SW1 SW2).</returns>
    public byte[] Process(ReadOnlySpan<byte> apdu)
    {
        Interlocked.Increment(ref _apduCount);
        CommandApdu command;
        try
        {
            command = CommandApdu.Parse(apdu);
        }
        catch (CardFormatException)
        {
            return [0x67, 0x00];
        }

        lock (_gate)
        {
            if (command.Cla == 0x00 && command.Ins == FollowMeApplication.InsGetResponse)
            {
                return GetResponse(command);
            }

            _pendingResponse = null;
            var response = _applet.Process(command);
            var isCase4 = !command.Data.IsEmpty && command.Ne != 0;
            if (_t0 && isCase4 && response.IsSuccess && !response.Data.IsEmpty)
            {
                // T=0 cannot return data for a case-4 command directly; the terminal fetches it with GET RESPONSE.
                _pendingResponse = response.Data.ToArray();
                return [StatusWords.BytesAvailable, (byte)Math.Min(_pendingResponse.Length, 255)];
            }

            return response.ToBytes();
        }
    }

    private byte[] GetResponse(CommandApdu command)
    {
        if (_pendingResponse is null)
        {
            return [0x69, 0x85];
        }

        var ne = command.Ne == 0 ? 256 : command.Ne;
        if (ne < 256 && ne > _pendingResponse.Length)
        {
            return [StatusWords.WrongLe, (byte)_pendingResponse.Length];
        }

        var take = Math.Min(ne, _pendingResponse.Length);
        var rest = _pendingResponse.AsSpan(take).ToArray();
        var result = new byte[take + 2];
        _pendingResponse.AsSpan(0, take).CopyTo(result);
        if (rest.Length == 0)
        {
            _pendingResponse = null;
            result[^2] = 0x90;
            result[^1] = 0x00;
        }
        else
        {
            _pendingResponse = rest;
            result[^2] = StatusWords.BytesAvailable;
            result[^1] = (byte)Math.Min(rest.Length, 255);
        }

        return result;
    }
}
