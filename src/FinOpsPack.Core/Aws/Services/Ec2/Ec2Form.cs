using FinOpsPack.Core.Aws.Protocol;

namespace FinOpsPack.Core.Aws.Services.Ec2;

/// <summary>EC2-protocol list serialization: every list is flattened as <c>Prefix.N</c>, structures as <c>Prefix.N.Member</c>.</summary>
public static class Ec2Form
{
    /// <summary>Adds <c>{prefix}.1.…</c>, <c>{prefix}.2.…</c>; <paramref name="addMembers"/> gets the item's own prefix.</summary>
    public static QueryForm AddStructList<T>(this QueryForm form, string prefix, IEnumerable<T> items, Action<QueryForm, string, T> addMembers)
    {
        var i = 1;
        foreach (var item in items)
        {
            addMembers(form, $"{prefix}.{i++}", item);
        }

        return form;
    }

    /// <summary><c>Filter.N.Name</c> and <c>Filter.N.Value.M</c>.</summary>
    public static QueryForm AddFilters(this QueryForm form, IEnumerable<Ec2Filter> filters) =>
        form.AddStructList("Filter", filters, (f, p, filter) => f.Add(p + ".Name", filter.Name).AddList(p + ".Value", filter.Values));
}
