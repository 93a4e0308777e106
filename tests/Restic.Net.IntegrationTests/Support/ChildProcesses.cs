using System.Text;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>Reads the command line and environment of this process's running restic children from /proc.</summary>
internal static class ChildProcesses
{
    /// <summary>Waits for a child process named <paramref name="name"/> whose command line contains <paramref name="argument"/>.</summary>
    /// <remarks>Tests run in parallel, so every test must pick its own restic by something unique to it, such as its temp folder.</remarks>
    public static async Task<int> WaitForChildAsync(string name, string argument, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                try
                {
                    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
                    var stat = await File.ReadAllTextAsync(Path.Combine(dir, "stat"));
                    var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                    var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                    if (ppid == Environment.ProcessId && comm == name && CommandLine(pid).Any(a => a.Contains(argument, StringComparison.Ordinal)))
                    {
                        return pid;
                    }
                }
                catch (IOException)
                {
                    // The process ended while it was read.
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no child process '{name}' appeared within {timeout}");
    }

    public static string[] CommandLine(int pid) => Split(File.ReadAllBytes($"/proc/{pid}/cmdline"));

    public static Dictionary<string, string> EnvironmentOf(int pid) =>
        Split(File.ReadAllBytes($"/proc/{pid}/environ"))
            .Select(e => e.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    private static string[] Split(byte[] data) =>
        Encoding.UTF8.GetString(data).Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
