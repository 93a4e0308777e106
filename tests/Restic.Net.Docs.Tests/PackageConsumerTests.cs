using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Restic.Net.Extensions.DependencyInjection.Tests;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Docs.Tests;

/// <summary>
/// What a NuGet user gets: a new console project outside this solution that references the three packed
/// packages by version (artifacts/packages, which <c>./build.sh test</c> packs before the tests), with Moq and
/// Microsoft.Extensions.Hosting. Its Program.cs is the README's quick start; it also compiles the C# of each
/// package's own README (PACKAGE.md) and a Moq fake of <see cref="IResticClient"/>, and runs them all against the
/// real restic. Only the reader's paths are replaced, by folders of this test.
/// </summary>
[Trait("Restic", "Newest")] // the packaging, not a restic version: QuickStartTests runs the quick start on every version
public sealed partial class PackageConsumerTests : IDisposable
{
    private static readonly string PackageFolder = Path.Combine(SourceCheckout.Root, "artifacts", "packages");
    private static readonly string ConsumerFolder = Path.Combine(SourceCheckout.Root, "artifacts", "consumer");
    private static readonly string[] Packages = ["Restic.Net", "Restic.Net.Extensions.DependencyInjection", "Restic.Net.Repository"];

    private readonly TempDirectory _root = new("restic-net-consumer-");

    [Fact(Timeout = 900000)]
    public async Task ANewProject_OnThePackedPackages_RunsTheQuickStart_ThePackageReadmes_AndAMock()
    {
        var version = PackedVersion();
        var source = _root.Combine("app");
        SourceTree.WriteSmallFiles(source, count: 12);
        var hosts = Path.Combine(source, "hosts");
        await File.WriteAllTextAsync(hosts, "127.0.0.1 localhost\n");
        var password = _root.Combine("password");
        await File.WriteAllTextAsync(password, "consumer-password\n");
        var repository = _root.Combine("repo");
        var restore = _root.Combine("restore");
        var paths = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/srv/backups/repo"] = repository,
            ["/etc/restic/password"] = password,
            ["/var/lib/app"] = source,
            ["/data"] = source,
            ["/tmp/restore"] = restore,
            ["/etc/hosts"] = hosts,
            ["/etc"] = source,
        };
        await WriteProjectAsync(version, paths, hosts);

