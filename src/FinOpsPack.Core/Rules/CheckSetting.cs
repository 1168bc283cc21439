using System.Globalization;

namespace FinOpsPack.Core.Rules;

/// <summary>A threshold a check reads, with its default in code. Key: <c>&lt;check id&gt;.&lt;name&gt;</c>.</summary>
public sealed record CheckSetting<T>(string Key, T Default, string Description)
    where T : notnull
{
    public CheckSettingInfo Info => new(Key, CheckSettingInfo.TypeName(typeof(T)), CheckSettingInfo.Format(Default), Description);
}

/// <summary>A setting as listed in the catalogue.</summary>
/// <param name="Type">int, decimal, bool, string or string[].</param>
public sealed record CheckSettingInfo(string Key, string Type, string Default, string Description)
{
    internal static string TypeName(Type type) => type switch
    {
        _ when type == typeof(int) => "int",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(string) => "string",
        _ when typeof(IEnumerable<string>).IsAssignableFrom(type) => "string[]",
        _ => throw new NotSupportedException("unsupported setting type " + type.Name),
    };

    internal static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        _ => value.ToString() ?? "",
    };
}
