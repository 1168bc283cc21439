using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// Cost Explorer of the sample account (awsJson 1.1, us-east-1). Every figure is summed from the dataset's spend cube
/// (<see cref="SampleCostModel"/>), so every split of a month adds up to the same total. Grouped answers carry an empty
/// Total, as AWS's do; GetCostAndUsage pages by <see cref="SampleDataset.CostExplorerGroupsPerPage"/> groups.
/// </summary>
public sealed class CostExplorerHandler : ISampleServiceHandler
{
    private static readonly HashSet<string> Served = new(StringComparer.Ordinal)
    {
        "GetCostAndUsage", "GetCostAndUsageWithResources", "GetCostForecast", "GetSavingsPlansCoverage", "GetReservationCoverage", "GetAnomalies",
    };

    private static readonly HashSet<string> ForecastMetrics = new(StringComparer.Ordinal)
    {
        "AMORTIZED_COST", "BLENDED_COST", "NET_AMORTIZED_COST", "NET_UNBLENDED_COST", "UNBLENDED_COST",
    };

    public AwsService Service => AwsService.CostExplorer;

    public string ThrottleCode => "LimitExceededException";

    public string? ResolveOperation(SampleCall call) => JsonServiceAnswers.Operation(call, Service, Served);

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct) =>
        JsonServiceAnswers.AnswerAsync(call, Service, "message", input => operation switch
        {
            "GetCostAndUsage" => CostAndUsage(call, input, operation, CostExplorerCube.Lines(call.Dataset), allowResourceId: false),
            "GetCostAndUsageWithResources" => CostAndUsageWithResources(call, input),
            "GetCostForecast" => Forecast(call, input),
            "GetSavingsPlansCoverage" => SavingsPlansCoverage(call, input),
            "GetReservationCoverage" => ReservationCoverage(call, input),
            _ => Anomalies(call, input),
        });

    private static object CostAndUsageWithResources(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        if (input["Filter"] is not JsonObject)
        {
            throw JsonServiceAnswers.Invalid("ValidationException", "filter", null, "Member must not be null");
        }

        var (start, _) = CostExplorerCube.Period(input);
        if (start < d.Today.AddDays(-14))
        {
            throw new SampleServiceError("ValidationException",
                "Start date is more than 14 days ago for hourly granularity. Please adjust start date as we support only 14 days of data at hourly granularity.");
        }

        // AWS does not document this refusal's wording; the sample answers DataUnavailable (the model's "no data" error).
        if (!d.ResourceLevelCostEnabled)
        {
            throw new SampleServiceError("DataUnavailableException",
                "Resource-level data is not enabled for this account. Opt in from the Cost Explorer settings page.");
        }

        return CostAndUsage(call, input, "GetCostAndUsageWithResources", CostExplorerCube.Instances(d), allowResourceId: true);
    }

    private static object CostAndUsage(SampleCall call, JsonObject input, string operation, IEnumerable<CostItem> source, bool allowResourceId)
    {
        var d = call.Dataset;
        var (start, end) = CostExplorerCube.Period(input);
        var granularity = CostExplorerCube.Granularity(input, null);
        var metrics = CostExplorerCube.Metrics(input, required: operation == "GetCostAndUsage");
        if (metrics.Count == 0)
        {
            metrics = ["UnblendedCost"];
        }

        var groupBy = CostExplorerCube.GroupBy(input, allowResourceId);
        var items = source.Where(CostExplorerCube.Filter(input["Filter"])).ToList();
        var currentMonth = new DateOnly(d.Today.Year, d.Today.Month, 1);

        // One row per (period, group); a period with nothing in it still gets its (empty) entry.
        var rows = new List<(int Period, string[]? Keys, decimal Unblended, decimal Amortized)>();
        var periods = CostExplorerCube.Periods(start, end, granularity);
        for (var p = 0; p < periods.Count; p++)
        {
            var (ps, pe) = periods[p];
            var sums = new SortedDictionary<string, (string[] Keys, decimal U, decimal A)>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                decimal u = 0m, a = 0m;
                foreach (var day in SampleCostModel.Days(ps, pe))
                {
                    var (du, da) = item.Cost(day);
                    u += du;
                    a += da;
                }

                var keys = groupBy.Select(g => g.Name(item)).ToArray();
                var id = string.Join('\u0001', keys);
                sums[id] = sums.TryGetValue(id, out var s) ? (keys, s.U + u, s.A + a) : (keys, u, a);
            }

            if (groupBy.Count == 0)
            {
                rows.Add((p, null, sums.Values.Sum(s => s.U), sums.Values.Sum(s => s.A)));
                continue;
            }

            var nonZero = sums.Values.Where(s => s.U != 0m || s.A != 0m).ToList();
            if (nonZero.Count == 0)
            {
                rows.Add((p, null, 0m, 0m));
            }

            rows.AddRange(nonZero.Select(s => (p, (string[]?)s.Keys, s.U, s.A)));
        }

        var scope = operation + "|" + RequestShape(input);
        var offset = SamplePageToken.Decode(input.String("NextPageToken"), scope)
            ?? throw new SampleServiceError("InvalidNextTokenException", "The pagination token is invalid.");
        var (page, next) = SamplePageToken.Slice(rows, offset, Math.Max(1, d.CostExplorerGroupsPerPage), scope);

        var results = new JsonArray();
        foreach (var periodRows in page.GroupBy(r => r.Period))
        {
            var (ps, pe) = periods[periodRows.Key];
            var groups = new JsonArray();
            var total = new JsonObject();
            foreach (var row in periodRows)
            {
                if (row.Keys is { } keys)
                {
                    groups.Add(new JsonObject
                    {
                        ["Keys"] = new JsonArray([.. keys.Select(k => JsonValue.Create(k))]),
                        ["Metrics"] = CostExplorerCube.MetricValues(metrics, row.Unblended, row.Amortized),
                    });
                }
                else if (groupBy.Count == 0)
                {
                    total = CostExplorerCube.MetricValues(metrics, row.Unblended, row.Amortized);
                }
            }

            results.Add(new JsonObject
            {
                ["TimePeriod"] = new JsonObject { ["Start"] = ps.ToString("yyyy-MM-dd"), ["End"] = pe.ToString("yyyy-MM-dd") },
                ["Total"] = total,
                ["Groups"] = groups,
                ["Estimated"] = pe > currentMonth,
            });
        }

        var response = new JsonObject
        {
            ["GroupDefinitions"] = new JsonArray([.. groupBy.Select(g => new JsonObject { ["Type"] = g.Type, ["Key"] = g.Key })]),
            ["ResultsByTime"] = results,
            ["DimensionValueAttributes"] = AccountNames(d, groupBy, page.Select(r => r.Keys)),
        };
        if (next is not null)
        {
            response["NextPageToken"] = next;
        }

        return response;
    }

    /// <summary>For LINKED_ACCOUNT groupings AWS adds each account's name as its description.</summary>
    private static JsonArray AccountNames(SampleDataset d, List<(string Type, string Key, Func<CostItem, string> Name)> groupBy, IEnumerable<string[]?> keys)
    {
        var index = groupBy.FindIndex(g => g.Type == "DIMENSION" && g.Key == "LINKED_ACCOUNT");
        if (index < 0 || d.Organization is null)
        {
            return [];
        }

        return new JsonArray([.. keys.OfType<string[]>().Select(k => k[index]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new JsonObject
            {
                ["Value"] = id,
                ["Attributes"] = new JsonObject { ["description"] = d.Organization.Accounts.FirstOrDefault(a => a.Id == id)?.Name ?? id },
            })]);
    }

    /// <summary>The request without its token: a token is only valid for the request that produced it (else RequestChanged).</summary>
    private static string RequestShape(JsonObject input)
    {
        var copy = input.DeepClone().AsObject();
        copy.Remove("NextPageToken");
        copy.Remove("NextToken");
        return copy.ToJsonString();
    }

    private static object Forecast(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        var (start, end) = CostExplorerCube.Period(input);
        if (start < d.Today)
        {
            throw new SampleServiceError("ValidationException", "Start date must be equal to or later than the current date");
        }

        var metric = input.String("Metric");
        if (metric is null || !ForecastMetrics.Contains(metric))
        {
            throw JsonServiceAnswers.Invalid("ValidationException", "metric", metric, "Member must satisfy enum value set: [" + string.Join(", ", ForecastMetrics) + "]");
        }

        var level = input.Int("PredictionIntervalLevel") ?? 80;
        if (level is < 51 or > 99)
        {
            throw JsonServiceAnswers.Invalid("ValidationException", "predictionIntervalLevel", level, "Member must have value between 51 and 99");
        }

        var granularity = CostExplorerCube.Granularity(input, null);
        var width = 0.10m * level / 80m;
        var results = CostExplorerCube.Periods(start, end, granularity).Select(p =>
        {
            var mean = SampleCostModel.Forecast(d, p.Start, p.End, amortized: metric.Contains("AMORTIZED", StringComparison.Ordinal));
            return (p.Start, p.End, Mean: mean, Lower: Math.Round(mean * (1m - width), 4), Upper: Math.Round(mean * (1m + width), 4));
        }).ToList();
        return new
        {
            Total = new { Amount = SampleCohRules.Money(results.Sum(r => r.Mean)), Unit = "USD" },
            ForecastResultsByTime = results.Select(r => new
            {
                TimePeriod = new { Start = r.Start.ToString("yyyy-MM-dd"), End = r.End.ToString("yyyy-MM-dd") },
                MeanValue = SampleCohRules.Money(r.Mean),
                PredictionIntervalLowerBound = SampleCohRules.Money(r.Lower),
                PredictionIntervalUpperBound = SampleCohRules.Money(r.Upper),
            }),
        };
    }

    private static (List<(DateOnly Start, DateOnly End)> Periods, int Offset, int Size, string Scope) CoveragePaging(
        SampleCall call, JsonObject input, string tokenMember)
    {
        if (input["GroupBy"] is JsonArray { Count: > 0 })
        {
            throw new SampleServiceError("ValidationException", "the sample account models coverage without GroupBy only");
        }

        var (start, end) = CostExplorerCube.Period(input);
        var granularity = CostExplorerCube.Granularity(input, "MONTHLY");
        var max = input.Int("MaxResults") ?? 20;
        if (max < 1)
        {
            throw JsonServiceAnswers.Invalid("ValidationException", "maxResults", max, "Member must have value greater than or equal to 1");
        }

        var scope = tokenMember + "|" + RequestShape(input);
        var offset = SamplePageToken.Decode(input.String(tokenMember), scope)
            ?? throw new SampleServiceError("InvalidNextTokenException", "The pagination token is invalid.");
        return (CostExplorerCube.Periods(start, end, granularity), offset, Math.Min(max, call.Dataset.MaxPageSize), scope);
    }

    private static object SavingsPlansCoverage(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        var (periods, offset, size, scope) = CoveragePaging(call, input, "NextToken");
        var (page, next) = SamplePageToken.Slice(periods, offset, size, scope);
        string[] eligible = [CostExplorerCube.Ec2Compute, "AWS Lambda", "Amazon Elastic Container Service"];
        return new
        {
            SavingsPlansCoverages = page.Select(p =>
            {
                var (spend, _) = SampleCostModel.Sum(d, p.Start, p.End, line => eligible.Contains(line.Service));
                var covered = Math.Round(spend * d.SavingsPlansCoverShare, 2);
                return new
                {
                    Attributes = new Dictionary<string, string>(),
                    Coverage = new
                    {
                        SpendCoveredBySavingsPlans = SampleCohRules.Money(covered),
                        OnDemandCost = SampleCohRules.Money(spend - covered),
                        TotalCost = SampleCohRules.Money(spend),
                        CoveragePercentage = SampleCohRules.Money(spend == 0m ? 0m : Math.Round(covered / spend * 100m, 2)),
                    },
                    TimePeriod = new { Start = p.Start.ToString("yyyy-MM-dd"), End = p.End.ToString("yyyy-MM-dd") },
                };
            }),
            NextToken = next,
        };
    }

    private static object ReservationCoverage(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        var (periods, offset, size, scope) = CoveragePaging(call, input, "NextPageToken");
        var instances = CostExplorerCube.Instances(d).ToList();
        (decimal Hours, decimal Reserved, decimal OnDemandCost) Measure(DateOnly start, DateOnly end)
        {
            decimal hours = 0m, cost = 0m;
            foreach (var i in instances)
            {
                foreach (var day in SampleCostModel.Days(start, end))
                {
                    var (daily, _) = i.Cost(day);
                    if (daily > 0m)
                    {
                        hours += 24m;
                        cost += daily;
                    }
                }
            }

            var reserved = Math.Round(hours * d.ReservedHoursShare);
            return (hours, reserved, hours == 0m ? 0m : Math.Round(cost * (hours - reserved) / hours, 2));
        }

        object Coverage((decimal Hours, decimal Reserved, decimal OnDemandCost) m) => new
        {
            CoverageHours = new
            {
                OnDemandHours = SampleCohRules.Money(m.Hours - m.Reserved),
                ReservedHours = SampleCohRules.Money(m.Reserved),
                TotalRunningHours = SampleCohRules.Money(m.Hours),
                CoverageHoursPercentage = SampleCohRules.Money(m.Hours == 0m ? 0m : Math.Round(m.Reserved / m.Hours * 100m, 2)),
            },
            CoverageCost = new { OnDemandCost = SampleCohRules.Money(m.OnDemandCost) },
        };

        var (page, next) = SamplePageToken.Slice(periods, offset, size, scope);
        var all = periods.Select(p => Measure(p.Start, p.End)).ToList();
        return new
        {
            CoveragesByTime = page.Select(p => new
            {
                TimePeriod = new { Start = p.Start.ToString("yyyy-MM-dd"), End = p.End.ToString("yyyy-MM-dd") },
                Groups = Array.Empty<object>(),
                Total = Coverage(Measure(p.Start, p.End)),
            }),
            Total = Coverage((all.Sum(m => m.Hours), all.Sum(m => m.Reserved), all.Sum(m => m.OnDemandCost))),
            NextPageToken = next,
        };
    }

    private static object Anomalies(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        var (start, end) = input["DateInterval"] is JsonObject interval
            ? (CostExplorerCube.ParseDate(interval.String("StartDate"), "StartDate"),
               interval.String("EndDate") is { } e ? CostExplorerCube.ParseDate(e, "EndDate") : d.Today)
            : throw JsonServiceAnswers.Invalid("ValidationException", "dateInterval", null, "Member must not be null");
        var max = input.Int("MaxResults") ?? 100;
        var scope = "GetAnomalies|" + RequestShape(input);
        var offset = SamplePageToken.Decode(input.String("NextPageToken"), scope)
            ?? throw new SampleServiceError("InvalidNextTokenException", "The pagination token is invalid.");
        var anomalies = d.CostSpikes.Where(s => s.FirstDay >= start && s.FirstDay <= end).OrderBy(s => s.FirstDay).ToList();
        var (page, next) = SamplePageToken.Slice(anomalies, offset, Math.Min(Math.Max(max, 1), d.MaxPageSize), scope);
        return new
        {
            Anomalies = page.Select(s =>
            {
                var days = SampleCostModel.Days(s.FirstDay, s.FirstDay.AddDays(s.Days)).ToList();
                var actual = days.Sum(day => SampleCostModel.Cost(d, s.Line, day).Unblended);
                var name = d.Organization?.Accounts.FirstOrDefault(a => a.Id == s.Line.AccountId)?.Name;
                return new
                {
                    s.AnomalyId,
                    AnomalyStartDate = s.FirstDay.ToString("yyyy-MM-dd"),
                    AnomalyEndDate = days[^1].ToString("yyyy-MM-dd"),
                    DimensionValue = s.Line.Service,
                    RootCauses = new[]
                    {
                        new
                        {
                            s.Line.Service, s.Line.Region, LinkedAccount = s.Line.AccountId, LinkedAccountName = name, s.Line.UsageType,
                            Impact = new { Contribution = s.ExtraPerDay * s.Days },
                        },
                    },
                    AnomalyScore = new { s.MaxScore, s.CurrentScore },
                    Impact = new
                    {
                        MaxImpact = s.ExtraPerDay,
                        TotalImpact = s.ExtraPerDay * s.Days,
                        TotalActualSpend = actual,
                        TotalExpectedSpend = actual - s.ExtraPerDay * s.Days,
                        TotalImpactPercentage = Math.Round(s.ExtraPerDay * s.Days / (actual - s.ExtraPerDay * s.Days) * 100m, 2),
                    },
                    MonitorArn = $"arn:aws:ce::{d.AccountId}:anomalymonitor/7f3e9a1c-2b4d-4c6e-8f0a-1b2c3d4e5f60",
                };
            }),
            NextPageToken = next,
        };
    }
}
