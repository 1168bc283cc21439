using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Rds;

internal static class RdsInstanceFacts
{
    /// <summary>"db.m5" for "db.m5.large".</summary>
    public static string Family(string instanceClass)
    {
        var parts = instanceClass.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : instanceClass;
    }

    public static string Size(string instanceClass) => instanceClass.Split('.')[^1];

    public static FindingTarget Target(RdsInstance db) =>
        new(db.AccountId, db.Region, db.DbInstanceIdentifier, db.DbInstanceArn, db.DbInstanceIdentifier);

    /// <summary>Cost Explorer names RDS instances by ARN; the resource id is the identifier for COH joins.</summary>
    public static string?[] CostIds(RdsInstance db) => [db.DbInstanceArn, db.DbInstanceIdentifier, db.DbiResourceId];

    /// <summary>Allocated storage (and io1 IOPS) at the Single-AZ or Multi-AZ rate; unknown for engines or storage types not in the table.</summary>
    public static CostFormula AddStorage(CostFormula formula, RdsInstance db, bool multiAz, bool subtract = false)
    {
        Func<string, decimal, string, string, CostFormula> term = subtract ? formula.Subtract : formula.Add;
        var deployment = multiAz ? "Multi-AZ" : "Single-AZ";
        var storageType = db.StorageType ?? "gp2";
        if (PriceSkus.RdsStorage(db.Engine, storageType, multiAz) is not { } sku)
        {
            return formula.Unknown($"{db.Engine} {storageType} storage is not in the price table");
        }

        term($"{deployment} {storageType} storage", db.AllocatedStorageGiB, "GB", sku);
        if (storageType == "io1" && db.Iops is { } iops)
        {
            term($"{deployment} io1 IOPS", iops, "IOPS", sku.Replace(".storage.", ".iops.", StringComparison.Ordinal));
        }

        return formula;
    }
}
