using Microsoft.Extensions.Logging;
using Moq;
using Restic.Net.Output;
using Restic.Net.Processes;

namespace Restic.Net.Tests.Support;

/// <summary>
/// A mocked process seam that answers each invocation with a recorded fixture: <c>version</c>
/// with the version's own recording, everything else as the test chooses.
/// </summary>
internal sealed class FixtureRunner
{
    private readonly string _version;
    private readonly Func<ResticInvocation, IResticOutputSink, Fixture> _respond;

    public FixtureRunner(string version, Func<ResticInvocation, Fixture> respond)
        : this(version, (invocation, _) => respond(invocation))
    {
    }

    /// <summary>A runner whose answer may write to the sink first (stderr before a throw, as a stopped restic does).</summary>
    public FixtureRunner(string version, Func<ResticInvocation, IResticOutputSink, Fixture> respond)
    {
        _version = version;
        _respond = respond;
        Mock.Setup(r => r.RunAsync(It.IsAny<ResticInvocation>(), It.IsAny<IResticOutputSink>(), It.IsAny<CancellationToken>()))
            .Returns(async (ResticInvocation invocation, IResticOutputSink sink, CancellationToken cancellationToken) =>
            {
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
            });
    }

    public Mock<IResticProcessRunner> Mock { get; } = new(MockBehavior.Strict);

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
        return new ResticClient(options, Mock.Object, loggerFactory, timeProvider);
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