        var build = await RunAsync(["build", Path.Combine(ConsumerFolder, "Consumer.csproj"), "-c", "Release", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:RestoreForce=true"], new Dictionary<string, string>());
        Assert.True(build.ExitCode == 0, "the consumer project does not build on the packed packages:\n" + build.Output);
        foreach (var package in Packages)
        {
            // The build used the packed files, not this solution's projects or an older copy.
            Assert.True(File.Exists(Path.Combine(ConsumerFolder, "packages", package.ToLowerInvariant(), version, $"{package.ToLowerInvariant()}.{version}.nupkg")), $"{package} {version} was not restored from artifacts/packages");
        }

        var run = await RunAsync([Path.Combine(ConsumerFolder, "bin", "Release", "net10.0", "Consumer.dll")], new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(TestRestic.BinaryPath) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["XDG_CACHE_HOME"] = _root.Combine("cache"),
            ["Restic__local__Repository"] = repository,
            ["Restic__local__PasswordFile"] = password,
        });

        Assert.True(run.ExitCode == 0, "the consumer program failed:\n" + run.Output);
        foreach (var line in new[] { "consumer: Restic.Net readme ok", "consumer: DI readme ok", "consumer: Repository readme ok", "consumer: mocked client ok" })
        {
            Assert.Contains(line, run.Output, StringComparison.Ordinal);
        }

        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(restore, source));
    }

    public void Dispose() => _root.Dispose();

    // The version ./build.sh pack gave the packages: the one this solution's Restic.Net was built with.
    private static string PackedVersion()
    {
        var version = typeof(ResticClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        foreach (var package in Packages)
        {
            var file = Path.Combine(PackageFolder, $"{package}.{version}.nupkg");
            Assert.True(File.Exists(file), $"{file} is missing: ./build.sh pack (or ./build.sh test) packs it first");
        }

        return version;
    }

    private static async Task WriteProjectAsync(string version, Dictionary<string, string> paths, string hosts)
    {
        Directory.CreateDirectory(ConsumerFolder);
        foreach (var package in Packages)
        {
            // A repacked package keeps its version: drop the copy an earlier run extracted.
            var extracted = Path.Combine(ConsumerFolder, "packages", package.ToLowerInvariant());
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }

        var globalPackages = await GlobalPackagesFolderAsync();
        foreach (var package in Packages)
        {
            Assert.False(Directory.Exists(Path.Combine(globalPackages, package.ToLowerInvariant(), version)), $"{globalPackages} holds {package} {version}, which restore would prefer to the packed one: delete it");
        }

        // Outside this solution's build settings: an empty Directory.Build.props, no central package versions, and
        // none of the repository's .editorconfig analyzer rules (a new console project has only the SDK's defaults).
        await File.WriteAllTextAsync(Path.Combine(ConsumerFolder, ".editorconfig"), "root = true\n");
        await File.WriteAllTextAsync(Path.Combine(ConsumerFolder, "Directory.Build.props"), "<Project />\n");
        await File.WriteAllTextAsync(Path.Combine(ConsumerFolder, "Directory.Packages.props"), "<Project />\n");
        var project = new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement(
                "PropertyGroup",
                new XElement("OutputType", "Exe"),
                new XElement("TargetFramework", "net10.0"),
                new XElement("Nullable", "enable"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("TreatWarningsAsErrors", "true"),
                new XElement("NuGetAudit", "false"), // audit data may be unreachable here
                new XElement("RestorePackagesPath", "packages"),
                new XElement("RestoreFallbackFolders", globalPackages),
                new XElement("RestoreAdditionalProjectSources", PackageFolder)),
            new XElement(
                "ItemGroup",
                Packages.Select(p => PackageReference(p, $"[{version}]")).Concat(
                    new[] { "Moq", "Microsoft.Extensions.Hosting" }.Select(p => PackageReference(p, CentralVersion(p))))));
        await File.WriteAllTextAsync(Path.Combine(ConsumerFolder, "Consumer.csproj"), project.ToString());

        var program = new StringBuilder(Replace(SnippetSource.All["readme-quick-start"], paths))
            .Append("\n\nawait PackageReadmes.ResticNetAsync(args);\n")
            .Append("await PackageReadmes.DependencyInjectionAsync(args);\n")
            .Append("await PackageReadmes.RepositoryAsync(args);\n")
            .Append("await MockedClient.RunAsync();\n");
        await File.WriteAllTextAsync(Path.Combine(ConsumerFolder, "Program.cs"), program.ToString());
        await File.WriteAllTextAsync(Path.Combine(ConsumerFolder, "PackageReadmes.cs"), PackageReadmes(paths, hosts));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceCheckout.Root, "tests", "Restic.Net.Docs.Tests", "Consumer"), "*.cs"))
        {
            File.Copy(file, Path.Combine(ConsumerFolder, Path.GetFileName(file)), overwrite: true);
        }
    }

    // Each package's README as one method (its C# blocks in order, as one program), and a check of what it did.
    private static string PackageReadmes(Dictionary<string, string> paths, string hosts)
    {
        var pages = new (string Method, string Page, string Check)[]
        {
            ("ResticNetAsync", "src/Restic.Net/PACKAGE.md", """Check.That(summary.SnapshotId is not null, "the package README's backup made a snapshot");"""),
            ("DependencyInjectionAsync", "src/Restic.Net.Extensions.DependencyInjection/PACKAGE.md", """Check.That((await client.GetSnapshotsAsync()).Count > 0, "the keyed client lists the snapshots");"""),
            ("RepositoryAsync", "src/Restic.Net.Repository/PACKAGE.md", $"""
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy);
                Check.That(copy.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes({Quote(hosts)})), "the natively read file equals the backed-up one");
                """),
        };
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var methods = new StringBuilder();
        foreach (var (method, page, check) in pages)
        {
            var code = Replace(string.Concat(CSharpBlock().Matches(File.ReadAllText(Path.Combine(SourceCheckout.Root, page))).Select(m => m.Groups["code"].Value)), paths);
            var body = new StringBuilder();
            foreach (var line in code.Split('\n'))
            {
                if (UsingDirective().IsMatch(line))
                {
                    usings.Add(UsingDirective().Match(line).Groups["directive"].Value);
                }
                else
                {
                    body.Append("        ").Append(line).Append('\n');
                }
            }

            var name = method.Replace("Async", string.Empty, StringComparison.Ordinal);
            methods.Append($"    public static async Task {method}(string[] args)\n    {{\n")
                .Append(body)
                .Append(string.Join('\n', check.Split('\n').Select(l => "        " + l))).Append('\n')
                .Append($"        Console.WriteLine(\"consumer: {(name == "ResticNet" ? "Restic.Net" : name == "DependencyInjection" ? "DI" : name)} readme ok\");\n    }}\n\n");
        }

        return string.Concat(usings.Select(u => u + "\n")) + "\ninternal static class PackageReadmes\n{\n" + methods.ToString().TrimEnd('\n') + "\n}\n";
    }

    private static string Replace(string code, Dictionary<string, string> paths)
    {
        foreach (var (shown, actual) in paths)
        {
            code = code.Replace(Quote(shown), Quote(actual), StringComparison.Ordinal);
        }

        foreach (var shown in paths.Keys)
        {
            Assert.DoesNotContain(Quote(shown), code, StringComparison.Ordinal); // every path of the reader's was replaced
        }

        return code;
    }

    private static string Quote(string path) => "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";

    private static XElement PackageReference(string id, string version) =>
        new("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version));

    // The versions this solution pins (Directory.Packages.props), so that the consumer tests the same ones.
    private static string CentralVersion(string id) =>
        XDocument.Load(Path.Combine(SourceCheckout.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == id).Attribute("Version")!.Value;

    private static async Task<string> GlobalPackagesFolderAsync()
    {
        var result = await RunAsync(["nuget", "locals", "global-packages", "--list"], new Dictionary<string, string>());
        Assert.True(result.ExitCode == 0, result.Output);
        return GlobalPackages().Match(result.Output).Groups["path"].Value.Trim().TrimEnd('/');
    }

    // dotnet with the arguments, outside the test host's MSBuild (whose variables would steer the child's build),
    // bounded: a build or run that hangs is killed and fails the test.
    private static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ConsumerFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Directory.CreateDirectory(ConsumerFolder);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} ran for more than 6 minutes:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    // A using directive (not a using declaration such as "using var host = ..."), with its comment dropped.
    [GeneratedRegex(@"^(?<directive>using [A-Za-z][A-Za-z0-9.]*;)\s*(//.*)?$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"global-packages:\s*(?<path>.+)")]
    private static partial Regex GlobalPackages();
}
