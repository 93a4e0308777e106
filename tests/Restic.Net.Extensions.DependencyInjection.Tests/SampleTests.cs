using System.Diagnostics;
using System.Text.RegularExpressions;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Extensions.DependencyInjection.Tests;

/// <summary>
/// The Program.cs of docs/dependency-injection.md is samples/Restic.Net.Samples.DependencyInjection:
/// it must be the same text, and it must back up to both repositories it registers.
/// </summary>
[Collection(RealRepositoryCollection.Name)]
public partial class SampleTests(RealRepositoryFixture fixture)
{
    private static readonly string SampleFolder = Path.Combine(SourceCheckout.Root, "samples", "Restic.Net.Samples.DependencyInjection");

    [Fact]
    public void DependencyInjectionDoc_ProgramSnippet_IsTheSamplesProgramCs()
    {
        var docs = File.ReadAllText(Path.Combine(SourceCheckout.Root, "docs", "dependency-injection.md"));
        var snippet = ProgramSnippet().Match(docs);

        Assert.True(snippet.Success, "docs/dependency-injection.md has no ```csharp block after '<!-- snippet: Program.cs -->'");
        Assert.Equal(Normalize(File.ReadAllText(Path.Combine(SampleFolder, "Program.cs"))), Normalize(snippet.Groups["code"].Value));
    }

    [Fact]
    public void DependencyInjectionDoc_AppSettingsSnippet_IsTheSamplesAppSettings()
    {
        var docs = File.ReadAllText(Path.Combine(SourceCheckout.Root, "docs", "dependency-injection.md"));
        var snippet = AppSettingsSnippet().Match(docs);

        Assert.True(snippet.Success, "docs/dependency-injection.md has no ```json block after '<!-- snippet: appsettings.json -->'");
        Assert.Equal(Normalize(File.ReadAllText(Path.Combine(SampleFolder, "appsettings.json"))), Normalize(snippet.Groups["code"].Value));
    }

    [Fact(Timeout = 120000)]
    public async Task Sample_TwoRealRepositories_BacksUpToBoth()
    {
        var root = fixture.NewFolder("sample");
        var passwordFile = Path.Combine(root, "password");
        await File.WriteAllTextAsync(passwordFile, TestRestic.Password);
        foreach (var name in new[] { "local", "offsite" })
        {
            await new ResticClient(TestRestic.Options(Path.Combine(root, name), fixture.CachePath)).InitAsync();
        }

        // Command-line configuration overrides the sample's appsettings.json, as in any host.
        var (exitCode, output) = await RunSampleAsync(
            $"--BackupPath={fixture.SourcePath}",
            $"--Restic:local:Repository={Path.Combine(root, "local")}",
            $"--Restic:local:PasswordFile={passwordFile}",
            $"--Restic:local:BinaryPath={TestRestic.BinaryPath}",
            $"--Restic:local:CacheDirectory={fixture.CachePath}",
            $"--Restic:offsite:Repository={Path.Combine(root, "offsite")}",
            $"--Restic:offsite:PasswordCommand=cat {passwordFile}",
            $"--Restic:offsite:BinaryPath={TestRestic.BinaryPath}",
            $"--Restic:offsite:CacheDirectory={fixture.CachePath}");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"local: snapshot [0-9a-f]{8}, \d+ bytes added", output);
        Assert.Matches(@"offsite: snapshot [0-9a-f]{8}, \d+ bytes added", output);
        foreach (var name in new[] { "local", "offsite" })
        {
            var snapshots = await new ResticClient(TestRestic.Options(Path.Combine(root, name), fixture.CachePath)).GetSnapshotsAsync();
            Assert.Equal([fixture.SourcePath], Assert.Single(snapshots).Paths);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunSampleAsync(params string[] arguments)
    {
        var configuration = typeof(SampleTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().SingleOrDefault()?.Configuration ?? "Debug";
        var output = Path.Combine(SampleFolder, "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(output, "Restic.Net.Samples.DependencyInjection.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"<!-- snippet: Program\.cs -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ProgramSnippet();

    [GeneratedRegex(@"<!-- snippet: appsettings\.json -->\s*```json\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex AppSettingsSnippet();
}
