using FinOpsPack.Core.Aws.Services.Organizations;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services.Organizations;

public sealed class OrganizationsClientTests
{
    [Fact]
    public async Task Should_Keep_Paging_Through_Empty_Pages_When_A_NextToken_Is_Returned()
    {
        // Given ListAccounts answering an empty page with a token, then accounts, then an empty page with a token again
        var transport = new RecordingTransport()
            .Reply("ListAccounts", """{"Accounts":[],"NextToken":"t1"}""")
            .Reply("ListAccounts", """{"Accounts":[{"Id":"111111111111","Name":"a","State":"ACTIVE","Status":"ACTIVE","JoinedTimestamp":1.7E9}],"NextToken":"t2"}""")
            .Reply("ListAccounts", """{"Accounts":[],"NextToken":"t3"}""")
            .Reply("ListAccounts", """{"Accounts":[{"Id":"222222222222","Name":"b","State":"SUSPENDED"}]}""");

        // When every account is listed
        var accounts = await new OrganizationsClient(transport, "us-east-1").ListAccountsAsync(CancellationToken.None).ToListAsync();

        // Then all four pages were read, each asking for the model's maximum of 20 with the previous token
        Assert.Equal(["111111111111", "222222222222"], accounts.Select(a => a.Id));
        Assert.Equal("SUSPENDED", accounts[1].State);
        Assert.Equal(
            ["""{"MaxResults":20}""", """{"MaxResults":20,"NextToken":"t1"}""", """{"MaxResults":20,"NextToken":"t2"}""", """{"MaxResults":20,"NextToken":"t3"}"""],
            transport.Requests.Select(RecordingTransport.Text));
        Assert.All(transport.Requests, r => Assert.Equal("AWSOrganizationsV20161128.ListAccounts", r.Headers!["X-Amz-Target"]));
    }

    [Fact]
    public async Task Should_Fail_As_Malformed_When_DescribeOrganization_Has_No_Organization()
    {
        // Given a well-formed answer without the Organization member
        var transport = new RecordingTransport().Reply("DescribeOrganization", "{}");

        // When it is read, Then it is a malformed response naming the IAM action, not a null organization
        var e = await Assert.ThrowsAsync<FinOpsPack.Core.Aws.AwsServiceException>(
            () => new OrganizationsClient(transport, "us-east-1").DescribeOrganizationAsync(CancellationToken.None));
        Assert.Equal("MalformedResponse", e.ErrorCode);
        Assert.Equal("organizations:DescribeOrganization", e.Action);
    }
}
