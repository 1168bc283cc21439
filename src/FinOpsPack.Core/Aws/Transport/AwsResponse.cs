using System.Net;

namespace FinOpsPack.Core.Aws.Transport;

/// <summary>A successful (2xx) response. The body is parsed by the protocol layer and then dropped, never logged.</summary>
public sealed record AwsResponse(HttpStatusCode StatusCode, string? RequestId, byte[] Body, IReadOnlyDictionary<string, string> Headers);
