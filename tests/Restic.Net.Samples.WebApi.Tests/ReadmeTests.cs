using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Restic.Net.Extensions.DependencyInjection.Tests;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The sample README's two shell blocks, run as written against the built server and the restic under
/// test: the start command, then every curl example, each of which fails the script on an error status.
/// Only the port, the restic binary and <c>dotnet run</c> (the server is built already) are replaced.
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private static readonly string s_readme = Path.Combine(SourceCheckout.Root, "samples", "Restic.Net.Samples.WebApi", "README.md");
    private readonly TempDirectory _temp = new("restic-net-readme-");

    public void Dispose() => _temp.Dispose();

    [Fact(Timeout = 240000)]
    public async Task StartCommandAndEveryExample_WorkAsWritten()
    {
        var blocks = ShellBlock().Matches(await File.ReadAllTextAsync(s_readme)).Select(m => m.Groups["code"].Value).ToList();
        var start = Assert.Single(blocks, b => b.Contains("dotnet run --project samples/Restic.Net.Samples.WebApi", StringComparison.Ordinal));
        var examples = Assert.Single(blocks, b => b.Contains("$API/init", StringComparison.Ordinal));
        var port = ServerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!); // bin/<Configuration>/net10.0
        var server = Path.Combine(SourceCheckout.Root, "samples", "Restic.Net.Samples.WebApi", "bin", configuration, "net10.0", "Restic.Net.Samples.WebApi.dll");

        var script = new StringBuilder()
            .AppendLine(Replace(Replace(Replace(Replace(start,
                "eng/provision-restic.sh\n", string.Empty),
                "\"$PWD/.tools/restic-0.19/usr/bin/restic\"", Quote(TestRestic.BinaryPath)),
                "dotnet run --project samples/Restic.Net.Samples.WebApi --", "dotnet " + Quote(server)),
                "5080", port).TrimEnd() + " &")
            .AppendLine("SERVER=$!")
            .AppendLine("trap 'kill $SERVER; wait $SERVER' EXIT")
            .AppendLine($"for _ in $(seq 600); do curl -s -o /dev/null http://127.0.0.1:{port}/ && break; sleep 0.1; done")
            .AppendLine(Replace(examples, "5080", port))
            .ToString();

        var (exitCode, output) = await RunBashAsync(script);

        Assert.True(exitCode == 0, $"exit {exitCode}:\n{output}");
        Assert.Contains("\"password_token\":\"CfDJ8", output, StringComparison.Ordinal);
        Assert.Contains("saved.", output, StringComparison.Ordinal);
        Assert.Contains("Quarterly report", output, StringComparison.Ordinal);
        Assert.Contains("\"snapshots_count\":1", output, StringComparison.Ordinal);
        Assert.Contains("No errors were found.", output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = SourceCheckout.Root };
        foreach (var argument in new[] { "-euo", "pipefail", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = _temp.Path; // mktemp -d: the README's folders, removed with the test's
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Replace(string text, string what, string with)
    {
        Assert.Contains(what, text, StringComparison.Ordinal); // the README still says it: the test still tests it
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("```sh\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
