using System.Text.Json.Serialization;

namespace FinOpsPack.Core.Aws.Services.Lambda;

public sealed record ListFunctionsResponse(IReadOnlyList<FunctionConfiguration>? Functions, string? NextMarker);

/// <summary>
/// The members of ListFunctions' FunctionConfiguration the scanner reads. There is deliberately no <c>Environment</c>
/// member: ListFunctions returns environment variables in plain text, and a member that does not exist cannot be
/// filled, logged or serialized (the JSON reader skips unknown members without keeping them).
/// </summary>
/// <param name="LastModified">Text such as <c>2020-04-10T19:06:32.563+0000</c>; see <see cref="LambdaClient.ParseLastModified"/>.</param>
public sealed record FunctionConfiguration(
    [property: JsonRequired] string FunctionName,
    [property: JsonRequired] string FunctionArn,
    string? Runtime,
    int? MemorySize,
    int? Timeout,
    IReadOnlyList<string>? Architectures,
    string? PackageType,
    long? CodeSize,
    string? LastModified);
