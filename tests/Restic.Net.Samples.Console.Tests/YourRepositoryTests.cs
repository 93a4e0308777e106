using Restic.Net.IntegrationTests.Support;
using TestTree = Restic.Net.IntegrationTests.Support.SourceTree;

namespace Restic.Net.Samples.Console.Tests;

/// <summary>The <c>--repo</c> mode against a real repository; output is redirected, so progress is plain lines.</summary>
public sealed class YourRepositoryTests : IDisposable
{
    private readonly TempDirectory _root = new("restic-net-console-");

    [Fact(Timeout = 120000)]
    public async Task RepoMode_WithInitAndSource_CreatesTheRepository_AndBacksUpTheSource()
    {
        var source = _root.Combine("src");
        TestTree.WriteSmallFiles(source, count: 12);
        var repository = _root.Combine("repo");
        var arguments = Arguments("--repo", repository, "--source", source, "--init");

        var (exit, output) = await RunAsync(arguments, repository);

        Assert.True(exit == 0, output);
        Assert.Contains("created      yes (--init)", output, StringComparison.Ordinal);
        Assert.Contains("12 new, 0 changed, 0 unmodified", output, StringComparison.Ordinal);
        // The redirected progress ends with the final state, not a stale throttled row.
        var progress = output.Split('\n').Where(l => l.TrimStart().StartsWith("progress", StringComparison.Ordinal)).ToList();
        Assert.Contains("100.0%", Assert.IsType<string>(progress[^1]), StringComparison.Ordinal);
        var snapshot = Assert.Single(await Client(repository).GetSnapshotsAsync());
        Assert.Contains(snapshot.Id.ToShortString(), output, StringComparison.Ordinal);
        var target = _root.Combine("restore");
        await Client(repository).RestoreAsync(snapshot.Id, target);
        TestTree.AssertSameFiles(source, TestTree.RestoredPath(target, source));
    }

    [Fact(Timeout = 60000)]
    public async Task RepoMode_WithoutInit_OnAMissingRepository_SaysHowToCreateIt()
    {
        var repository = _root.Combine("missing");

        var (exit, output) = await RunAsync(Arguments("--repo", repository), repository);

        Assert.Equal(1, exit);
        Assert.Contains("add --init to create one", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(repository));
    }

    public void Dispose() => _root.Dispose();

    private SampleArguments Arguments(params string[] args)
    {
        var passwordFile = _root.Combine("password");
        File.WriteAllText(passwordFile, TestRestic.Password + "\n");
        return SampleArguments.Parse([.. args, "--password-file", passwordFile, "--restic", TestRestic.BinaryPath], null);
    }

    private ResticClient Client(string repository) => new(TestRestic.Options(repository, _root.Combine("cache")));

    // The sample writes to the process's console: capture both streams for the duration of the run.
    private static async Task<(int Exit, string Output)> RunAsync(SampleArguments arguments, string repository)
    {
        var writer = new StringWriter();
        var (stdout, stderr) = (System.Console.Out, System.Console.Error);
        System.Console.SetOut(writer);
        System.Console.SetError(writer);
        try
        {
            var exit = await YourRepository.RunAsync(arguments, repository);
            return (exit, writer.ToString());
        }
        finally
        {
            System.Console.SetOut(stdout);
            System.Console.SetError(stderr);
        }
    }
}
