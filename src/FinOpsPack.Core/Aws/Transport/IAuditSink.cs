namespace FinOpsPack.Core.Aws.Transport;

public interface IAuditSink
{
    void Record(AuditRecord record);
}
