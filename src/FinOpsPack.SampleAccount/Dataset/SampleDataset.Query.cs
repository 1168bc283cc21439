using FinOpsPack.Core.Inventory;

namespace FinOpsPack.SampleAccount.Dataset;

// The query-protocol part of the sample account: RDS, IAM and the RDS side of CloudWatch. Deliberate cases:
//
// RDS (us-east-1: 5 instances, eu-west-1: 4 — more than one page each at MaxPageSize 3)
//   legacy-billing-mysql      db.m4.large, previous generation (m4), 900 days old, moderate CPU.
//   reporting-replica-idle    db.t3.medium, idle: 0 connections every day of the window, CPU ~1.5 %.
//   staging-orders-pg         db.r5.xlarge Multi-AZ tagged env=dev (Multi-AZ outside production).
//   catalog-mysql             db.m5.large mysql 8.0, env=prod: Graviton candidate (m5 → m6g/m7g).
//   orders-prod-pg            db.r6g.2xlarge Multi-AZ env=prod, busy (CPU avg 68 %, 350 connections): must not be flagged.
//   eu-checkout-prod          db.r5.large Multi-AZ env=prod, busy; Graviton candidate that is not idle.
//   analytics-aurora-1        aurora-postgresql db.r6g.large member of cluster analytics-aurora (AllocatedStorage 1, as AWS reports).
//   eu-newly-created-pg       created 5 days ago: expects 5 daily datapoints, not the whole window.
//   eu-flaky-metrics-mysql    MetricProfile.MissingDays = 3: evidence incomplete, never guessed.
// RDS snapshots
//   manual legacy-billing-pre-upgrade-2024 (400 days old, > 180), manual orders-prod-before-migration (30 days),
//   manual decommissioned-crm-final (250 days old, its instance no longer exists), automated rds:<id>-<date> snapshots
//   of the last days for several instances, one manual snapshot in eu-west-1 (eu-checkout-prod-q3, 200 days).
//
// IAM (global; 9 roles, 6 users, 3 groups, 10 managed policies ⇒ 28 items, ten pages at MaxPageSize 3)
//   Bedrock grants in every form the analysis must read, with and without permissions boundaries:
//   roles  genai-app-role             inline, "Action": "bedrock:InvokeModel" (string)            boundary genai-boundary
//          ml-experiments-role        AWS managed AmazonBedrockFullAccess (bedrock:*)             no boundary
//          chatbot-lambda-role        inline, Action array with "BEDROCK:invoke*" (case)          no boundary
//                                     path "/\"><script>alert('xss')</script>/" — IAM paths allow any printable ASCII, so the
//                                     string reaches Path and Arn; IAM tag values cannot hold < or >, so the tag is plain.
//          batch-inference-role       customer managed, "bedrock:Invoke*Model*" (wildcard in the middle) boundary genai-boundary
//                                     (IAM refuses wildcards inside the service prefix — "Vendor bed* is not valid" —
//                                     so "bed*:Invoke*" cannot exist in an account; the analyzer still reads it, see its tests)
//          platform-admin-role        AWS managed AdministratorAccess ("*")                       no boundary
//          ops-automation-role        Allow + NotAction [iam:*, organizations:*] (grants bedrock) boundary genai-boundary
//          ops-restricted-role        Allow + NotAction [bedrock:*, iam:*] (no bedrock)           not capable
//          data-pipeline-role         data-pipeline-access: v1 allowed bedrock:*, default v2 does not  not capable
//          AWSServiceRoleForAmazonBedrockSample  service-linked (/aws-service-role/), synthetic managed policy with
//                                     bedrock:InvokeModel: counted like any role (service-linked roles take no boundary)
//   users  alice      group data-scientists → AmazonBedrockFullAccess                       no boundary
//          bob-admin  AdministratorAccess                                                  boundary genai-boundary
//          carol      group ops → inline Allow NotAction iam:*                               no boundary
//          ci-deployer inline "*:*"                                                        no boundary
//          dave-readonly AmazonS3ReadOnlyAccess only                                        not capable
//          erin       AmazonBedrockFullAccess + inline Deny bedrock:* on "*"                 not capable (denied)
//   ⇒ 11 Bedrock-capable identities, 4 with a boundary: KPI 0.3636.
//   The customer policy genai-boundary has an XSS string in its Description. AWS managed policies here are trimmed
//   copies carrying only the statements that matter; AmazonBedrockSampleServiceRolePolicy is synthetic.
public sealed partial class SampleDataset
{
    public List<SampleIamPolicy> IamPolicies { get; } = [];
    public List<SampleIamGroup> IamGroups { get; } = [];
    public List<SampleIamRole> IamRoles { get; } = [];
    public List<SampleIamUser> IamUsers { get; } = [];

