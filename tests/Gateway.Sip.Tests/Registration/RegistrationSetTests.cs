using Gateway.Sip.Registration;

namespace Gateway.Sip.Tests.Registration;

public sealed class RegistrationSetTests
{
    [Fact]
    public async Task Add_SeveralAors_RegisterIndependentlyWithOwnCallIds()
    {
        await using var h = new RegistrationHarness();
        await using var set = new RegistrationSet(h.Layer, h.Logger);
        string[] users = ["alice", "bob", "carol"];
        var clients = users.Select(u => set.Add(h.Options(u), RegistrationHarness.Authenticator(u), () => 0.0)).ToList();

        await Task.WhenAll(clients.Select(c => RegistrationHarness.WaitAsync(c, RegistrationState.Registered)));

        Assert.Equal(3, set.Count);
        Assert.Equal(3, clients.Select(c => c.CallId).Distinct().Count());
        foreach (var user in users)
        {
            Assert.Single(h.Registrar.Bindings($"sip:{user}@test.invalid"));
            var own = h.Registrar.Requests.Where(r => r.To!.Uri.Text.ToString() == $"sip:{user}@test.invalid").ToList();
            Assert.Equal(2, own.Count);
            Assert.Single(own.Select(r => r.CallId.ToString()).Distinct());
            Assert.Equal([1u, 2u], own.Select(r => r.CSeq!.Number).ToArray());
        }

        Assert.Same(clients[1], set.Find("SIP:bob@test.invalid"));
    }

    [Fact]
    public async Task Add_SameAorAndContactTwice_Throws()
    {
        await using var h = new RegistrationHarness();
        await using var set = new RegistrationSet(h.Layer);
        var first = set.Add(h.Options(), RegistrationHarness.Authenticator());
        await RegistrationHarness.WaitAsync(first, RegistrationState.Registered);

        Assert.Throws<InvalidOperationException>(() => set.Add(h.Options(), RegistrationHarness.Authenticator()));
    }

    [Fact]
    public async Task Add_SameAorFromTwoContacts_BothBound_RemovingOneKeepsTheOther()
    {
        await using var h = new RegistrationHarness();
        await using var set = new RegistrationSet(h.Layer);
        var one = set.Add(h.Options() with { ContactUri = "sip:fm-one@192.0.2.10:5060" }, RegistrationHarness.Authenticator());
        var two = set.Add(h.Options() with { ContactUri = "sip:fm-two@192.0.2.10:5060" }, RegistrationHarness.Authenticator(), () => 0.0);
        await RegistrationHarness.WaitAsync(one, RegistrationState.Registered);
        await RegistrationHarness.WaitAsync(two, RegistrationState.Registered);
        Assert.Equal(2, h.Registrar.Bindings("sip:alice@test.invalid").Count);

        Assert.True(await set.RemoveAsync(one).WaitAsync(RegistrationHarness.Patience));

        Assert.Single(h.Registrar.Bindings("sip:alice@test.invalid"));
        Assert.Equal(RegistrationState.Registered, two.Status.State);
        Assert.Same(two, set.Find("sip:alice@test.invalid"));
        Assert.False(await set.RemoveAsync(one));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public async Task RemoveAsync_OneAor_UnregistersOnlyIt()
    {
        await using var h = new RegistrationHarness();
        await using var set = new RegistrationSet(h.Layer);
        var alice = set.Add(h.Options("alice"), RegistrationHarness.Authenticator("alice"));
        var bob = set.Add(h.Options("bob"), RegistrationHarness.Authenticator("bob"), () => 0.0);
        await RegistrationHarness.WaitAsync(alice, RegistrationState.Registered);
        await RegistrationHarness.WaitAsync(bob, RegistrationState.Registered);

        Assert.True(await set.RemoveAsync("sip:alice@test.invalid").WaitAsync(RegistrationHarness.Patience));

        Assert.Empty(h.Registrar.Bindings("sip:alice@test.invalid"));
        Assert.Single(h.Registrar.Bindings("sip:bob@test.invalid"));
        Assert.Equal(RegistrationState.Registered, bob.Status.State);
        Assert.Null(set.Find("sip:alice@test.invalid"));
        Assert.False(await set.RemoveAsync("sip:alice@test.invalid"));
    }

    [Fact]
    public async Task DisposeAsync_UnregistersAll()
    {
        await using var h = new RegistrationHarness();
        var set = new RegistrationSet(h.Layer);
        var clients = new[] { "alice", "bob" }.Select(u => set.Add(h.Options(u), RegistrationHarness.Authenticator(u))).ToList();
        await Task.WhenAll(clients.Select(c => RegistrationHarness.WaitAsync(c, RegistrationState.Registered)));

        await set.DisposeAsync().AsTask().WaitAsync(RegistrationHarness.Patience);

        Assert.Empty(h.Registrar.Bindings("sip:alice@test.invalid"));
        Assert.Empty(h.Registrar.Bindings("sip:bob@test.invalid"));
        Assert.Equal(0, set.Count);
    }
}
