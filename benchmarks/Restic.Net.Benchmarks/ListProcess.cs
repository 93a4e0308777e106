using System.Globalization;

/// <summary>
/// The <c>list</c> mode: a whole process that lists one snapshot with <see cref="Restic.Net.ResticClient.GetNodesAsync"/>
/// and forgets every node, as an application streaming a listing would. The end-to-end harness
/// launches it once per sample, so that its time and peak memory include .NET's start-up, like
/// restic's own process.
///
/// Restic.Net.Benchmarks list TAG RESULT-FILE  (repository, password, cache and binary from the environment)
/// writes "NODES PEAK-KIB": the nodes seen and the process's own peak resident set (VmHWM).
/// </summary>
internal static class ListProcess
{
    public const string RepositoryVariable = "RESTIC_NET_E2E_REPOSITORY";
    public const string PasswordVariable = "RESTIC_NET_E2E_PASSWORD";
    public const string CacheVariable = "RESTIC_NET_E2E_CACHE";

    public static async Task<int> RunAsync(string[] args)
    {
        var client = new Restic.Net.ResticClient(new Restic.Net.ResticClientOptions
        {
            Repository = new Restic.Net.LocalRepository(Environment.GetEnvironmentVariable(RepositoryVariable)!),
            Password = Restic.Net.ResticPassword.FromValue(Environment.GetEnvironmentVariable(PasswordVariable)!),
            BinaryPath = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") ?? "restic",
            CacheDirectory = Environment.GetEnvironmentVariable(CacheVariable),
        });
        var listing = client.GetNodesAsync(Restic.Net.SnapshotReference.Latest, new Restic.Net.ListOptions { Filter = new Restic.Net.SnapshotFilter { Tags = [args[1]] } });
        long nodes = 0;
        await foreach (var node in listing)
        {
            nodes++;
        }

        // This process's own peak (restic, its child, is not in VmHWM): written with the count.
        await File.WriteAllTextAsync(args[2], string.Create(CultureInfo.InvariantCulture, $"{nodes} {PeakResidentKiB()}"));
        return 0;
    }

    private static long PeakResidentKiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
