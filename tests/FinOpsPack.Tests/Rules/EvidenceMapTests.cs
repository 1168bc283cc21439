using FinOpsPack.Core.Rules;

namespace FinOpsPack.Tests.Rules;

public sealed class EvidenceMapTests
{
    private static readonly Dictionary<string, string> Source = new()
    {
        ["volume_type"] = "gp2",
        ["size_gib"] = "100",
        ["instance_id"] = "i-1",
    };

    [Fact]
    public void Should_Keep_Every_Entry_In_Order_When_Built_From_A_Dictionary()
    {
        var map = EvidenceMap.From(Source);

        Assert.Equal(["volume_type", "size_gib", "instance_id"], map.Keys);
        Assert.Equal("100", map["size_gib"]);
        Assert.True(map.TryGetValue("instance_id", out var id));
        Assert.Equal("i-1", id);
        Assert.False(map.ContainsKey("Instance_Id"));
        Assert.False(map.TryGetValue("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
    }

    [Fact]
    public void Should_Keep_The_Last_Value_When_A_Key_Is_Given_Twice()
    {
        var map = EvidenceMap.From([new("a", "1"), new("b", "2"), new("a", "3")]);

        Assert.Equal(2, map.Count);
        Assert.Equal("3", map["a"]);
    }

    [Fact]
    public void Should_Replace_In_Place_Or_Append_Without_Changing_The_Original_When_With_Is_Called()
    {
        var map = EvidenceMap.From(Source);

        var replaced = map.With("size_gib", "200");
        var appended = map.With("also_flagged_by", "ebs_volume_unattached");

        Assert.Equal("100", map["size_gib"]);
        Assert.Equal(["volume_type", "size_gib", "instance_id"], replaced.Keys);
        Assert.Equal("200", replaced["size_gib"]);
        Assert.Equal(["volume_type", "size_gib", "instance_id", "also_flagged_by"], appended.Keys);
    }

    [Fact]
    public void Should_Serialise_As_A_Json_Object_When_Written_In_A_Finding()
    {
        var json = System.Text.Json.JsonSerializer.Serialize<IReadOnlyDictionary<string, string>>(EvidenceMap.From(Source));

        Assert.Equal("""{"volume_type":"gp2","size_gib":"100","instance_id":"i-1"}""", json);
        Assert.Empty(EvidenceMap.Empty);
    }
}
