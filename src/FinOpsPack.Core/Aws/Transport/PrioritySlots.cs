namespace FinOpsPack.Core.Aws.Transport;

/// <summary>
/// A counting limiter with two queues: when a slot frees up, a waiter of the urgent queue gets it before any ordinary
/// one; within a queue, first come first served. <see cref="CallPipeline"/> puts the pages of long chains in the urgent
/// queue, so a chain whose next page depends on the last one does not queue behind hundreds of independent calls.
/// </summary>
public sealed class PrioritySlots(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _ordinary = new();
    private int _free = capacity;

    public int Free
    {
        get
        {
            lock (_gate)
            {
                return _free;
            }
        }
    }

    public Task WaitAsync(bool urgent, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_free > 0)
            {
                _free--;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _ordinary).Enqueue(waiter);
        }

        return ct.CanBeCanceled ? WithCancellationAsync(waiter, ct) : waiter.Task;
    }

    public void Release()
    {
        lock (_gate)
        {
            // A cancelled waiter is skipped: its TrySetResult fails and the slot goes to the next one.
            while (_urgent.TryDequeue(out var next) || _ordinary.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _free++;
        }
    }

    private static async Task WithCancellationAsync(TaskCompletionSource waiter, CancellationToken ct)
    {
        await using (ct.Register(() => waiter.TrySetCanceled(ct)).ConfigureAwait(false))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }
}
