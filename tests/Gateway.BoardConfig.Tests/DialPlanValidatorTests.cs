using Gateway.BoardConfig.Tests.TestSupport;

namespace Gateway.BoardConfig.Tests;

/// <summary>The host's dial-plan parser is injected; the board library only reports what it says.</summary>
public sealed class DialPlanValidatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("board-dialplan-tests-").FullName;
    private readonly List<string> _checked = [];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Parse_ValidatorRejectsMap_ReportsDialPlanWithReason()
    {
        var board = BoardJson.Valid();
        board["dialPlan"] = "<[9-2]xx>";

        var ex = Assert.Throws<BoardConfigException>(() => BoardConfigLoader.Parse(board.ToJsonString(), BoardJson.FileName, BoardConfigLoader.DefaultRingCadences, Reject));

        var error = BoardJson.AssertError(ex.Errors, "$.dialPlan", "position 2: span 9-2 is reversed");
        Assert.Contains("<[9-2]xx>", error.Message, StringComparison.Ordinal);
        Assert.Equal(["<[9-2]xx>"], _checked);
    }

    [Fact]
    public void Parse_ValidatorAcceptsMap_NoError()
    {
        var board = BoardJson.Valid();
        board["dialPlan"] = "<911|x.>";

        var config = BoardConfigLoader.Parse(board.ToJsonString(), BoardJson.FileName, BoardConfigLoader.DefaultRingCadences, Accept);

        Assert.Equal("<911|x.>", config.DialPlan);
        Assert.Equal(["<911|x.>"], _checked);
    }

    [Fact]
    public void Parse_NoDialPlan_ValidatorNotCalled()
    {
        var board = BoardJson.Valid();
        board.Remove("dialPlan");

        BoardConfigLoader.Parse(board.ToJsonString(), BoardJson.FileName, BoardConfigLoader.DefaultRingCadences, Reject);

        Assert.Empty(_checked);
    }

    [Fact]
    public void Parse_EmptyDialPlan_ReportsEmptyWithoutCallingValidator()
    {
        var board = BoardJson.Valid();
        board["dialPlan"] = "  ";

        var ex = Assert.Throws<BoardConfigException>(() => BoardConfigLoader.Parse(board.ToJsonString(), BoardJson.FileName, BoardConfigLoader.DefaultRingCadences, Reject));

        BoardJson.AssertError(ex.Errors, "$.dialPlan", "must not be empty");
        Assert.Empty(_checked);
    }

    [Fact]
    public void Load_FileWithBadMap_ReportsFileAndField()
    {
        var board = BoardJson.Valid();
        board["dialPlan"] = "<[9-2]xx>";
        var path = Path.Combine(_directory, BoardJson.FileName);
        File.WriteAllText(path, board.ToJsonString());

        var ex = Assert.Throws<BoardConfigException>(() => BoardConfigLoader.Load(path, BoardConfigLoader.DefaultRingCadences, Reject));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.dialPlan", error.JsonPath);
        Assert.Equal(path, error.File);
    }

    private string? Reject(string map)
    {
        _checked.Add(map);
        return "digit map error at position 2: span 9-2 is reversed";
    }

    private string? Accept(string map)
    {
        _checked.Add(map);
        return null;
    }
}
