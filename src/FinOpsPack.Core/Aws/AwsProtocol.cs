namespace FinOpsPack.Core.Aws;

/// <summary>The AWS wire protocols the hand-written clients speak (see README: why the clients are written here).</summary>
public enum AwsProtocol
{
    Json10,
    Json11,
    Query,
    Ec2Query,
    RestJson,
    RestXml,
}
