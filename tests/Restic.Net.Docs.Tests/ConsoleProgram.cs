using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Restic.Net.Docs.Tests;

/// <summary>
/// Compiles C# text as the Program.cs of a new console project (<c>dotnet new console</c>: top-level statements,
/// nullable on, the SDK's implicit usings and nothing else), against the .NET runtime and the assemblies of this
/// test's folder: Restic.Net's packages and the packages the docs tell a reader to add.
/// </summary>
internal static partial class ConsoleProgram
{
    // What `dotnet new console` puts in its generated GlobalUsings file.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> s_references = new(LoadReferences);

    /// <summary>Compiles <paramref name="program"/>; the errors, or none and the assembly's bytes.</summary>
    public static (IReadOnlyList<string> Errors, byte[]? Assembly) Compile(string program)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "GlobalUsings.g.cs"), CSharpSyntaxTree.ParseText(program, parse, "Program.cs")],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return (errors, result.Success ? output.ToArray() : null);
    }

    /// <summary>
    /// A fragment appended to the program it continues: the fragment's own <c>using</c> lines go to the top,
    /// as a reader who pastes it puts them.
    /// </summary>
    public static string Continue(string program, string fragment)
    {
        var usings = UsingLine().Matches(fragment).Select(m => m.Value.TrimEnd()).ToList();
        var body = UsingLine().Replace(fragment, string.Empty).Trim('\n');
        var (programUsings, programBody) = SplitUsings(program);
        return string.Join('\n', programUsings.Concat(usings).Distinct(StringComparer.Ordinal)) + "\n\n" + programBody + "\n\n" + body + "\n";
    }

    /// <summary>Runs a compiled program's <c>Main</c> in this process and waits for it.</summary>
    public static async Task RunAsync(byte[] assembly)
    {
        var loaded = Assembly.Load(assembly);
        var main = loaded.GetType("Program")?.GetMethod("<Main>$", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("The program has no top-level statements.");
        var arguments = main.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
        if (main.Invoke(null, arguments) is Task task)
        {
            await task;
        }
    }

    private static (IEnumerable<string> Usings, string Body) SplitUsings(string program) =>
        (UsingLine().Matches(program).Select(m => m.Value.TrimEnd()), UsingLine().Replace(program, string.Empty).Trim('\n'));

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(p => !Path.GetFileName(p).StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
        return platform.Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToArray();
    }

    // A using directive (not a using statement or declaration) on a line of its own.
    [GeneratedRegex(@"^using (?:static )?[A-Za-z_][\w.]*(?: = [\w.<>]+)?;[ \t]*\n?", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
