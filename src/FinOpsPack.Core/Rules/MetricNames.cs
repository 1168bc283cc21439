namespace FinOpsPack.Core.Rules;

/// <summary>
/// The CloudWatch metrics the checks read from <c>cloudwatch.metrics</c>, as AWS names them. <see cref="Inventory.MetricEvidence.ResourceId"/>
/// is the metric's dimension value: instance id, NAT gateway id, DB instance identifier, function name.
/// </summary>
public static class MetricNames
{
    public const string Ec2Namespace = "AWS/EC2";
    public const string CpuUtilization = "CPUUtilization";

    public const string NatNamespace = "AWS/NATGateway";
    public const string NatBytesOutToDestination = "BytesOutToDestination";
    public const string NatBytesOutToSource = "BytesOutToSource";

    public const string RdsNamespace = "AWS/RDS";
    public const string DatabaseConnections = "DatabaseConnections";

    public const string LambdaNamespace = "AWS/Lambda";
    public const string LambdaDuration = "Duration";
}
