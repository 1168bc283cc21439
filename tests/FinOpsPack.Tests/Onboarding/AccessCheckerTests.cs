using System.Net;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Onboarding;

public sealed class AccessCheckerTests
{
    private static readonly TimeProvider Clock = new FixedTimeProvider(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));

    private static readonly AccessCheckOptions All = new("us-east-1", IncludeBilled: true);

    [Fact]
    public async Task Should_Report_Every_Action_Permitted_When_Every_Call_Is_Answered()
    {
        var transport = new FakeTransport(r => Task.FromResult(Answer(r)));
        var report = await new AccessChecker(transport, Clock).CheckAsync(All, CancellationToken.None);

        Assert.All(report.Results, r => Assert.Equal(AccessStatus.Permitted, r.Status));
        Assert.True(report.ScanWouldBeComplete);
        Assert.Equal(AccessProbeCatalog.All.Select(p => p.Action), report.Results.Select(r => r.Action));
        Assert.Equal(AccessProbeCatalog.All.Count, transport.Requests.Count);
    }

    [Fact]
    public async Task Should_Report_The_Denied_Action_And_What_The_Report_Loses_When_Aws_Refuses_It()
    {
        var transport = new FakeTransport(r => r.Action == "ec2:DescribeVolumes"
            ? throw FakeTransport.Error(r, "UnauthorizedOperation", HttpStatusCode.Forbidden)
            : Task.FromResult(Answer(r)));
        var report = await new AccessChecker(transport, Clock).CheckAsync(All, CancellationToken.None);

        var denied = Assert.Single(report.Denied);
        Assert.Equal("ec2:DescribeVolumes", denied.Action);
        Assert.Equal("UnauthorizedOperation", denied.ErrorCode);
        Assert.NotEmpty(denied.Removes);
        Assert.Equal(AccessChecker.WhatItRemoves("ec2:DescribeVolumes"), denied.Removes);
        Assert.False(report.ScanWouldBeComplete);
        Assert.All(report.Results.Where(r => r != denied), r => Assert.Equal(AccessStatus.Permitted, r.Status));
    }

    [Fact]
    public async Task Should_Not_Call_Billed_Actions_When_Not_Asked()
    {
        var transport = new FakeTransport(r => Task.FromResult(Answer(r)));
        var report = await new AccessChecker(transport, Clock).CheckAsync(new AccessCheckOptions(), CancellationToken.None);

        Assert.DoesNotContain(transport.Requests, r => AccessProbeCatalog.Find(r.Action)!.Billed);
        Assert.All(report.Results.Where(r => r.Billed), r =>
        {
            Assert.Equal(AccessStatus.NotChecked, r.Status);
            Assert.Contains("--include-billed", r.Detail, StringComparison.Ordinal);
        });
        Assert.Contains(report.Results, r => r.Billed);
        Assert.True(report.ScanWouldBeComplete);
    }

    [Fact]
    public async Task Should_Not_Call_A_Dependent_Action_When_There_Is_Nothing_To_Call_It_On()
    {
        var transport = new FakeTransport(r => Task.FromResult(r.Action switch
        {
            "ecs:ListClusters" => FakeTransport.Ok("""{"clusterArns":[]}"""),
            "s3:ListAllMyBuckets" => FakeTransport.Ok("<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>"),
            _ => Answer(r),
        }));
        var report = await new AccessChecker(transport, Clock).CheckAsync(All, CancellationToken.None);

        string[] dependents = ["ecs:ListServices", "ecs:DescribeServices", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration"];
        Assert.All(dependents, a => Assert.Equal(AccessStatus.NotChecked, report.Results.Single(r => r.Action == a).Status));
        Assert.DoesNotContain(transport.Requests, r => dependents.Contains(r.Action));
        Assert.True(report.ScanWouldBeComplete);
    }

    [Fact]
    public async Task Should_Count_As_Permitted_When_Aws_Answers_With_An_Error_It_Gives_Only_To_Authorized_Callers()
    {
        var transport = new FakeTransport(r => r.Action switch
        {
            "s3:GetLifecycleConfiguration" => throw FakeTransport.Error(r, "NoSuchLifecycleConfiguration", HttpStatusCode.NotFound),
            "organizations:DescribeOrganization" => throw FakeTransport.Error(r, "AWSOrganizationsNotInUseException"),
            _ => Task.FromResult(Answer(r)),
        });
        var report = await new AccessChecker(transport, Clock).CheckAsync(All, CancellationToken.None);

        Assert.Equal(AccessStatus.Permitted, report.Results.Single(r => r.Action == "s3:GetLifecycleConfiguration").Status);
        Assert.Equal(AccessStatus.Permitted, report.Results.Single(r => r.Action == "organizations:DescribeOrganization").Status);
        Assert.True(report.ScanWouldBeComplete);
    }

    [Fact]
    public async Task Should_Report_An_Error_And_An_Incomplete_Scan_When_A_Call_Fails_Otherwise()
    {
        var transport = new FakeTransport(r => r.Action == "rds:DescribeDBInstances"
            ? throw FakeTransport.Error(r, "InternalFailure", HttpStatusCode.InternalServerError)
            : Task.FromResult(Answer(r)));
        var report = await new AccessChecker(transport, Clock).CheckAsync(All, CancellationToken.None);

        var error = Assert.Single(report.Errors);
        Assert.Equal("rds:DescribeDBInstances", error.Action);
        Assert.Empty(report.Denied);
        Assert.False(report.ScanWouldBeComplete);
    }

    [Fact]
    public async Task Should_Ask_About_The_Lifecycle_In_The_Bucket_Region_When_The_Bucket_Is_Elsewhere()
    {
        var transport = new FakeTransport(r => Task.FromResult(r.Action == "s3:GetBucketLocation"
            ? FakeTransport.Ok("""<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">EU</LocationConstraint>""")
            : Answer(r)));
        await new AccessChecker(transport, Clock).CheckAsync(All, CancellationToken.None);

        var lifecycle = Assert.Single(transport.Requests, r => r.Action == "s3:GetLifecycleConfiguration");
        Assert.Equal("eu-west-1", lifecycle.Region);
        Assert.Equal("/logs-bucket?lifecycle", lifecycle.PathAndQuery);
    }

    [Fact]
    public async Task Should_Start_Every_Independent_Call_When_None_Has_Been_Answered_Yet()
    {
        // Given a transport that answers nothing until every probe that needs no other is in flight: a checker that
        // waited for one answer before sending the next call would never get there.
        var independent = AccessProbeCatalog.All.Count(p => p.Needs is null);
        var inFlight = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new FakeTransport(async r =>
        {
            if (Interlocked.Increment(ref inFlight) == independent)
            {
                gate.SetResult();
            }

            await gate.Task.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            return Answer(r);
        });
        var report = await new AccessChecker(transport, Clock).CheckAsync(All, CancellationToken.None);

        Assert.True(report.ScanWouldBeComplete);
    }

    /// <summary>Minimal well-formed answers, with one cluster, service and bucket for the probes that need them.</summary>
    private static AwsResponse Answer(AwsRequest request) => request.Action switch
    {
        "ecs:ListClusters" => FakeTransport.Ok("""{"clusterArns":["arn:aws:ecs:us-east-1:123456789012:cluster/web"]}"""),
        "ecs:ListServices" => FakeTransport.Ok("""{"serviceArns":["arn:aws:ecs:us-east-1:123456789012:service/web/api"]}"""),
        "s3:ListAllMyBuckets" => FakeTransport.Ok("<ListAllMyBucketsResult><Buckets><Bucket><Name>logs-bucket</Name></Bucket></Buckets></ListAllMyBucketsResult>"),
        "s3:GetBucketLocation" => FakeTransport.Ok("<LocationConstraint/>"),
        _ when request.Service.Protocol is AwsProtocol.Json10 or AwsProtocol.Json11 or AwsProtocol.RestJson => FakeTransport.Ok("{}"),
        _ => FakeTransport.Ok("<Response/>"),
    };
}
