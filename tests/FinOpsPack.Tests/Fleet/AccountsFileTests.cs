using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Aws;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Fleet;

public sealed class AccountsFileTests
{
    [Fact]
    public void Should_Read_The_Example_File_With_External_Ids_From_The_Named_Variables_When_Given_Csv()
    {
        // Given the shipped example and an environment holding two External IDs
        var path = Path.Combine(RepoPaths.Root, "examples", "fleets", "accounts.csv");
        var env = new Dictionary<string, string> { ["FINOPS_EXTERNAL_ID_PROD"] = "prod-external-id-0001", ["FINOPS_EXTERNAL_ID_DEV"] = "dev-external-id-0002" };

        // When it is loaded
        var accounts = AccountsFile.Load(path, "finops-pack-readonly", ExternalId.Parse("fallback-external-id"), env.GetValueOrDefault);

        // Then each row has its role, its own External ID (or the fallback) and its regions
        Assert.Equal(["210987654321", "345678901234", "456789012345"], accounts.Select(a => a.AccountId));
        Assert.Equal("prod-external-id-0001", accounts[0].ExternalId.Value);
        Assert.Equal(["us-east-1", "eu-west-1"], accounts[0].Regions);
        Assert.Equal("arn:aws:iam::345678901234:role/finops-pack-readonly", accounts[1].RoleArn.Value);
        Assert.Equal("dev-external-id-0002", accounts[1].ExternalId.Value);
        Assert.Empty(accounts[1].Regions);
        Assert.Equal("/audit/", accounts[2].RoleArn.Path);
        Assert.Equal("fallback-external-id", accounts[2].ExternalId.Value);
    }

    [Theory]
    [InlineData("account_id,external_id\n210987654321,secret-value-123\n", "name the environment variable")]
    [InlineData("[{\"accountId\":\"210987654321\",\"externalId\":\"secret-value-123\"}]", "name the environment variable")]
    [InlineData("account_id,external_id_env\n210987654321,UNSET_VARIABLE\n", "UNSET_VARIABLE")]
    [InlineData("account_id,role_arn\n210987654321,arn:aws:iam::345678901234:role/x\n", "is not in account")]
    public void Should_Refuse_In_One_Line_When_The_File_Is_Wrong(string content, string message)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);
            var e = Assert.Throws<UserInputException>(() => AccountsFile.Load(path, "r", ExternalId.Parse("fallback-external-id"), _ => null));
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-value-123", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