    public string IamPolicyArn(string name, bool awsManaged = false, string path = "/") =>
        awsManaged ? $"arn:aws:iam::aws:policy{path}{name}" : $"arn:aws:iam::{AccountId}:policy{path}{name}";

    partial void BuildQueryServices()
    {
        BuildRds();
        BuildIam();
    }

    private void BuildRds()
    {
        const string Use1 = "us-east-1";
        const string Euw1 = "eu-west-1";
        Db(Use1, "legacy-billing-mysql", "db.m4.large", "mysql", "5.7.44", 200, "gp2", null, false, 900, null,
            new() { ["env"] = "prod", ["team"] = "billing" }, new(CpuAveragePercent: 22, CpuMaxPercent: 55, DbConnectionsMax: 40));
        Db(Use1, "reporting-replica-idle", "db.t3.medium", "postgres", "15.7", 100, "gp3", 3000, false, 400, null,
            new() { ["env"] = "prod", ["team"] = "analytics" }, new(CpuAveragePercent: 1.5, CpuMaxPercent: 3, DbConnectionsMax: 0));
        Db(Use1, "staging-orders-pg", "db.r5.xlarge", "postgres", "16.3", 500, "gp3", 12000, true, 300, null,
            new() { ["env"] = "dev", ["team"] = "orders" }, new(CpuAveragePercent: 8, CpuMaxPercent: 20, DbConnectionsMax: 12));
        Db(Use1, "catalog-mysql", "db.m5.large", "mysql", "8.0.39", 300, "gp2", null, false, 700, null,
            new() { ["env"] = "prod", ["team"] = "catalog" }, new(CpuAveragePercent: 35, CpuMaxPercent: 60, DbConnectionsMax: 80));
        Db(Use1, "orders-prod-pg", "db.r6g.2xlarge", "postgres", "16.3", 1000, "io1", 10000, true, 800, null,
            new() { ["env"] = "prod", ["team"] = "orders" }, new(CpuAveragePercent: 68, CpuMaxPercent: 95, DbConnectionsMax: 350));
        Db(Euw1, "eu-checkout-prod", "db.r5.large", "postgres", "16.3", 400, "gp3", 12000, true, 600, null,
            new() { ["env"] = "prod", ["team"] = "checkout" }, new(CpuAveragePercent: 61, CpuMaxPercent: 88, DbConnectionsMax: 220));
        Db(Euw1, "analytics-aurora-1", "db.r6g.large", "aurora-postgresql", "15.4", 1, "aurora", null, false, 500, "analytics-aurora",
            new() { ["env"] = "prod" }, new(CpuAveragePercent: 30, CpuMaxPercent: 70, DbConnectionsMax: 45));
        Db(Euw1, "eu-newly-created-pg", "db.t4g.medium", "postgres", "16.3", 50, "gp3", 3000, false, 5, null,
            new() { ["env"] = "staging" }, new(CpuAveragePercent: 12, CpuMaxPercent: 25, DbConnectionsMax: 6));
        Db(Euw1, "eu-flaky-metrics-mysql", "db.m6g.large", "mysql", "8.0.39", 100, "gp3", 3000, false, 365, null,
            new() { ["env"] = "prod" }, new(CpuAveragePercent: 18, CpuMaxPercent: 40, DbConnectionsMax: 25, MissingDays: 3));

        Snap(Use1, "legacy-billing-pre-upgrade-2024", "legacy-billing-mysql", "manual", DaysAgo(400), 200, "mysql", "gp2");
        Snap(Use1, "orders-prod-before-migration", "orders-prod-pg", "manual", DaysAgo(30), 1000, "postgres", "io1");
        Snap(Use1, "decommissioned-crm-final", "decommissioned-crm", "manual", DaysAgo(250), 250, "mysql", "gp2");
        foreach (var (db, days) in new[] { ("orders-prod-pg", 1), ("orders-prod-pg", 2), ("catalog-mysql", 1), ("legacy-billing-mysql", 1) })
        {
            var taken = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(-days).AddHours(3).AddMinutes(10), TimeSpan.Zero);
            var source = RdsInstances.Single(d => d.DbInstanceIdentifier == db);
            Snap(Use1, $"rds:{db}-{taken:yyyy-MM-dd-HH-mm}", db, "automated", taken, source.AllocatedStorageGiB, source.Engine, source.StorageType);
        }

