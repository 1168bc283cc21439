using System.Globalization;
using System.Text;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>
/// An element of an <see cref="XmlTree"/>, read by local name like <see cref="AwsXml"/>'s XElement helpers: a missing
/// element is <c>default</c> (<see cref="Exists"/> false) and every read through it gives null or nothing, so chains such as
/// <c>item.Child("ebs").Text("volumeId")</c> need no checks. Valid until its tree loads the next element.
/// </summary>
public readonly struct XmlItem
{
    private readonly XmlTree? _tree;
    private readonly int _index;
    private readonly int _version;

    internal XmlItem(XmlTree tree, int index, int version)
    {
        _tree = tree;
        _index = index;
        _version = version;
    }

    public bool Exists => _tree is not null;

    public string? Name => _tree is null ? null : Node(_index).Name;

    /// <summary>The element's text (as XElement.Value for a leaf; for an element holding elements, their texts joined).</summary>
    public string? Value
    {
        get
        {
            if (_tree is null)
            {
                return null;
            }

            ref readonly var node = ref Node(_index);
            if (node.End == _index + 1)
            {
                return node.Text ?? "";
            }

            var text = new StringBuilder();
            for (var i = _index; i < node.End; i++)
            {
                text.Append(_tree[i].Text);
            }

            return text.ToString();
        }
    }

    public XmlItem Child(string localName)
    {
        if (_tree is null)
        {
            return default;
        }

        var end = Node(_index).End;
        for (var i = _index + 1; i < end && i >= 0; i = _tree[i].Next)
        {
            if (string.Equals(_tree[i].Name, localName, StringComparison.Ordinal))
            {
                return new XmlItem(_tree, i, _version);
            }
        }

        return default;
    }

    /// <summary>The child elements of that local name, in order.</summary>
    public Children Elements(string localName) => new(this, localName);

    /// <summary>EC2 lists: <c>&lt;xxxSet&gt;&lt;item&gt;…</c>.</summary>
    public Children Items(string setName) => Child(setName).Elements("item");

    /// <summary>Query lists: <c>&lt;List&gt;&lt;member&gt;…</c>, or the member's locationName (RDS <c>&lt;TagList&gt;&lt;Tag&gt;</c>).</summary>
    public Children Members(string listName, string memberName = "member") => Child(listName).Elements(memberName);

    public string? Text(string localName) => Child(localName).Value;

    /// <summary>Text of a member that takes few distinct values (a state, a type, a zone): one shared instance (<see cref="TokenPool"/>).</summary>
    public string? Token(string localName) => TokenPool.Shared(Text(localName));

    public int? Int(string localName) =>
        Text(localName) is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    public long? Long(string localName) =>
        Text(localName) is { Length: > 0 } s ? long.Parse(s, CultureInfo.InvariantCulture) : null;

    public double? Double(string localName) =>
        Text(localName) is { Length: > 0 } s ? double.Parse(s, CultureInfo.InvariantCulture) : null;

    public bool? Bool(string localName) =>
        Text(localName) is { Length: > 0 } s ? bool.Parse(s) : null;

    public DateTimeOffset? Time(string localName) =>
        Text(localName) is { Length: > 0 } s ? AwsXml.ParseTime(s) : null;

    /// <summary>EC2 <c>tagSet/item{key,value}</c> into a dictionary: the first of a repeated key wins, an item without key is skipped.</summary>
    public IReadOnlyDictionary<string, string> Ec2Tags() => Tags(Items("tagSet"), "key", "value");

    /// <summary>Key/value members (EC2 <c>item{key,value}</c>, RDS <c>Tag{Key,Value}</c>) into a dictionary, first key wins.</summary>
    public static IReadOnlyDictionary<string, string> Tags(Children tags, string keyName, string valueName)
    {
        var count = tags.Count();
        if (count == 0)
        {
            return System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
        }

        var result = new Dictionary<string, string>(count, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Token(keyName) is { } key)
            {
                result.TryAdd(key, tag.Token(valueName) ?? "");
            }
        }

        return result;
    }

    private ref readonly XmlTree.Node Node(int index)
    {
        if (_tree!.Version != _version)
        {
            throw new InvalidOperationException("this XmlItem belongs to an element its tree has since replaced");
        }

        return ref _tree[index];
    }

    /// <summary>The children of one local name; a struct enumerable so a <c>foreach</c> allocates nothing.</summary>
    public readonly struct Children(XmlItem parent, string localName)
    {
        public Enumerator GetEnumerator() => new(parent, localName);

        public int Count()
        {
            var count = 0;
            foreach (var unused in this)
            {
                count++;
            }

            return count;
        }

        /// <summary>Each child read into a <typeparamref name="T"/>, in order, into an array of the right size.</summary>
        public T[] Map<T>(Func<XmlItem, T> read)
        {
            var count = Count();
            if (count == 0)
            {
                return [];
            }

            var result = new T[count];
            var i = 0;
            foreach (var child in this)
            {
                result[i++] = read(child);
            }

            return result;
        }
    }

    public struct Enumerator
    {
        private readonly XmlItem _parent;
        private readonly string _name;
        private int _next;
        private int _current;

        internal Enumerator(XmlItem parent, string name)
        {
            _parent = parent;
            _name = name;
            _current = -1;
            _next = parent._tree is null ? -1 : parent._index + 1 < parent.Node(parent._index).End ? parent._index + 1 : -1;
        }

        public readonly XmlItem Current => new(_parent._tree!, _current, _parent._version);

        public bool MoveNext()
        {
            while (_next >= 0)
            {
                ref readonly var node = ref _parent.Node(_next);
                _current = _next;
                _next = node.Next;
                if (string.Equals(node.Name, _name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
