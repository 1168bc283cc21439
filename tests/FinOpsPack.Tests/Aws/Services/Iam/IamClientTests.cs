using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.Iam;

namespace FinOpsPack.Tests.Aws.Services.Iam;

public sealed class IamClientTests
{
    private static string Enc(string json) => Uri.EscapeDataString(json);

    private static string Page(string lists, bool truncated, string? marker) =>
        $"""
        <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccountAuthorizationDetailsResult>
            {lists}
            <IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>
            {(marker is null ? "" : $"<Marker>{marker}</Marker>")}
          </GetAccountAuthorizationDetailsResult>
          <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>
        </GetAccountAuthorizationDetailsResponse>
        """;

    private static readonly string FirstPage = Page($"""
        <UserDetailList>
          <member>
            <Path>/</Path><UserName>alice</UserName><UserId>AIDAEXAMPLE1</UserId><Arn>arn:aws:iam::123456789012:user/alice</Arn>
            <CreateDate>2024-01-02T03:04:05Z</CreateDate>
            <UserPolicyList><member><PolicyName>inline-one</PolicyName><PolicyDocument>{Enc("""{"Statement":{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}}""")}</PolicyDocument></member></UserPolicyList>
            <GroupList><member>scientists</member><member>everyone</member></GroupList>
            <AttachedManagedPolicies><member><PolicyName>AmazonBedrockFullAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AmazonBedrockFullAccess</PolicyArn></member></AttachedManagedPolicies>
            <PermissionsBoundary><PermissionsBoundaryType>PermissionsBoundaryPolicy</PermissionsBoundaryType><PermissionsBoundaryArn>arn:aws:iam::123456789012:policy/cap</PermissionsBoundaryArn></PermissionsBoundary>
            <Tags><member><Key>team</Key><Value>ml</Value></member></Tags>
          </member>
        </UserDetailList>
        <GroupDetailList>
          <member>
            <Path>/</Path><GroupName>scientists</GroupName><GroupId>AGPAEXAMPLE</GroupId><Arn>arn:aws:iam::123456789012:group/scientists</Arn>
            <CreateDate>2024-01-02T03:04:05Z</CreateDate>
            <GroupPolicyList/>
            <AttachedManagedPolicies/>
          </member>
        </GroupDetailList>
        <RoleDetailList/>
        <Policies/>
        """, truncated: true, marker: "EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl/eeaCX3Jo94/bKqezEAg8TEVS99EKFLxm3jtbpl25FDWEXAMPLE");

