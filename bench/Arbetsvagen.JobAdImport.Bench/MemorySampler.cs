using System.Diagnostics;

namespace Arbetsvagen.JobAdImport.Bench;

public sealed record MemoryResult(long PeakWorkingSet, long PeakHeap, string ByTenth);

/// <summary>
/// Samples the process's working set and the GC heap every 100 ms on a thread of its own; <see cref="Stop"/> gives the
/// peaks and the peaks per tenth of the run, which show whether memory grows with the ads read.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly List<(long Ticks, long WorkingSet, long Heap)> samples = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;

    public MemorySampler()
    {
        thread = new Thread(() =>
        {
            do
            {
                lock (samples)
                {
                    samples.Add((Stopwatch.GetTimestamp(), Environment.WorkingSet, GC.GetTotalMemory(false)));
                }
            }
            while (!stop.Token.WaitHandle.WaitOne(100));
        }) { IsBackground = true, Name = "memory sampler" };
        thread.Start();
    }

    public MemoryResult Stop()
    {
        stop.Cancel();
        thread.Join();
        var (first, last) = (samples[0].Ticks, samples[^1].Ticks + 1);
        var tenths = samples.GroupBy(s => (int)((s.Ticks - first) * 10 / (last - first)))
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Max(s => s.WorkingSet) / 1_000_000}/{g.Max(s => s.Heap) / 1_000_000}");
        return new MemoryResult(samples.Max(s => s.WorkingSet), samples.Max(s => s.Heap), string.Join("  ", tenths));
    }

    public void Dispose() => stop.Dispose();
}
