using Gateway.Telephony.Accounts;

namespace Gateway.Telephony.Tests.Sip;

public sealed class AccountDirectoryTests
{
    [Fact]
    public void Add_FoundByContactUserReaderAndStation_UntilRemoved()
    {
        var directory = new AccountDirectory();
        var alice = SipTestNetwork.Account(reader: "r1");
        var bob = SipTestNetwork.Account(reader: "r0", user: "bob");
        var other = SipTestNetwork.Account(reader: "r2", station: "station-2", user: "carol");
        directory.Add(alice);
        directory.Add(bob);
        directory.Add(other);

        Assert.Same(alice, directory.FindByContactUser(alice.ContactUser));
        Assert.Same(alice, directory.FindByReader("r1"));
        Assert.Equal([bob, alice], directory.ForStation("station-1"));

        Assert.True(directory.Remove(alice));
        Assert.False(directory.Remove(alice));
        Assert.Null(directory.FindByContactUser(alice.ContactUser));
        Assert.Null(directory.FindByReader("r1"));
        Assert.Equal(2, directory.Count);
    }

    [Fact]
    public void Add_SecondCardInTheSameReaderOrWiped_Throws()
    {
        var directory = new AccountDirectory();
        directory.Add(SipTestNetwork.Account());
        var wiped = SipTestNetwork.Account(reader: "r9");
        wiped.Wipe();

        Assert.Throws<InvalidOperationException>(() => directory.Add(SipTestNetwork.Account()));
        Assert.Throws<InvalidOperationException>(() => directory.Add(wiped));
        Assert.Equal(1, directory.Count);
    }

    [Fact]
    public void NewContactUser_RandomAndPrefixed()
    {
        var users = Enumerable.Range(0, 1000).Select(_ => FollowMeAccountFactory.NewContactUser()).ToHashSet();

        Assert.Equal(1000, users.Count);
        Assert.All(users, u => Assert.Matches("^fm-[0-9a-f]{16}$", u));
    }

    [Fact]
    public async Task AddRemoveLookup_FromManyThreads_StaysConsistent()
    {
        var directory = new AccountDirectory();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var account = SipTestNetwork.Account(reader: $"r{t}");
                directory.Add(account);
                Assert.Same(account, directory.FindByContactUser(account.ContactUser));
                Assert.True(directory.Remove(account));
            }
        })));

        Assert.Equal(0, directory.Count);
    }
}
