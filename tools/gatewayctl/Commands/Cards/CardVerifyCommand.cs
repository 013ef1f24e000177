using System.Security.Cryptography;
using Gateway.NetworkServer;
using Gateway.Sip.Auth;
using Gateway.SmartCard;
using Gateway.VirtualCard;
using Microsoft.Data.Sqlite;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>
/// <c>gatewayctl card verify (FILE | --reader NAME [--pin-file PATH]) (--db PATH | --password-stdin)</c>: runs the
/// card's applet in-process, or talks to a card in a PC/SC reader through pcscd, has the card answer a fresh REGISTER
/// challenge per algorithm, and checks each response against what the network server accepts.
/// </summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where errors and hints go.</param>
/// <param name="input">Standard input, for --password-stdin.</param>
public sealed class CardVerifyCommand(CommandOutput output, CommandConsole console, CommandInput input) : AsyncCommand<CardVerifySettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, CardVerifySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Reader is { } reader)
        {
            using var opened = await ReaderCardOpener.OpenAsync(reader, settings.PinFile, console, cancellationToken);
            return opened is null ? CardExitCodes.Failed : await VerifyAsync(settings, opened.Session, cancellationToken);
        }

        var path = settings.File!;
        var (file, error) = await CardFileReader.ReadAsync(path, cancellationToken);
        var (card, createError) = file is null ? (null, error) : CardFileReader.Create(path, file);
        if (card is null)
        {
            console.Error(createError!, "check the file, or issue a new card with 'gatewayctl card new'");
            return CardExitCodes.Failed;
        }

        var factory = new CardSessionFactory(new CardSessionOptions { AllowStorageCards = true });
        var result = await factory.CreateAsync(new VirtualCardTransceiver(card), path, (_, _) => ValueTask.FromResult(file!.Pin), cancellationToken);
        if (result.Session is not { } session)
        {
            console.Error($"the card refused the session: {result.RejectionReason}", "'gatewayctl card show' lists the card's problems; a wrong PIN in the file gives pin-wrong");
            return CardExitCodes.Failed;
        }

        using (session)
        {
            return await VerifyAsync(settings, session, cancellationToken);
        }
    }

    private async Task<int> VerifyAsync(CardVerifySettings settings, CardSession session, CancellationToken ct)
    {
        var expected = await ExpectedAsync(settings, session, ct);
        return expected is null ? CardExitCodes.Failed : await CompareAsync(session, expected, settings.Db is null ? "the password" : "the subscriber database", ct);
    }

    private async Task<Func<DigestRequest, string?>?> ExpectedAsync(CardVerifySettings settings, CardSession session, CancellationToken ct)
    {
        if (settings.Db is not { } db)
        {
            var password = await input.Reader.ReadLineAsync(ct);
            if (string.IsNullOrEmpty(password))
            {
                console.Error("the password is empty", "pipe a non-empty line to --password-stdin");
                return null;
            }

            return r => DigestCalculator.Response(r, DigestCalculator.Ha1(r.Algorithm.Hash, session.AuthUser, session.Realm, password));
        }

        Subscriber? subscriber;
        try
        {
            subscriber = await new SubscriberStore(db, session.Realm).GetAsync(session.AuthUser, ct);
        }
        catch (SqliteException e)
        {
            console.Error($"cannot read {db}: {e.Message}", "check that the file is a network server database");
            return null;
        }

        if (subscriber is null)
        {
            console.Error($"no subscriber '{session.AuthUser}' in realm '{session.Realm}' in {db}", "provision it with 'gatewayctl card new --db' or 'gatewayctl subscriber add'");
            return null;
        }

        // The network server stores HA1 for MD5 and SHA-256 only; other algorithms cannot be checked against it.
        return r => r.Algorithm.Hash switch
        {
            DigestHashFunction.Md5 => DigestCalculator.Response(r, subscriber.Ha1),
            DigestHashFunction.Sha256 => DigestCalculator.Response(r, subscriber.Ha1Sha256),
            _ => null,
        };
    }

    private async Task<int> CompareAsync(CardSession session, Func<DigestRequest, string?> expected, string against, CancellationToken ct)
    {
        var algorithms = Enum.GetValues<DigestHashFunction>().Where(session.DigestResponder.Supports).ToArray();
        if (algorithms.Length == 0)
        {
            console.Error("the card supports no digest algorithm", "the card file needs an 'ha1' entry per algorithm");
            return CardExitCodes.Failed;
        }

        var mismatches = 0;
        var checkedCount = 0;
        foreach (var hash in algorithms)
        {
            var request = Challenge(new DigestAlgorithm(hash, false), session);
            var want = expected(request);
            var name = request.Algorithm.Name;
            if (want is null)
            {
                output.Writer.WriteLine($"skip {name}: the network server stores no HA1 for it");
                continue;
            }

            checkedCount++;
            var got = (await session.DigestResponder.RespondAsync(request, ct)).Response;
            if (string.Equals(got, want, StringComparison.Ordinal))
            {
                output.Writer.WriteLine($"ok   {name}: the card's response matches {against}");
            }
            else
            {
                mismatches++;
                output.Writer.WriteLine($"FAIL {name}: the card's response does not match {against} (card {got}, expected {want})");
            }
        }

        if (checkedCount == 0)
        {
            console.Error("no algorithm of the card could be checked", "the network server stores HA1 for MD5 and SHA-256; verify with --password-stdin instead");
            return CardExitCodes.Failed;
        }

        if (mismatches > 0)
        {
            console.Error($"{mismatches} of {checkedCount} algorithm(s) did not match {against}",
                "the card was issued with another password, user or realm; issue it again with 'gatewayctl card new'");
            return CardExitCodes.Failed;
        }

        return CardExitCodes.Ok;
    }

    private static DigestRequest Challenge(DigestAlgorithm algorithm, CardSession session) => new()
    {
        Algorithm = algorithm,
        Username = session.AuthUser,
        Realm = session.Realm,
        Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        Method = "REGISTER",
        DigestUri = "sip:" + session.Realm,
        Qop = "auth",
        NonceCount = "00000001",
        Cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
    };
}
