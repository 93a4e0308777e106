using Restic.Net.Output;

namespace Restic.Net.Tests.Output;

public class EventQueueTests
{
    [Fact]
    public async Task Write_StatusesBetweenOtherEvents_KeepsOnlyTheLatestStatusButEveryOtherEvent()
    {
        var queue = new EventQueue<string>();
        queue.Write("status-1", coalescible: true);
        queue.Write("status-2", coalescible: true);
        queue.Write("error-1");
        queue.Write("status-3", coalescible: true);
        queue.Write("status-4", coalescible: true);
        queue.Write("error-2");
        queue.Write("summary");
        queue.Complete();

        var items = new List<string>();
        await foreach (var item in queue.ReadAllAsync())
        {
            items.Add(item);
        }

        // At most one status waits: a slow consumer gets the newest, never a backlog, and no error is lost.
        Assert.Equal(["error-1", "status-4", "error-2", "summary"], items);
    }

    [Fact(Timeout = 10000)]
    public async Task ReadAllAsync_WriterOnAnotherThread_DeliversEverythingInOrder()
    {
        var queue = new EventQueue<string>();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                queue.Write("e" + i);
                if (i % 100 == 0)
                {
                    await Task.Delay(1);
                }
            }

            queue.Complete();
        });

        var items = new List<string>();
        await foreach (var item in queue.ReadAllAsync())
        {
            items.Add(item);
        }

        await writer;
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => "e" + i), items);
        Assert.True(queue.HasDelivered);
    }
}
