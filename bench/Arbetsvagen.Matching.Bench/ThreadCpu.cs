using System.Runtime.InteropServices;

namespace Arbetsvagen.Matching.Bench;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a machine shared with other builds the wall
/// clock also counts the time the thread waited for a core; this counts only the time it ran.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Milliseconds of CPU this thread has used.</summary>
    public static double Milliseconds() =>
        ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds / 1e6) : double.NaN;
}
