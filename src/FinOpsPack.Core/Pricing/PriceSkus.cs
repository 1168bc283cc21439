namespace FinOpsPack.Core.Pricing;

/// <summary>The SKU names of the shipped price table that the checks use.</summary>
public static class PriceSkus
{
    public const string Gp3Iops = "ebs.gp3.iops";
    public const string Gp3Throughput = "ebs.gp3.throughput";
    public const string Io1Iops = "ebs.io1.iops";
    public const string Io2IopsTier1 = "ebs.io2.iops.tier1";
    public const string Io2IopsTier2 = "ebs.io2.iops.tier2";
    public const string Io2IopsTier3 = "ebs.io2.iops.tier3";
    public const string SnapshotStandard = "ebs.snapshot.standard";
    public const string SnapshotArchive = "ebs.snapshot.archive";
    public const string PublicIpv4Idle = "vpc.public_ipv4.idle";
    public const string NatGatewayHours = "vpc.nat_gateway.hours";
    public const string NatGatewayDataProcessed = "vpc.nat_gateway.data_processed";
    public const string LambdaX86Duration = "lambda.x86_64.duration";
    public const string LambdaArmDuration = "lambda.arm64.duration";

    /// <summary>AWS bills hourly resources at 730 hours a month.</summary>
    public const decimal HoursPerMonth = 730m;

    /// <summary>Days in AWS's 730-hour month, to turn a window's figure into a monthly one.</summary>
    public const decimal DaysPerMonth = HoursPerMonth / 24m;

    /// <summary><c>ebs.&lt;type&gt;.storage</c> for a volume type as DescribeVolumes spells it (gp2, gp3, io1, io2, st1, sc1, standard).</summary>
    public static string EbsStorage(string volumeType) => "ebs." + volumeType + ".storage";

    /// <summary>RDS storage for the MySQL and PostgreSQL engines (the table's two engine families); null for others.</summary>
    public static string? RdsStorage(string engine, string storageType, bool multiAz) =>
        RdsEngineFamily(engine) is { } family
            ? $"rds.{family}.{storageType}.storage.{(multiAz ? "multi_az" : "single_az")}"
            : null;

    private static string? RdsEngineFamily(string engine) => engine switch
    {
        "mysql" => "mysql",
        "postgres" => "postgresql",
        _ => null,
    };
}
