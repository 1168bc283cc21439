namespace FinOpsPack.Core.Report;

/// <summary>
/// Chart geometry for the <c>chart</c> partial. Coordinates are pre-formatted invariant numbers; colours are CSS classes
/// (<c>s0</c>…<c>s5</c>, <c>s-other</c>) so the stylesheet, not data, decides how a chart looks.
/// </summary>
public sealed record SvgChart(
    string Id,
    string Title,
    int Width,
    int Height,
    bool IsEmpty,
    IReadOnlyList<SvgRect> Bars,
    IReadOnlyList<SvgText> Texts,
    IReadOnlyList<SvgLine> Lines,
    IReadOnlyList<LegendItem> Legend);

public sealed record SvgRect(string X, string Y, string Width, string Height, string CssClass, string Tooltip);

/// <param name="Anchor">start | middle | end.</param>
public sealed record SvgText(string X, string Y, string Text, string Anchor, string CssClass);

public sealed record SvgLine(string X1, string Y1, string X2, string Y2, string CssClass);

public sealed record LegendItem(string CssClass, string Label, string Value);