    private static readonly string LastPage = Page($"""
        <UserDetailList/>
        <GroupDetailList/>
        <RoleDetailList>
          <member>
            <Path>/app/</Path><RoleName>genai</RoleName><RoleId>AROAEXAMPLE</RoleId><Arn>arn:aws:iam::123456789012:role/app/genai</Arn>
            <CreateDate>2024-01-02T03:04:05.123Z</CreateDate>
            <AssumeRolePolicyDocument>{Enc("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")}</AssumeRolePolicyDocument>
            <InstanceProfileList/>
            <RolePolicyList/>
            <AttachedManagedPolicies><member><PolicyName>custom</PolicyName><PolicyArn>arn:aws:iam::123456789012:policy/custom</PolicyArn></member></AttachedManagedPolicies>
            <Tags/>
            <RoleLastUsed><LastUsedDate>2026-03-01T10:00:00Z</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>
          </member>
        </RoleDetailList>
        <Policies>
          <member>
            <PolicyName>custom</PolicyName><PolicyId>ANPAEXAMPLE</PolicyId><Arn>arn:aws:iam::123456789012:policy/custom</Arn><Path>/</Path>
            <DefaultVersionId>v2</DefaultVersionId><AttachmentCount>1</AttachmentCount><PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount>
            <IsAttachable>true</IsAttachable><Description>&lt;b&gt;bold&lt;/b&gt; description</Description>
            <CreateDate>2024-01-02T03:04:05Z</CreateDate><UpdateDate>2024-02-02T03:04:05Z</UpdateDate>
            <PolicyVersionList>
              <member><Document>{Enc("""{"Statement":[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}]}""")}</Document><VersionId>v1</VersionId><IsDefaultVersion>false</IsDefaultVersion><CreateDate>2024-01-02T03:04:05Z</CreateDate></member>
              <member><Document>{Enc("""{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")}</Document><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>2024-02-02T03:04:05Z</CreateDate></member>
            </PolicyVersionList>
          </member>
        </Policies>
        """, truncated: false, marker: null);

    [Fact]
    public async Task Should_Read_Every_Page_And_Decode_Every_Document_When_Truncated()
    {
        // Given
        var transport = new CannedTransport(FirstPage, LastPage);

        // When
        var pages = await new IamClient(transport, "eu-west-1").GetAccountAuthorizationDetailsAsync().ToListAsync();

        // Then: two calls, the second carrying the first's Marker, both signed for us-east-1 (IAM is global)
        Assert.Equal(2, pages.Count);
        Assert.Equal("Action=GetAccountAuthorizationDetails&Version=2010-05-08&MaxItems=1000", transport.Forms[0]);
        Assert.Contains("&Marker=EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl%2FeeaCX3Jo94%2FbKqezEAg8TEVS99EKFLxm3jtbpl25FDWEXAMPLE", transport.Forms[1]);
        Assert.All(transport.Requests, r => Assert.Equal("us-east-1", r.EffectiveRegion));

        var alice = Assert.Single(pages[0].UserDetailList);
        Assert.Equal(["scientists", "everyone"], alice.GroupList);
        Assert.Equal("arn:aws:iam::123456789012:policy/cap", alice.PermissionsBoundary?.PermissionsBoundaryArn);
        Assert.Equal(["bedrock:InvokeModel"], alice.UserPolicyList.Single().PolicyDocument.Statements.Single().Action);
        Assert.Equal("AmazonBedrockFullAccess", alice.AttachedManagedPolicies.Single().PolicyName);
        Assert.Equal("ml", alice.Tags["team"]);

        var role = Assert.Single(pages[1].RoleDetailList);
        Assert.Equal("/app/", role.Path);
        Assert.Null(role.PermissionsBoundary);
        Assert.Equal(["sts:AssumeRole"], role.AssumeRolePolicyDocument!.Statements.Single().Action);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), role.RoleLastUsedDate);

        var policy = Assert.Single(pages[1].Policies);
        Assert.Equal("<b>bold</b> description", policy.Description);
        Assert.Equal(["s3:GetObject"], policy.DefaultDocument!.Statements.Single().Action);
        Assert.False(policy.IsAwsManaged);
        Assert.False(pages[1].IsTruncated);
        Assert.Null(pages[1].Marker);
    }

    [Fact]
    public async Task Should_Send_Filters_As_Member_Lists_When_Asked()
    {
        var transport = new CannedTransport(LastPage);

        await new IamClient(transport, "us-east-1").GetAccountAuthorizationDetailsAsync(["Role", "LocalManagedPolicy"], 5).ToListAsync();

        Assert.Equal("Action=GetAccountAuthorizationDetails&Version=2010-05-08&Filter.member.1=Role&Filter.member.2=LocalManagedPolicy&MaxItems=5", transport.Forms[0]);
    }

    [Fact]
    public async Task Should_Name_A_Policy_From_Its_Arn_When_PolicyName_Is_Missing()
    {
        // moto leaves PolicyName out of ManagedPolicyDetail.
        var body = Page("<Policies><member><Arn>arn:aws:iam::123456789012:policy/team/bed</Arn><DefaultVersionId>v1</DefaultVersionId><PolicyVersionList/></member></Policies>", false, null);

        var page = await new IamClient(new CannedTransport(body), "us-east-1").GetAccountAuthorizationDetailsAsync().SingleAsync();

        Assert.Equal("bed", page.Policies.Single().PolicyName);
        Assert.Null(page.Policies.Single().DefaultDocument);
    }

    [Theory]
    [InlineData("<IsTruncated>true</IsTruncated>")]
    [InlineData("<RoleDetailList><member><RoleName>x</RoleName><Arn>arn:aws:iam::1:role/x</Arn><RolePolicyList><member><PolicyName>p</PolicyName><PolicyDocument>%7Bnot-json</PolicyDocument></member></RolePolicyList></member></RoleDetailList>")]
    [InlineData("<RoleDetailList><member><Arn>arn:aws:iam::1:role/x</Arn></member></RoleDetailList>")]
    [InlineData("<UserDetailList><member><UserName>u</UserName><Arn>a</Arn><CreateDate>yesterday</CreateDate></member></UserDetailList>")]
    public async Task Should_Throw_AwsServiceException_When_The_Page_Is_Garbage(string lists)
    {
        var body = $"<GetAccountAuthorizationDetailsResponse><GetAccountAuthorizationDetailsResult>{lists}</GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>";
        var client = new IamClient(new CannedTransport(body), "us-east-1");

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetAccountAuthorizationDetailsAsync().ToListAsync().AsTask());

        Assert.Equal(AwsErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.Equal("iam:GetAccountAuthorizationDetails", e.Action);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Should_Refuse_MaxItems_When_Outside_What_Iam_Accepts(int maxItems) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new IamClient(new CannedTransport(), "us-east-1").GetAccountAuthorizationDetailsPageAsync(null, maxItems, null, default));
}
