using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.Lambda;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

public sealed class LambdaHandlerTests
{
    [Fact]
    public async Task Should_Return_Every_Function_Of_The_Region_Over_Many_Pages()
    {
        // Given 12 functions in eu-west-1, pages of at most 3
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithManyFunctions(10));

        // When they are listed
        var functions = await new LambdaClient(session.Transport, "eu-west-1").ListFunctionsAsync(CancellationToken.None).ToListAsync();

        // Then exactly that region's functions arrive, over four pages
        Assert.Equal(
            session.Dataset.LambdaFunctions.Where(f => f.Region == "eu-west-1").Select(f => f.FunctionArn).Order(),
            functions.Select(f => f.FunctionArn).Order());
        Assert.Equal(4, session.Calls("lambda:ListFunctions"));
    }

    [Fact]
    public async Task Should_Serve_Environment_Variables_In_Plain_Text_As_AWS_Does()
    {
        // Given the sample account
        await using var session = await SampleAccountSession.StartAsync();

        // When the raw ListFunctions answer of us-east-1 is read (both pages)
        var first = await session.Transport.SendAsync(LambdaClient.ListFunctionsRequest("us-east-1", null), CancellationToken.None);
        var raw = Encoding.UTF8.GetString(first.Body);

        // Then the secret is on the wire, so the client's discarding it is tested for real
        Assert.Contains(SampleDataset.SampleSecret, raw + await SecondPageAsync(session, raw));
    }

    [Fact]
    public async Task Should_Answer_With_Lambda_Error_Type_When_The_Marker_Is_Not_Its_Own()
    {
        // Given the sample account
        await using var session = await SampleAccountSession.StartAsync();

        // When a marker it never issued is sent
        var e = await Assert.ThrowsAsync<AwsServiceException>(
            () => session.Transport.SendAsync(LambdaClient.ListFunctionsRequest("us-east-1", "bm90LWEtbWFya2Vy"), CancellationToken.None));

        // Then the code comes from x-amzn-ErrorType
        Assert.Equal("InvalidParameterValueException", e.ErrorCode);
        Assert.Equal("lambda:ListFunctions", e.Action);
    }

    private static async Task<string> SecondPageAsync(SampleAccountSession session, string firstPage)
    {
        var marker = System.Text.Json.JsonDocument.Parse(firstPage).RootElement.GetProperty("NextMarker").GetString();
        var second = await session.Transport.SendAsync(LambdaClient.ListFunctionsRequest("us-east-1", marker), CancellationToken.None);
        return Encoding.UTF8.GetString(second.Body);
    }
}
