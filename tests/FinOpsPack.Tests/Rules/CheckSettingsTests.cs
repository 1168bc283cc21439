using FinOpsPack.Core.Rules;

namespace FinOpsPack.Tests.Rules;

public sealed class CheckSettingsTests
{
    [Fact]
    public void Should_Read_Flat_And_Nested_Keys_When_Parsing()
    {
        var settings = CheckSettings.Parse("""
            {
              // comments are allowed
              "ebs_snapshot_orphaned.min_age_days": 180,
              "ec2_instance_low_cpu": { "max_average_percent": 5.5 },
              "rds_instance_multi_az_non_production": { "tag_keys": ["tier"] },
            }
            """);

        Assert.Equal(180, settings.Get("ebs_snapshot_orphaned.min_age_days", 90));
        Assert.Equal(5.5m, settings.Get("ec2_instance_low_cpu.max_average_percent", 10m));
        Assert.Equal(["tier"], settings.Get<string[]>("rds_instance_multi_az_non_production.tag_keys", []));
        Assert.Equal(7, settings.Get("ebs_volume_unattached.min_age_days", 7));
        Assert.Empty(settings.Problems);
    }

    [Fact]
    public void Should_Keep_The_Default_And_Say_So_When_A_Value_Has_The_Wrong_Type()
    {
        var settings = CheckSettings.Parse("""{"ebs_snapshot_orphaned.min_age_days": "ninety"}""", "my-settings.json");

        Assert.Equal(90, settings.Get("ebs_snapshot_orphaned.min_age_days", 90));
        Assert.Contains("my-settings.json: ebs_snapshot_orphaned.min_age_days should be int", Assert.Single(settings.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_Unknown_Keys_When_The_Engine_Runs()
    {
        var settings = CheckSettings.Parse("""{"ebs_volume_unatached.min_age_days": 3, "ebs_volume_unattached.min_age_days": 3}""");

        var result = new FindingEngine().Run(InventoryFactory.Context(InventoryFactory.Inventory(), settings: settings));

        var problem = Assert.Single(result.SettingsProblems);
        Assert.Contains("unknown setting ebs_volume_unatached.min_age_days", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Should_Refuse_When_The_File_Is_Not_A_Json_Object(string json) =>
        Assert.Throws<CheckSettingsException>(() => CheckSettings.Parse(json));
}
