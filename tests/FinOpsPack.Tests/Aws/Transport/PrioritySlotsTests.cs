using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Transport;

public sealed class PrioritySlotsTests
{
    [Fact]
    public async Task Should_Give_A_Freed_Slot_To_The_Urgent_Queue_First_When_Both_Wait()
    {
        var slots = new PrioritySlots(1);
        await slots.WaitAsync(urgent: false, CancellationToken.None);
        var order = new List<string>();
        var ordinary = Track(slots.WaitAsync(urgent: false, CancellationToken.None), "ordinary", order);
        var urgentFirst = Track(slots.WaitAsync(urgent: true, CancellationToken.None), "urgent 1", order);
        var urgentSecond = Track(slots.WaitAsync(urgent: true, CancellationToken.None), "urgent 2", order);

        slots.Release();
        await urgentFirst;
        slots.Release();
        await urgentSecond;
        slots.Release();
        await ordinary;

        Assert.Equal(["urgent 1", "urgent 2", "ordinary"], order);
        slots.Release();
        Assert.Equal(1, slots.Free);
    }

    [Fact]
    public async Task Should_Pass_A_Slot_Over_A_Cancelled_Waiter_When_It_Is_Released()
    {
        var slots = new PrioritySlots(1);
        await slots.WaitAsync(urgent: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.WaitAsync(urgent: true, cancel.Token);
        var next = slots.WaitAsync(urgent: false, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(next.IsCompleted);
        slots.Release();
        await next;

        Assert.Equal(0, slots.Free);
    }

    [Fact]
    public async Task Should_Not_Block_When_Slots_Are_Free()
    {
        var slots = new PrioritySlots(2);

        await slots.WaitAsync(urgent: false, CancellationToken.None);
        await slots.WaitAsync(urgent: true, CancellationToken.None);

        Assert.Equal(0, slots.Free);
        Assert.False(slots.WaitAsync(urgent: true, CancellationToken.None).IsCompleted);
    }

    private static async Task Track(Task wait, string name, List<string> order)
    {
        await wait;
        lock (order)
        {
            order.Add(name);
        }
    }
}
