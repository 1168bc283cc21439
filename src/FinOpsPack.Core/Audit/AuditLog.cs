using System.Text.Json;
using System.Text.Json.Serialization;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Audit;

/// <summary>
/// <c>audit.jsonl</c>: a header line (who, which role, which review), then one line per API call, flushed as it happens
/// so a scan that dies still leaves its trail. Calls made before the header is known are held and written after it.
/// </summary>
public sealed class AuditLog : IAuditSink, IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly object _gate = new();
    private readonly StreamWriter? _writer;
    private readonly List<AuditRecord> _pending = [];
    private bool _headerWritten;

    public AuditLog(string? path)
    {
        if (path is not null)
        {
            _writer = new StreamWriter(path, append: false) { AutoFlush = true };
        }
    }

    public void WriteHeader(AuditHeader header)
    {
        lock (_gate)
        {
            if (_headerWritten)
            {
                return;
            }

            _writer?.WriteLine(JsonSerializer.Serialize(header, Json));
            _headerWritten = true;
            foreach (var record in _pending)
            {
                Write(record);
            }

            _pending.Clear();
        }
    }

    public void Record(AuditRecord record)
    {
        lock (_gate)
        {
            if (_headerWritten)
            {
                Write(record);
            }
            else
            {
                _pending.Add(record);
            }
        }
    }

    private void Write(AuditRecord record) => _writer?.WriteLine(JsonSerializer.Serialize(record, Json));

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var record in _pending)
            {
                Write(record);
            }

            _pending.Clear();
            _writer?.Dispose();
        }
    }
}
