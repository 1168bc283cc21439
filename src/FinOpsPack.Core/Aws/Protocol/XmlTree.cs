using System.Xml;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>
/// One element and everything under it, read straight from an <see cref="XmlReader"/> into a flat array of nodes in
/// document order (each node knows its next sibling and where its subtree ends). Only local names and texts are kept:
/// namespaces and attributes play no part in reading AWS lists. Reloading reuses the array, so a page of 1,000 items costs
/// one array, not 1,000 trees; an <see cref="XmlItem"/> taken before a reload refuses to be read.
/// </summary>
public sealed class XmlTree
{
    private Node[] _nodes = new Node[64];
    private int[] _open = new int[16];
    private int _count;

    internal int Version { get; private set; }

    /// <summary>Reads the element the reader stands on (and its subtree); the reader is left just past its end.</summary>
    public XmlItem Load(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw new XmlException("expected an element, found " + reader.NodeType);
        }

        Version++;
        _count = 0;
        var depth = 0;
        do
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var index = Add(reader.LocalName, depth == 0 ? -1 : _open[depth - 1]);
                    if (reader.IsEmptyElement)
                    {
                        _nodes[index].Text = "";
                        _nodes[index].End = _count;
                    }
                    else
                    {
                        Push(ref depth, index);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    AddText(_open[depth - 1], reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // Whitespace counts only in an element that holds no element (yet): between elements it is layout.
                    var holder = _open[depth - 1];
                    if (_nodes[holder].LastChild < 0)
                    {
                        AddText(holder, reader.Value);
                    }

                    break;
                case XmlNodeType.EndElement:
                    var closed = _open[--depth];
                    _nodes[closed].End = _count;
                    if (_nodes[closed].LastChild < 0)
                    {
                        _nodes[closed].Text ??= "";
                    }

                    break;
            }

            reader.Read();
        }
        while (depth > 0 && !reader.EOF);

        if (depth > 0)
        {
            throw new XmlException("unexpected end of document inside <" + _nodes[_open[depth - 1]].Name + ">");
        }

        return new XmlItem(this, 0, Version);
    }

    internal ref readonly Node this[int index] => ref _nodes[index];

    private int Add(string name, int parent)
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        var index = _count++;
        _nodes[index] = new Node { Name = name, Next = -1, LastChild = -1, End = index + 1 };
        if (parent >= 0)
        {
            ref var p = ref _nodes[parent];
            if (p.LastChild >= 0)
            {
                _nodes[p.LastChild].Next = index;
            }
            else if (p.Text is { } text && string.IsNullOrWhiteSpace(text))
            {
                p.Text = null;
            }

            p.LastChild = index;
        }

        return index;
    }

    private void AddText(int index, string text)
    {
        ref var node = ref _nodes[index];
        node.Text = node.Text is null ? text : node.Text + text;
    }

    private void Push(ref int depth, int index)
    {
        if (depth == _open.Length)
        {
            Array.Resize(ref _open, _open.Length * 2);
        }

        _open[depth++] = index;
    }

    internal struct Node
    {
        public string Name;

        /// <summary>The element's own text; "" for an empty leaf; null for an element that holds only elements.</summary>
        public string? Text;

        public int Next;
        public int LastChild;

        /// <summary>One past the last node of the subtree.</summary>
        public int End;
    }
}
