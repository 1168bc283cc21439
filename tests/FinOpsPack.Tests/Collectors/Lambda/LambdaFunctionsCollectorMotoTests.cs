using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Lambda;

/// <summary>The Lambda collector against moto: functions in two regions, one with a secret in its environment.</summary>
public sealed class LambdaFunctionsCollectorMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Secret = "SAMPLE_SECRET_DO_NOT_LEAK";

    /// <summary>
    /// moto needs an IAM role and a zip for CreateFunction. Prints boto3's ListFunctions view, with LastModified turned
    /// into epoch seconds by Python itself (a reference that does not use our parser).
    /// </summary>
    private const string SeedScript = """
        import boto3, json, io, zipfile
        from datetime import datetime
        role = boto3.client("iam").create_role(RoleName="fn-role", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("app.py", "def handler(event, context):\n    return 1\n")
        out = {}
        for region, functions in [
            ("us-east-1", [("resizer", "python3.12", 1536, 30, "x86_64", None), ("orders-api", "nodejs20.x", 512, 15, "arm64", {"DB_PASSWORD": "SAMPLE_SECRET_DO_NOT_LEAK"})]),
            ("eu-west-1", [("webhook", "python3.11", 128, 3, "arm64", None)])]:
            lam = boto3.client("lambda", region_name=region)
            for name, runtime, memory, timeout, arch, env in functions:
                args = dict(FunctionName=name, Runtime=runtime, Role=role, Handler="app.handler", Code={"ZipFile": buf.getvalue()},
                            MemorySize=memory, Timeout=timeout, Architectures=[arch])
                if env: args["Environment"] = {"Variables": env}
                lam.create_function(**args)
            listed = lam.list_functions()["Functions"]
            for f in listed:
                text = f["LastModified"]
                stamp, zone = text[:19], text[19:]
                fraction = zone[1:zone.index("Z")] if zone.startswith(".") else ""
                f["LastModifiedEpoch"] = datetime.strptime(stamp + "+0000", "%Y-%m-%dT%H:%M:%S%z").timestamp() + (float("0." + fraction) if fraction else 0)
            out[region] = listed
        print(json.dumps(out, default=str))
        """;

    [MotoFact]
    public async Task Should_Return_Exactly_The_Seeded_Functions_And_Never_Their_Environment()
    {
        // Given moto with three functions in two regions, one with a secret environment variable
        var seeded = JsonDocument.Parse(moto.RunPython(SeedScript)).RootElement;

        // When the Lambda collector runs in both regions
        var (inventory, outcomes, _) = await MotoCollectorRun.RunAsync(moto, ["lambda.functions"], ["us-east-1", "eu-west-1"]);

        // Then every function is read with boto3's values, and the secret that moto returned is nowhere in the inventory
        Assert.All(outcomes, o => Assert.Equal(CollectorStatus.Ok, o.Status));
        var expected = new[] { "us-east-1", "eu-west-1" }.SelectMany(region => seeded.GetProperty(region).EnumerateArray().Select(f =>
            $"{region}|{f.GetProperty("FunctionName").GetString()}|{f.GetProperty("FunctionArn").GetString()}|{f.GetProperty("Runtime").GetString()}|" +
            $"{f.GetProperty("MemorySize").GetInt32()}|{f.GetProperty("Timeout").GetInt32()}|{string.Join(',', f.GetProperty("Architectures").EnumerateArray().Select(a => a.GetString()))}|" +
            $"{f.GetProperty("PackageType").GetString()}|{f.GetProperty("CodeSize").GetInt64()}|{Math.Round(f.GetProperty("LastModifiedEpoch").GetDouble(), 4)}"));
        var actual = inventory.LambdaFunctions.Select(f =>
            $"{f.Region}|{f.FunctionName}|{f.FunctionArn}|{f.Runtime}|{f.MemorySizeMb}|{f.TimeoutSeconds}|{string.Join(',', f.Architectures)}|" +
            $"{f.PackageType}|{f.CodeSizeBytes}|{Math.Round((f.LastModified!.Value - DateTimeOffset.UnixEpoch).TotalSeconds, 4)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Contains(Secret, seeded.GetRawText());
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(inventory, ScanJson.Options));
    }
}
