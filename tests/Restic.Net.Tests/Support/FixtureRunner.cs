using Microsoft.Extensions.Logging;
using Restic.Net.Output;
using Restic.Net.Processes;

namespace Restic.Net.Tests.Support;

/// <summary>
/// The process seam answering each invocation with a recorded fixture: <c>version</c> with the version's own
/// recording, everything else as the test chooses (or as a script, see <see cref="Scripted"/>).
/// </summary>
internal sealed class FixtureRunner : IResticProcessRunner
{
    private readonly string _version;
    private readonly Func<ResticInvocation, IResticOutputSink, Fixture> _respond;
    private Func<ResticInvocation, IResticOutputSink, CancellationToken, Task<int>>? _script;

    public FixtureRunner(string version, Func<ResticInvocation, Fixture> respond)
        : this(version, (invocation, _) => respond(invocation))
    {
    }

    /// <summary>A runner whose answer may write to the sink first (stderr before a throw, as a stopped restic does).</summary>
    public FixtureRunner(string version, Func<ResticInvocation, IResticOutputSink, Fixture> respond)
    {
        _version = version;
        _respond = respond;
    }

    /// <summary>
    /// Answers every command but <c>version</c> with <paramref name="run"/> instead of a recording: a restic that
    /// prints as it goes, waits, or fails in a way no recording shows. Such runs are not added to <see cref="Invocations"/>.
    /// </summary>
    public FixtureRunner Scripted(Func<ResticInvocation, IResticOutputSink, CancellationToken, Task<int>> run)
    {
        _script = run;
        return this;
    }

    public async Task<int> RunAsync(ResticInvocation invocation, IResticOutputSink sink, CancellationToken cancellationToken)
    {
        if (_script is not null && invocation.Arguments[0] != "version")
        {
            return await _script(invocation, sink, cancellationToken);
        }

        lock (Invocations)
        {
            Invocations.Add(invocation);
        }

        if (Hold is { } hold)
        {
            await hold(invocation, cancellationToken);
        }

        if (invocation.StandardInput is { } input)
        {
            using var buffer = new MemoryStream();
            await input.CopyToAsync(buffer, cancellationToken);
            StandardInputs.Add(buffer.ToArray());
        }

        if (ProcessId is { } pid)
        {
            sink.OnProcessStarted(pid);
        }

        var fixture = invocation.Arguments[0] == "version" ? Fixture.Load(_version, "version") : _respond(invocation, sink);
        if (invocation.StandardOutput is { } output)
        {
            // Raw output (dump, streamed listings): the bytes as restic wrote them.
            await output.WriteAsync(fixture.StandardOutput, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        else
        {
            // Through the real line splitter, in chunks as a pipe delivers them: a last line
            // without its LF reaches the sink as cut output, as it would from restic.
            using var splitter = new LineSplitter(sink);
            var bytes = fixture.StandardOutput.AsSpan();
            while (!bytes.IsEmpty)
            {
                var buffer = splitter.GetBuffer();
                var count = Math.Min(Math.Min(buffer.Length, bytes.Length), 4096);
                bytes[..count].CopyTo(buffer);
                splitter.Commit(count);
                bytes = bytes[count..];
            }

            splitter.End();
        }

        foreach (var line in fixture.StandardErrorLines())
        {
            sink.OnStandardErrorLine(line);
        }

        return fixture.ExitCode;
    }

    public List<ResticInvocation> Invocations { get; } = [];

    /// <summary>The pid every run reports when it starts; none when null (as before a runner reported pids).</summary>
    public int? ProcessId { get; init; }

    /// <summary>Awaited before each answer, with the run's token: a test holds a run there (as a restic that runs on) until it is stopped.</summary>
    public Func<ResticInvocation, CancellationToken, Task>? Hold { get; init; }

    /// <summary>What the client wrote to restic's stdin, per invocation that had one.</summary>
    public List<byte[]> StandardInputs { get; } = [];

    /// <summary>Answers every non-version command with the same recording.</summary>
    public static FixtureRunner Replaying(string version, string scenario) =>
        new(version, _ => Fixture.Load(version, scenario));

    public ResticClient CreateClient(Action<ResticClientOptions>? configure = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var options = new ResticClientOptions
        {
            Repository = new LocalRepository("/tmp/restic-fixtures/repo"),
            Password = ResticPassword.FromValue("fixture-password"),
        };
        configure?.Invoke(options);
        return new ResticClient(options, this, loggerFactory, timeProvider);
    }

    public IReadOnlyList<string> LastArguments => Invocations[^1].Arguments;

    /// <summary>Answers by the command's verb (the argv before <c>--json</c>, joined by spaces); <c>version</c> is automatic.</summary>
    public static FixtureRunner ByVerb(string version, Func<string, ResticInvocation, string> scenarioOf) =>
        new(version, invocation =>
        {
            var verb = string.Join(' ', invocation.Arguments.TakeWhile(a => a != "--json"));
            return Fixture.Load(version, scenarioOf(verb, invocation));
        });

    /// <summary>The argv of every non-version invocation, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Commands => Invocations.Where(i => i.Arguments[0] != "version").Select(i => i.Arguments).ToList();
}
