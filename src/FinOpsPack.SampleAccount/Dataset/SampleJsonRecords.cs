namespace FinOpsPack.SampleAccount.Dataset;

/// <summary>The organization the sample account manages (Organizations handler).</summary>
public sealed record SampleOrganization(
    string Id, string MasterAccountId, string MasterAccountEmail, string FeatureSet, IReadOnlyList<SampleOrgAccount> Accounts)
{
    public string Arn => $"arn:aws:organizations::{MasterAccountId}:organization/{Id}";

    public string AccountArn(string accountId) => $"arn:aws:organizations::{MasterAccountId}:account/{Id}/{accountId}";
}

/// <param name="State">ACTIVE | SUSPENDED | … (Organizations' State; Status is derived from it on the wire).</param>
public sealed record SampleOrgAccount(string Id, string Name, string Email, string State, string JoinedMethod, DateTimeOffset Joined);

/// <summary>
/// One line of the spend cube: what one service costs one account in one region per day. Every Cost Explorer answer
/// (any split, any granularity) is a sum over these lines, which is what makes the splits agree.
/// </summary>
/// <param name="DailyRate">Unblended cost per day in the first month of the data; grows by <paramref name="MonthlyGrowth"/> per month.</param>
/// <param name="AmortizedFactor">Amortized / unblended (below 1 where upfront commitments are spread).</param>
/// <param name="ActiveUntil">First day without cost (a suspended account), or null.</param>
public sealed record SampleCostLine(
    string AccountId, string Service, string Region, decimal DailyRate, decimal MonthlyGrowth = 0m,
    decimal AmortizedFactor = 1m, DateOnly? ActiveUntil = null, string UsageType = "");

/// <summary>Extra unblended cost on a few days of one cost line: what Cost Anomaly Detection reports as an anomaly.</summary>
public sealed record SampleCostSpike(
    string AnomalyId, SampleCostLine Line, DateOnly FirstDay, int Days, decimal ExtraPerDay, decimal MaxScore, decimal CurrentScore);

/// <summary>How much a Lambda function runs, for Cost Optimization Hub's memory recommendations (not visible to ListFunctions).</summary>
public sealed record SampleLambdaUsage(long InvocationsPerMonth, int AverageDurationMs, int ProvisionedConcurrency = 0);

/// <summary>S3 facts the bucket list does not carry: the raw LocationConstraint and whether the lifecycle read is denied.</summary>
public sealed record SampleBucketWire(string? LocationConstraint, bool LifecycleDenied = false);