        Snap(Euw1, "eu-checkout-prod-q3", "eu-checkout-prod", "manual", DaysAgo(200), 400, "postgres", "gp3");
        var eu = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(-1).AddHours(2), TimeSpan.Zero);
        Snap(Euw1, $"rds:eu-checkout-prod-{eu:yyyy-MM-dd-HH-mm}", "eu-checkout-prod", "automated", eu, 400, "postgres", "gp3");
    }

    private void Db(
        string region, string id, string cls, string engine, string version, int storage, string storageType, int? iops,
        bool multiAz, int ageDays, string? cluster, Dictionary<string, string> tags, SampleMetricProfile profile)
    {
        RdsInstances.Add(new RdsInstance(
            AccountId, region, id, $"arn:aws:rds:{region}:{AccountId}:db:{id}", cls, engine, version, "available", storage,
            storageType, iops, multiAz, DaysAgo(ageDays, hours: 7), cluster,
            "db-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(region + id)))[..26],
            tags));
        MetricProfiles[id] = profile;
    }

    /// <summary>A time that many days before <see cref="Now"/>, to the second (AWS reports milliseconds at most).</summary>
    private DateTimeOffset DaysAgo(double days, double hours = 0)
    {
        var t = Now.AddDays(-days).AddHours(-hours);
        return new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private void Snap(string region, string id, string db, string type, DateTimeOffset created, int storage, string engine, string? storageType) =>
        RdsSnapshots.Add(new RdsSnapshot(
            AccountId, region, id, $"arn:aws:rds:{region}:{AccountId}:snapshot:{id}", db, type, created, storage,
            storageType, engine, "available",
            type == "manual" ? new Dictionary<string, string> { ["created-by"] = "dba-team" } : new Dictionary<string, string>()));

    private void BuildIam()
    {
        const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        var bedrockFull = Policy("AmazonBedrockFullAccess", awsManaged: true, description: "Provides full access to Amazon Bedrock.",
            documents: """{"Version":"2012-10-17","Statement":[{"Sid":"BedrockAll","Effect":"Allow","Action":["bedrock:*"],"Resource":"*"},{"Sid":"DescribeKey","Effect":"Allow","Action":["kms:DescribeKey"],"Resource":"arn:*:kms:*:::*"}]}""");
        var admin = Policy("AdministratorAccess", awsManaged: true, description: "Provides full access to AWS services and resources.", documents: AllowAll);
        var s3Read = Policy("AmazonS3ReadOnlyAccess", awsManaged: true, description: "Provides read only access to all buckets via the AWS Management Console.",
            documents: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3:Describe*"],"Resource":"*"}]}""");
        var serviceLinked = Policy("AmazonBedrockSampleServiceRolePolicy", awsManaged: true, path: "/aws-service-role/",
            description: "Synthetic service-linked role policy of the sample account.",
            documents: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"arn:aws:bedrock:*::foundation-model/*"}]}""");
        var boundary = Policy("genai-boundary", description: "Boundary for GenAI workloads <img src=x onerror=alert('xss')>",
            documents: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],"Resource":"arn:aws:bedrock:*::foundation-model/anthropic.*"},{"Effect":"Allow","Action":["s3:GetObject","logs:*"],"Resource":"*"}]}""");
        var wildcardMiddle = Policy("batch-inference-access",
            documents: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:Invoke*Model*","Resource":"*"},{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::batch-inference-output/*"}]}""");
        var opsNotIam = Policy("ops-not-iam",
            documents: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]}""");
        var opsNotBedrock = Policy("ops-not-bedrock",
            documents: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["bedrock:*","iam:*"],"Resource":"*"}]}""");
        var dataPipeline = Policy("data-pipeline-access",
            documents:
            [
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","bedrock:*"],"Resource":"*"}]}""",
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","glue:StartJobRun"],"Resource":"*"}]}""",
            ]);
        _ = Policy("unused-legacy-policy",
            documents: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}]}""");

        Group("data-scientists", managed: [bedrockFull]);
        Group("ops", inline: [("ops-everything-but-iam", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""")]);
        Group("auditors", managed: [s3Read]);

        Role("genai-app-role", true, path: "/app/", boundary: boundary,
            inline: [("llm-access", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}}""")]);
        Role("ml-experiments-role", true, managed: [bedrockFull]);
        Role("chatbot-lambda-role", true, path: "/\"><script>alert('xss')</script>/",
            tags: new() { ["owner"] = "chatbot-team", ["note"] = "customer facing" },
            inline: [("chatbot", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents","BEDROCK:invoke*"],"Resource":"*"}]}""")]);
        Role("batch-inference-role", true, managed: [wildcardMiddle], boundary: boundary);
        Role("platform-admin-role", true, managed: [admin]);
        Role("ops-automation-role", true, managed: [opsNotIam], boundary: boundary);
        Role("ops-restricted-role", false, managed: [opsNotBedrock]);
        Role("data-pipeline-role", false, managed: [dataPipeline]);
        Role("AWSServiceRoleForAmazonBedrockSample", true, path: "/aws-service-role/bedrock.amazonaws.com/", managed: [serviceLinked],
            trustedService: "bedrock.amazonaws.com");

        User("alice", true, groups: ["data-scientists"]);
        User("bob-admin", true, managed: [admin], boundary: boundary);
        User("carol", true, groups: ["ops"]);
        User("ci-deployer", true, inline: [("deploy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*:*","Resource":"*"}]}""")]);
        User("dave-readonly", false, managed: [s3Read], groups: ["auditors"]);
        User("erin", false, managed: [bedrockFull],
            inline: [("no-bedrock", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"bedrock:*","Resource":"*"}]}""")]);
    }

    private SampleIamPolicy Policy(string name, string documents, bool awsManaged = false, string path = "/", string? description = null) =>
        Policy(name, [documents], awsManaged, path, description);

    private SampleIamPolicy Policy(string name, string[] documents, bool awsManaged = false, string path = "/", string? description = null)
    {
        var created = DaysAgo(200 + (IamPolicies.Count * 17));
        var versions = documents.Select((d, i) => new SampleIamPolicyVersion($"v{i + 1}", d, created.AddDays(i * 30))).ToList();
        var policy = new SampleIamPolicy(IamPolicyArn(name, awsManaged, path), name, path, description, versions, versions[^1].VersionId, created);
        IamPolicies.Add(policy);
        return policy;
    }

    private void Group(string name, SampleIamPolicy[]? managed = null, (string Name, string Document)[]? inline = null) =>
        IamGroups.Add(new SampleIamGroup(name, "/", Inline(inline), [.. (managed ?? []).Select(p => p.Arn)], DaysAgo(500)));

    private void Role(
        string name, bool bedrockExpected, string path = "/", SampleIamPolicy[]? managed = null, (string Name, string Document)[]? inline = null,
        SampleIamPolicy? boundary = null, Dictionary<string, string>? tags = null, string trustedService = "lambda.amazonaws.com") =>
        IamRoles.Add(new SampleIamRole(
            name, path,
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"{{trustedService}}"},"Action":"sts:AssumeRole"}]}""",
            Inline(inline), [.. (managed ?? []).Select(p => p.Arn)], boundary?.Arn, tags ?? [], DaysAgo(300 + IamRoles.Count),
            IamRoles.Count % 2 == 0 ? DaysAgo(IamRoles.Count) : null, bedrockExpected));

    private void User(
        string name, bool bedrockExpected, SampleIamPolicy[]? managed = null, (string Name, string Document)[]? inline = null,
        string[]? groups = null, SampleIamPolicy? boundary = null) =>
        IamUsers.Add(new SampleIamUser(
            name, "/", Inline(inline), [.. (managed ?? []).Select(p => p.Arn)], groups ?? [], boundary?.Arn,
            new Dictionary<string, string> { ["department"] = "engineering" }, DaysAgo(400 + IamUsers.Count), bedrockExpected));

    private static List<SampleIamInlinePolicy> Inline((string Name, string Document)[]? inline) =>
        [.. (inline ?? []).Select(i => new SampleIamInlinePolicy(i.Name, i.Document))];
}

public sealed record SampleIamPolicyVersion(string VersionId, string Document, DateTimeOffset CreateDate);

public sealed record SampleIamPolicy(
    string Arn, string Name, string Path, string? Description, IReadOnlyList<SampleIamPolicyVersion> Versions,
    string DefaultVersionId, DateTimeOffset CreateDate)
{
    public bool AwsManaged => Arn.StartsWith("arn:aws:iam::aws:", StringComparison.Ordinal);
}

public sealed record SampleIamInlinePolicy(string Name, string Document);

public sealed record SampleIamGroup(
    string Name, string Path, IReadOnlyList<SampleIamInlinePolicy> InlinePolicies, IReadOnlyList<string> ManagedPolicyArns, DateTimeOffset CreateDate);

/// <param name="BedrockExpected">What the Bedrock analysis must conclude for this role (the dataset's answer key).</param>
public sealed record SampleIamRole(
    string Name, string Path, string TrustPolicy, IReadOnlyList<SampleIamInlinePolicy> InlinePolicies, IReadOnlyList<string> ManagedPolicyArns,
    string? BoundaryArn, IReadOnlyDictionary<string, string> Tags, DateTimeOffset CreateDate, DateTimeOffset? LastUsed, bool BedrockExpected);

/// <param name="BedrockExpected">What the Bedrock analysis must conclude for this user (the dataset's answer key).</param>
public sealed record SampleIamUser(
    string Name, string Path, IReadOnlyList<SampleIamInlinePolicy> InlinePolicies, IReadOnlyList<string> ManagedPolicyArns,
    IReadOnlyList<string> Groups, string? BoundaryArn, IReadOnlyDictionary<string, string> Tags, DateTimeOffset CreateDate, bool BedrockExpected);
